namespace CheckIn.Tracing.Privacy;

/// <summary>
/// What an identifier is. Each kind is its own namespace in <see cref="PersonPseudonymizer"/>: a phone number and a
/// health-insurance number with the same characters are different people. The values are part of the pseudonym's
/// input and never change.
/// </summary>
public enum IdentifierKind
{
    /// <summary>An identifier of no stated kind (the person column of a visits CSV, a host's own key).</summary>
    Opaque = 0,

    /// <summary>A citizen ID card number (12 digits) or a legacy ID number (9 digits).</summary>
    CitizenId = 1,

    /// <summary>A Vietnamese phone number, in any spelling <see cref="CheckIn.Core.Identity.PhoneNumber"/> reads.</summary>
    Phone = 2,

    /// <summary>A health-insurance card number.</summary>
    HealthInsurance = 3,

    /// <summary>A passport number.</summary>
    Passport = 4,

    /// <summary>The id of a national check-in platform's personal QR code.</summary>
    PlatformId = 5,

    /// <summary>
    /// A paper-log entry's own key (written name and phone, <see cref="Visits.PaperLogMatcher"/>): the person of an
    /// entry that matched nobody registered.
    /// </summary>
    PaperLog = 6,
}
