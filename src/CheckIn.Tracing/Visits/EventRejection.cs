namespace CheckIn.Tracing.Visits;

/// <summary>Why the visit builder (or recorder) did not turn an event into (part of) a visit. Every unused event is reported.</summary>
public enum EventRejection
{
    /// <summary>The event lies further in the future than the clock-skew tolerance allows.</summary>
    InFuture = 1,

    /// <summary>
    /// A check-out with no open check-in of the same person at the same venue before it. Events at the same
    /// instant are taken check-outs first (leaving one place as entering the next), so a check-out at the very
    /// instant of its own check-in has none before it; that check-in is then closed by the default length.
    /// </summary>
    CheckOutWithoutCheckIn = 2,

    /// <summary>A repeated check-in within the merge tolerance of the previous scan: folded into the open visit.</summary>
    DuplicateScan = 3,

    /// <summary>The event's time is outside the range the index can hold (1952–2088).</summary>
    OutOfRange = 4,

    /// <summary>The venue identifier is empty.</summary>
    MissingVenue = 5,

    /// <summary>The event's kind is neither check-in nor check-out.</summary>
    UnknownKind = 6,

    /// <summary>
    /// A check-in followed within the same second by the person's check-in elsewhere: the index holds whole seconds, so
    /// it makes no visit.
    /// </summary>
    Superseded = 7,

    /// <summary><see cref="VisitRecorder"/>: the event is older than the recorder's watermark (it came later than the horizon allows).</summary>
    TooLate = 8,
}
