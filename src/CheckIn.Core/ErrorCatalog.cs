using System.Collections.Frozen;
using System.Reflection;

namespace CheckIn.Core;

/// <summary>
/// A catalog of stable error codes (the string constants of a class's nested classes) with their messages in
/// Vietnamese and English. Shared by <see cref="ParseErrorCodes"/> and the declaration codes.
/// </summary>
internal sealed class ErrorCatalog
{
    private readonly FrozenDictionary<string, (string English, string Vietnamese)> _messages;

    public ErrorCatalog(Type codes, Dictionary<string, (string English, string Vietnamese)> messages)
    {
        Codes = codes.GetNestedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        _messages = messages.ToFrozenDictionary(StringComparer.Ordinal);
        var missing = Codes.Where(c => !_messages.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Codes without messages: {string.Join(", ", missing)}.");
        }
    }

    public IReadOnlyList<string> Codes { get; }

    public string Describe(string code, MessageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _messages.TryGetValue(code, out var message)
            ? language == MessageLanguage.Vietnamese ? message.Vietnamese : message.English
            : code;
    }
}
