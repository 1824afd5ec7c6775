using System.Reflection;
using CheckIn.Core;

namespace CheckIn.Testing;

/// <summary>
/// Checks a package's error codes class: every constant is listed by <c>All()</c>, has a message in both
/// languages (different ones), and codes are unique and shaped <c>Group.Name</c>.
/// </summary>
internal static class ErrorCatalogAssert
{
    public static void IsComplete(Type codesClass, IErrorMessages messages, IReadOnlyList<string> all)
    {
        var constants = codesClass.GetNestedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(constants);
        Assert.Equal(constants.Count, constants.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(constants.Order(StringComparer.Ordinal), all);
        foreach (var code in constants)
        {
            Assert.Matches(@"^[A-Z][A-Za-z0-9]+\.[A-Z][A-Za-z0-9]+$", code);
            var english = messages.Find(code, MessageLanguage.English);
            var vietnamese = messages.Find(code, MessageLanguage.Vietnamese);
            Assert.False(string.IsNullOrWhiteSpace(english), $"{code} has no English message");
            Assert.False(string.IsNullOrWhiteSpace(vietnamese), $"{code} has no Vietnamese message");
            Assert.NotEqual(english, vietnamese);
            Assert.False(english!.EndsWith('.'), $"{code}: messages end without a full stop (GetMessage adds it)");
        }
    }
}
