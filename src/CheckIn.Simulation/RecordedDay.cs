using CheckIn.Tracing.Visits;

namespace CheckIn.Simulation;

/// <summary>One day of a <see cref="SimulatedRecording"/>: what happened, and what the records made of it.</summary>
public sealed class RecordedDay
{
    internal RecordedDay(SimulatedDay day, VisitBuildResult built, int events, int paperEntries, int paperMatched, int paperMatchedWrongly)
    {
        Day = day;
        Visits = built.Visits;
        Rejected = built.Rejected;
        Events = events;
        PaperEntries = paperEntries;
        PaperMatched = paperMatched;
        PaperMatchedWrongly = paperMatchedWrongly;
    }

    /// <summary>The simulated day: the ground truth's visits and infections.</summary>
    public SimulatedDay Day { get; }

    /// <summary>The recorded visits, as the <see cref="VisitBuilder"/> made them from the day's events.</summary>
    public IReadOnlyList<Visit> Visits { get; }

    /// <summary>Events the visit builder set aside (repeated scans, stray check-outs), each with its coded reason.</summary>
    public IReadOnlyList<RejectedEvent> Rejected { get; }

    /// <summary>Check-in and check-out events recorded.</summary>
    public int Events { get; }

    /// <summary>Paper-log entries written.</summary>
    public int PaperEntries { get; }

    /// <summary>Paper-log entries resolved to a resident.</summary>
    public int PaperMatched { get; }

    /// <summary>Of those, resolved to the wrong resident (only with <see cref="PaperLogMatching.PhoneAndName"/>).</summary>
    public int PaperMatchedWrongly { get; }

    /// <summary>
    /// People the day's links showed to be one (with <see cref="IdentityModel.LinkedCards"/>): apply them to the index
    /// of the recorded visits (<see cref="CheckIn.Tracing.Index.VisitStore.Merge(IEnumerable{CheckIn.Tracing.Privacy.PersonMerge})"/>).
    /// </summary>
    public IReadOnlyList<CheckIn.Tracing.Privacy.PersonMerge> Merges { get; init; } = [];
}
