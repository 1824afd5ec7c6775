namespace CheckIn.Core.Places;

/// <summary>Whether an administrative code was in force on a date.</summary>
public enum UnitValidity
{
    /// <summary>The code names a unit in force on that date.</summary>
    InForce = 1,

    /// <summary>The code names a unit of the other era only (abolished on 1 July 2025, or created then).</summary>
    NotInForce = 2,

    /// <summary>
    /// The code is in neither list. For dates before 2025 this may also be a unit dissolved before the
    /// January 2025 list was published, which CheckIn cannot know.
    /// </summary>
    Unknown = 3,
}
