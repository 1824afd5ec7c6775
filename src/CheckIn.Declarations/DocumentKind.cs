namespace CheckIn.Declarations;

/// <summary>The kinds of document CheckIn validates. The JSON name of each is in brackets.</summary>
public enum DocumentKind
{
    /// <summary>A domestic health declaration [<c>domestic</c>].</summary>
    Domestic = 1,

    /// <summary>An entry declaration at a border gate (VHD) [<c>entry</c>].</summary>
    Entry = 2,

    /// <summary>A venue's registration for a check-in code [<c>venue</c>].</summary>
    VenueRegistration = 3,

    /// <summary>A line of a venue's paper log [<c>paper-log</c>].</summary>
    PaperLog = 4,

    /// <summary>A sample tube paired with the people sampled into it [<c>specimen</c>].</summary>
    SpecimenPairing = 5,

    /// <summary>A venue's daily safety checklist [<c>safety-check</c>].</summary>
    SafetyCheck = 6,
}
