namespace CheckIn.Core;

/// <summary>
/// Collects the coded errors of an options record's <c>Validate()</c>: one per option out of range, with the option's
/// name as the property. Every CheckIn options record validates itself this way; a host's own options can too.
/// </summary>
/// <example>
/// <code>
/// public IReadOnlyList&lt;CheckInError&gt; Validate() => new OptionErrors(MyErrorCodes.Messages)
///     .Check(Retries is >= 0 and &lt;= 10, MyErrorCodes.Options.Retries, nameof(Retries))
///     .ToList();
/// </code>
/// </example>
public sealed class OptionErrors
{
    private readonly IErrorMessages _messages;
    private readonly List<CheckInError> _errors = [];

    /// <summary>Starts an empty collection.</summary>
    /// <param name="messages">The messages of the codes' package.</param>
    public OptionErrors(IErrorMessages messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _messages = messages;
    }

    /// <summary>Adds an error when a condition does not hold.</summary>
    /// <param name="valid">Whether the option is in range.</param>
    /// <param name="code">The code when it is not.</param>
    /// <param name="property">The option's name.</param>
    /// <returns>This collection.</returns>
    public OptionErrors Check(bool valid, string code, string property)
    {
        if (!valid)
        {
            _errors.Add(new CheckInError(code, _messages) { Property = property });
        }

        return this;
    }

    /// <summary>Adds the errors of a nested options record.</summary>
    /// <param name="errors">Its errors.</param>
    /// <param name="prefix">The nested record's property name, prefixed to theirs (<c>Outbreak.IndexCases</c>).</param>
    /// <returns>This collection.</returns>
    public OptionErrors Include(IEnumerable<CheckInError> errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            _errors.Add(error with { Property = error.Property is { } property ? $"{prefix}.{property}" : prefix });
        }

        return this;
    }

    /// <summary>The errors, in the order checked; empty when every option is in range.</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<CheckInError> ToList() => [.. _errors];
}
