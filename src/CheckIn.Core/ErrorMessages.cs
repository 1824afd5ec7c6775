using System.Collections.Frozen;

namespace CheckIn.Core;

/// <summary>
/// Error messages from one table per language (code → message), as every CheckIn package keeps them; also what a
/// host builds to override some of them.
/// </summary>
/// <example>
/// <code>
/// var mine = new ErrorMessages(
///     english: new Dictionary&lt;string, string&gt; { [CoreErrorCodes.Payload.UnknownFormat] = "This is not a check-in code" },
///     vietnamese: new Dictionary&lt;string, string&gt; { [CoreErrorCodes.Payload.UnknownFormat] = "Đây không phải mã khai báo" });
/// Console.WriteLine(error.GetMessage(MessageLanguage.Vietnamese, mine));
/// </code>
/// </example>
public sealed class ErrorMessages : IErrorMessages
{
    private readonly FrozenDictionary<string, string> _english;
    private readonly FrozenDictionary<string, string> _vietnamese;

    /// <summary>Creates the messages from a table per language.</summary>
    /// <param name="english">Code → English message.</param>
    /// <param name="vietnamese">Code → Vietnamese message.</param>
    public ErrorMessages(IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> vietnamese)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        _english = english.ToFrozenDictionary(StringComparer.Ordinal);
        _vietnamese = vietnamese.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The codes with a message in at least one language.</summary>
    public IReadOnlyCollection<string> Codes => [.. _english.Keys.Union(_vietnamese.Keys, StringComparer.Ordinal)];

    /// <inheritdoc />
    public string? Find(string code, MessageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(code);
        var table = language == MessageLanguage.Vietnamese ? _vietnamese : _english;
        return table.TryGetValue(code, out var message) ? message : null;
    }
}
