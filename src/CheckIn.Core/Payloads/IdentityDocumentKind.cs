namespace CheckIn.Core.Payloads;

/// <summary>The document a national personal QR names (field <c>SoGiayTo</c>).</summary>
public enum IdentityDocumentKind
{
    /// <summary>The 12-digit personal ID number (CCCD).</summary>
    CitizenId = 1,

    /// <summary>The 9-digit old ID card number (CMND).</summary>
    LegacyIdNumber = 2,

    /// <summary>A passport number.</summary>
    Passport = 3,
}
