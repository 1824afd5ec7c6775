using System.Text.Json;

namespace CheckIn.Tracing.FollowUp;

/// <summary>
/// The names follow-up states and protections are written by, in the CSV, the JSON store and every export: kebab case
/// (<c>TestedNegative</c> → <c>tested-negative</c>, <c>FullyProtected</c> → <c>fully-protected</c>), and back.
/// </summary>
public static class FollowUpNames
{
    private static readonly string[] States = Names<FollowUpState>();
    private static readonly string[] Protections = Names<Protection>();

    /// <summary>A state's name.</summary>
    /// <param name="state">The state.</param>
    /// <returns>For example <c>tested-negative</c>.</returns>
    public static string Of(FollowUpState state) => States[(int)state];

    /// <summary>A protection's name.</summary>
    /// <param name="protection">The protection.</param>
    /// <returns>For example <c>fully-protected</c>.</returns>
    public static string Of(Protection protection) => Protections[(int)protection];

    /// <summary>The state a name stands for, exactly as <see cref="Of(FollowUpState)"/> writes it.</summary>
    /// <param name="name">The name.</param>
    /// <param name="state">The state, when the name is one.</param>
    /// <returns>True when it is.</returns>
    public static bool TryParse(string? name, out FollowUpState state) => TryFind(States, name, out state);

    /// <summary>The protection a name stands for, exactly as <see cref="Of(Protection)"/> writes it.</summary>
    /// <param name="name">The name.</param>
    /// <param name="protection">The protection, when the name is one.</param>
    /// <returns>True when it is.</returns>
    public static bool TryParse(string? name, out Protection protection) => TryFind(Protections, name, out protection);

    /// <summary>Names by value: the enums are numbered 0, 1, 2, … without gaps.</summary>
    private static string[] Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()))];

    private static bool TryFind<T>(string[] names, string? name, out T value)
        where T : struct, Enum
    {
        var index = name is null ? -1 : Array.IndexOf(names, name);
        value = index < 0 ? default : (T)(object)index;
        return index >= 0;
    }
}
