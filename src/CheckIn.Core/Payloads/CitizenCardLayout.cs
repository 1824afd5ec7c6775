namespace CheckIn.Core.Payloads;

/// <summary>The two layouts of the citizen card QR.</summary>
public enum CitizenCardLayout
{
    /// <summary>The chip citizen ID card (2021 to June 2024): 7 fields.</summary>
    ChipCard2021 = 7,

    /// <summary>The identity card (from 1 July 2024): 11 fields, the last 4 of unconfirmed meaning.</summary>
    IdentityCard2024 = 11,
}
