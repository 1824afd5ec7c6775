namespace CheckIn.Core.Text;

/// <summary>The result of comparing two names with <see cref="NameMatcher"/>.</summary>
/// <param name="Kind">How they matched.</param>
/// <param name="Score">A similarity from 0 (nothing in common) to 1 (the same name).</param>
public readonly record struct NameMatch(NameMatchKind Kind, double Score);
