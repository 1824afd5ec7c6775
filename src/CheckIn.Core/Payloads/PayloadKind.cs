namespace CheckIn.Core.Payloads;

/// <summary>Which national code a payload is.</summary>
public enum PayloadKind
{
    /// <summary>The chip citizen ID card (2021) or identity card (from July 2024) QR.</summary>
    CitizenCard = 1,

    /// <summary>The health-insurance (BHYT) card QR.</summary>
    HealthInsuranceCard = 2,

    /// <summary>The national personal QR of Decision 1405/QĐ-BTTTT.</summary>
    PersonalQr = 3,

    /// <summary>A venue code made at qr.tokhaiyte.vn.</summary>
    TokhaiyteVenue = 4,

    /// <summary>CheckIn's own signed venue code.</summary>
    SignedVenue = 5,

    /// <summary>CheckIn's own signed personal code.</summary>
    SignedPerson = 6,

    /// <summary>An EU Digital COVID Certificate (<c>HC1:</c>), Vietnam's vaccine passport.</summary>
    DigitalCovidCertificate = 7,
}
