namespace CheckIn.Core;

/// <summary>Thrown by <see cref="ParseResult{T}.GetValueOrThrow"/> and the <c>Parse</c> methods when text cannot be read.</summary>
/// <remarks>The message describes the error and where it is; it never contains the input.</remarks>
public sealed class CheckInFormatException : FormatException
{
    /// <summary>Creates the exception for an error.</summary>
    /// <param name="error">The error.</param>
    public CheckInFormatException(ParseError error)
        : base(error.GetMessage(MessageLanguage.English))
    {
        Error = error;
    }

    /// <summary>The error, with its stable code, field and position.</summary>
    public ParseError Error { get; }
}
