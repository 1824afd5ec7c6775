namespace CheckIn.Core.Places;

/// <summary>Which set of administrative units is in force.</summary>
public enum AdministrativeEra
{
    /// <summary>
    /// Before 1 July 2025: 63 provinces (2-digit codes), districts (3-digit) and communes (5-digit). CheckIn
    /// carries the GSO list as of 4 January 2025.
    /// </summary>
    Legacy = 0,

    /// <summary>
    /// From 1 July 2025 (Resolution 202/2025/QH15, Decision 19/2025/QĐ-TTg): 34 provinces, no district
    /// level, 3,321 communes.
    /// </summary>
    Reform2025 = 1,
}
