using CheckIn.Core;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Tracing;

/// <summary>The rules a trace applies. Immutable; pass one per trace.</summary>
public sealed record ContactTracerOptions
{
    /// <summary>The defaults: 15 min minimum overlap (and encounter, within 2 m), no linger, F1 and F2, traced as of now.</summary>
    public static ContactTracerOptions Default { get; } = new();

    /// <summary>The shortest overlap that makes a contact (in addition to being longer than zero). Default 15 min.</summary>
    public Duration MinOverlap { get; init; } = Duration.FromMinutes(15);

    /// <summary>How long a source's presence lingers after they leave (aerosols); 30 min is a common indoor choice. Default 0.</summary>
    public Duration Linger { get; init; } = Duration.Zero;

    /// <summary>How many hops to trace: 1 for F1 only, 2 for F1 and F2 (default), more for F3….</summary>
    public int MaxDepth { get; init; } = 2;

    /// <summary>The trace time: windows end here. Null means the clock's now.</summary>
    public Instant? AsOf { get; init; }

    /// <summary>
    /// How long a contact stays a source for the next hop, from their exposure; null means until <see cref="AsOf"/>.
    /// </summary>
    public Duration? OnwardWindow { get; init; }

    /// <summary>The clock used when <see cref="AsOf"/> is null.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>
    /// The most contacts one hop keeps, or null for no cap. A hop that finds more keeps the earliest exposed (in the
    /// documented order), reports <see cref="TracingErrorCodes.Trace.ContactCapReached"/> (field: the level) and ends
    /// the trace, since a deeper hop would find some of those cut off again at the wrong level. Default null.
    /// </summary>
    public int? MaxContactsPerHop { get; init; }

    /// <summary>The most contacts the whole trace keeps, or null for no cap; reaching it ends the trace as <see cref="MaxContactsPerHop"/> does. Default null.</summary>
    public int? MaxContacts { get; init; }

    /// <summary>How each contact is scored (<see cref="Contact.Score"/>). Default <see cref="RiskModel.Default"/>.</summary>
    public RiskModel Risk { get; init; } = RiskModel.Default;

    /// <summary>
    /// The kind of a venue, by its key, for the risk model's weights (for example <c>VenueRegistry.KindOf</c>); null
    /// weighs every venue as <see cref="VenueKind.Unspecified"/>.
    /// </summary>
    public Func<string, VenueKind>? VenueKindOf { get; init; }

    /// <summary>
    /// The most contacts each level keeps, the highest scored (ties in the documented order), or null for all. The rest
    /// are counted in <see cref="HopStatistics.BeyondTop"/>, not reported, and not reached again at a deeper level.
    /// Default null.
    /// </summary>
    public int? TopPerLevel { get; init; }

    /// <summary>
    /// The lowest score a contact is reported with, or null for any. Contacts below are counted in
    /// <see cref="HopStatistics.BelowMinScore"/>, not reported, and not reached again at a deeper level. Default null.
    /// </summary>
    public double? MinScore { get; init; }

    /// <summary>
    /// Grow the next level only from contacts scored above this (a tracer's "expand the riskiest" step), or null to
    /// grow it from every contact. All are reported; <see cref="HopStatistics.Expanded"/> says how many were sources of
    /// the next hop. Default null.
    /// </summary>
    public double? ExpandAbove { get; init; }

    /// <summary>
    /// The shortest part of a Bluetooth encounter inside a source's window that makes a contact by proximity (in addition
    /// to being longer than zero), when the tracer has encounters. Default 15 min: the Ministry of Health's close contact
    /// (within 2 m for 15 minutes or more).
    /// </summary>
    public Duration MinEncounter { get; init; } = Duration.FromMinutes(15);

    /// <summary>
    /// The farthest distance class an encounter makes a contact at. Default <see cref="Proximity.EncounterDistance.Near"/>
    /// (within about 2 m, Bluezone's and the Ministry of Health's distance).
    /// </summary>
    public Proximity.EncounterDistance MaxEncounterDistance { get; init; } = Proximity.EncounterDistance.Near;

    /// <summary>Threads used for large hops. Default: the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>ContactTracerOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(TracingErrorCodes.Messages)
        .Check(MinOverlap >= Duration.Zero && MinOverlap <= Duration.FromDays(1), TracingErrorCodes.TracerOptions.MinOverlap, nameof(MinOverlap))
        .Check(Linger >= Duration.Zero && Linger <= Duration.FromDays(1), TracingErrorCodes.TracerOptions.Linger, nameof(Linger))
        .Check(MaxDepth is >= 0 and <= 32, TracingErrorCodes.TracerOptions.MaxDepth, nameof(MaxDepth))
        .Check(OnwardWindow is not { } onward || (onward > Duration.Zero && onward <= Duration.FromDays(60)), TracingErrorCodes.TracerOptions.OnwardWindow, nameof(OnwardWindow))
        .Check(MinEncounter >= Duration.Zero && MinEncounter <= Duration.FromDays(1), TracingErrorCodes.TracerOptions.MinEncounter, nameof(MinEncounter))
        .Check(Enum.IsDefined(MaxEncounterDistance), TracingErrorCodes.TracerOptions.MaxEncounterDistance, nameof(MaxEncounterDistance))
        .Check(MaxDegreeOfParallelism is >= 1 and <= 512, TracingErrorCodes.TracerOptions.MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism))
        .Check(Clock is not null, TracingErrorCodes.TracerOptions.Clock, nameof(Clock))
        .Check(MaxContactsPerHop is null or >= 1, TracingErrorCodes.TracerOptions.MaxContactsPerHop, nameof(MaxContactsPerHop))
        .Check(MaxContacts is null or >= 1, TracingErrorCodes.TracerOptions.MaxContacts, nameof(MaxContacts))
        .Check(Risk is not null && Risk.Validate().Count == 0, TracingErrorCodes.TracerOptions.Risk, nameof(Risk))
        .Check(TopPerLevel is null or >= 1, TracingErrorCodes.TracerOptions.TopPerLevel, nameof(TopPerLevel))
        .Check(MinScore is null or (>= 0 and <= 1), TracingErrorCodes.TracerOptions.MinScore, nameof(MinScore))
        .Check(ExpandAbove is null or (>= 0 and <= 1), TracingErrorCodes.TracerOptions.ExpandAbove, nameof(ExpandAbove))
        .ToList();

    /// <summary>For tests and benchmarks: force probing or sweeping instead of choosing per venue.</summary>
    internal TraceStrategy Strategy { get; init; }

    /// <summary>For tests: the smallest hop that is split across threads.</summary>
    internal int ParallelThreshold { get; init; } = 512;
}

/// <summary>How the tracer matches a hop's exposures against a venue's visits.</summary>
internal enum TraceStrategy
{
    /// <summary>Probe or sweep per venue, whichever costs less.</summary>
    Auto = 0,

    /// <summary>Binary search and scan per exposure.</summary>
    Probe = 1,

    /// <summary>One pass over the venue's visits in start order, keeping the best exposure for each (n log n).</summary>
    Sweep = 2,

    /// <summary>
    /// Every visit against every exposure it overlaps (n² in a crowded venue-hour): the sweep before issue 12, kept as
    /// a reference for the differential tests and the baseline of the crowd benchmark.
    /// </summary>
    PairSweep = 3,
}
