namespace CheckIn.Core;

/// <summary>
/// An expected failure turned into an exception, because the caller asked for one
/// (<see cref="Result{T}.GetValueOrThrow"/>, the <c>Parse</c> methods, a streamed file read with a foreach).
/// </summary>
/// <remarks>The message is the error's English message with its location; it never contains the input.</remarks>
public sealed class CheckInException : Exception
{
    /// <summary>Creates the exception for an error.</summary>
    /// <param name="error">The error.</param>
    /// <exception cref="ArgumentException">The error is empty.</exception>
    public CheckInException(CheckInError error)
        : base(error.IsEmpty ? throw new ArgumentException("The error is empty.", nameof(error)) : error.GetMessage(MessageLanguage.English))
    {
        Error = error;
    }

    /// <summary>The error, with its stable code and location.</summary>
    public CheckInError Error { get; }
}
