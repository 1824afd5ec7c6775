using NodaTime;

namespace CheckIn.Simulation;

/// <summary>How a visit reached the records, if at all.</summary>
public enum RecordingChannel : byte
{
    /// <summary>Nobody recorded it: no smartphone scan, no card scan, no paper log.</summary>
    Unrecorded = 0,

    /// <summary>The visitor scanned the venue's code with a check-in app.</summary>
    App = 1,

    /// <summary>Staff at the door scanned the visitor's chip ID card or health-insurance card (check-in only).</summary>
    CardScan = 2,

    /// <summary>The visitor (or staff) wrote name, phone and time in the venue's paper log.</summary>
    PaperLog = 3,
}

/// <summary>Details of how a visit was recorded.</summary>
[Flags]
public enum RecordDetails : byte
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>App: the visitor also checked out on leaving.</summary>
    CheckedOut = 1,

    /// <summary>App: the code was scanned twice on arrival.</summary>
    DuplicateScan = 2,

    /// <summary>Paper log: the name is misspelt.</summary>
    NameTypo = 4,

    /// <summary>Paper log: the phone number is written wrong, so the entry cannot be matched to a person.</summary>
    PhoneWrong = 8,

    /// <summary>Paper log: the time of leaving was written too.</summary>
    TimeOutWritten = 16,
}

/// <summary>
/// A visit as it truly happened (the ground truth: who, where, from when to when) and how it was recorded.
/// Times are whole minutes.
/// </summary>
/// <param name="Resident">The resident's index.</param>
/// <param name="Venue">The venue's index.</param>
/// <param name="Arrival">When the resident arrived.</param>
/// <param name="Departure">When the resident left (after <paramref name="Arrival"/>).</param>
/// <param name="Channel">How the visit was recorded.</param>
/// <param name="Details">Details of the recording.</param>
public readonly record struct SimulatedVisit(int Resident, int Venue, Instant Arrival, Instant Departure, RecordingChannel Channel, RecordDetails Details)
{
    /// <summary>The length of the stay.</summary>
    public Duration Length => Departure - Arrival;

    /// <summary>Whether the records hold this visit in a form that identifies the person (not an unrecorded visit nor an unmatched paper entry).</summary>
    public bool IsTraceable => Channel is RecordingChannel.App or RecordingChannel.CardScan
        || (Channel == RecordingChannel.PaperLog && (Details & RecordDetails.PhoneWrong) == 0);
}

/// <summary>A ground-truth infection.</summary>
/// <param name="Resident">Who was infected.</param>
/// <param name="Infector">Who infected them, or -1 for an index case infected outside the province.</param>
/// <param name="Venue">The venue's index, or -1 at home (household spread) and for an index case.</param>
/// <param name="At">When.</param>
/// <param name="Onset">When symptoms started; from the next day the person is isolated and makes no visits.</param>
/// <param name="Generation">0 for index cases, then 1 for those they infected, and so on.</param>
public readonly record struct Infection(int Resident, int Infector, int Venue, Instant At, Instant Onset, int Generation)
{
    /// <summary>Whether a household member infected them at home, where check-ins see nothing.</summary>
    public bool IsAtHome => Venue < 0 && Infector >= 0;
}
