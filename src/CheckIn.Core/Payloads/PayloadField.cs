namespace CheckIn.Core.Payloads;

/// <summary>One named field of a payload, for display and export.</summary>
/// <param name="Name">The field name in camelCase, stable across versions.</param>
/// <param name="Value">The value as text (masked unless revealed), or null when the card leaves it empty.</param>
public readonly record struct PayloadField(string Name, string? Value);
