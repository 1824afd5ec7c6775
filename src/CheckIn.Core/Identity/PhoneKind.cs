namespace CheckIn.Core.Identity;

/// <summary>What kind of Vietnamese number a <see cref="PhoneNumber"/> is.</summary>
public enum PhoneKind
{
    /// <summary>A mobile number (since 2018: 03, 05, 07, 08, 09 followed by 8 digits).</summary>
    Mobile = 1,

    /// <summary>A fixed line (02x area code, 11 digits with the leading 0).</summary>
    Landline = 2,
}
