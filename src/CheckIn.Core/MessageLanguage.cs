namespace CheckIn.Core;

/// <summary>The language of a human-readable message. Chosen per call, never by a global setting.</summary>
public enum MessageLanguage
{
    /// <summary>Vietnamese (the default for people in Vietnam).</summary>
    Vietnamese = 0,

    /// <summary>English.</summary>
    English = 1,
}
