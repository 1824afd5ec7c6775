namespace CheckIn.Core;

/// <summary>
/// Messages for error codes, one language at a time. Every package has its own (for example
/// <see cref="CoreErrorCodes.Messages"/>); a host implements this to word some codes its own way and passes it
/// to <see cref="CheckInError.GetMessage"/>, which falls back to the package's messages.
/// </summary>
public interface IErrorMessages
{
    /// <summary>The message for a code in a language, without a final full stop.</summary>
    /// <param name="code">The code.</param>
    /// <param name="language">The language.</param>
    /// <returns>The message, or null when this source has none for the code.</returns>
    string? Find(string code, MessageLanguage language);
}
