namespace CheckIn.Declarations;

/// <summary>One reason a document is not valid.</summary>
/// <param name="Code">The stable code (see <see cref="DeclarationErrorCodes"/>).</param>
/// <param name="Property">The property path in JSON form, e.g. <c>address.communeCode</c> or <c>symptoms[2]</c>.</param>
/// <param name="Message">The message in the language asked for.</param>
public sealed record DeclarationFailure(string Code, string Property, string Message);

/// <summary>The outcome of validating a document.</summary>
/// <param name="Failures">Every failure, in rule order; empty when valid.</param>
public sealed record DeclarationValidationResult(IReadOnlyList<DeclarationFailure> Failures)
{
    /// <summary>True when there are no failures.</summary>
    public bool IsValid => Failures.Count == 0;
}
