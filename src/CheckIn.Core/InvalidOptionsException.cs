namespace CheckIn.Core;

/// <summary>
/// Thrown when an options record handed to a constructor is out of range: a programmer's or a configuration's
/// mistake, not bad input. <see cref="Errors"/> lists every problem with a stable code and the property at fault, the
/// same errors the record's own <c>Validate()</c> returns (which hosts call at start).
/// </summary>
public sealed class InvalidOptionsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems; at least one.</param>
    /// <param name="paramName">The parameter that held the options.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public InvalidOptionsException(IReadOnlyList<CheckInError> errors, string? paramName)
        : base(Describe(errors), paramName)
    {
        Errors = errors;
    }

    /// <summary>Every problem, with its code and property.</summary>
    public IReadOnlyList<CheckInError> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> is not empty.</summary>
    /// <param name="errors">The result of an options record's <c>Validate()</c>.</param>
    /// <param name="paramName">The parameter that held the options.</param>
    /// <exception cref="InvalidOptionsException">There is at least one error.</exception>
    public static void ThrowIfAny(IReadOnlyList<CheckInError> errors, string? paramName)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new InvalidOptionsException(errors, paramName);
        }
    }

    private static string Describe(IReadOnlyList<CheckInError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An options error needs at least one error.", nameof(errors));
        }

        return "Invalid options: " + string.Join("; ", errors.Select(e => $"{e.Code}: {e.GetMessage(MessageLanguage.English)}"));
    }
}
