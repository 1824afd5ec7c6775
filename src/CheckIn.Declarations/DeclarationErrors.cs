using CheckIn.Core;

namespace CheckIn.Declarations;

/// <summary>Makes <see cref="CheckInError"/> values with the messages of <see cref="DeclarationErrorCodes"/>.</summary>
internal static class DeclarationErrors
{
    public static CheckInError At(string code, string property) =>
        new(code, DeclarationErrorCodes.Messages) { Property = property.Length == 0 ? null : property };
}
