using CheckIn.Core;

namespace CheckIn.Declarations;

/// <summary>The outcome of validating a document.</summary>
/// <param name="Failures">
/// Every failure, in rule order; empty when valid. Each has a stable code (see <see cref="DeclarationErrorCodes"/>)
/// and the property path in JSON form (<see cref="CheckInError.Property"/>: <c>address.communeCode</c>,
/// <c>symptoms[2]</c>); <see cref="CheckInError.GetMessage"/> words it in Vietnamese or English.
/// </param>
public sealed record DeclarationValidationResult(IReadOnlyList<CheckInError> Failures)
{
    /// <summary>True when there are no failures.</summary>
    public bool IsValid => Failures.Count == 0;
}
