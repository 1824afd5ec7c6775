using CheckIn.Core;
using CheckIn.Tracing;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>The tracing rule a study varies: the window before symptom onset, the minimum overlap, linger and depth.</summary>
public sealed record TracingRule
{
    /// <summary>The rule of 2021: from two days before onset, 15 minutes together, no linger, to F2.</summary>
    public static TracingRule Default { get; } = new();

    /// <summary>How long before symptom onset a case's window starts. Default 2 days.</summary>
    public Duration WindowBeforeOnset { get; init; } = Duration.FromDays(2);

    /// <summary>The shortest time together that makes a contact. Default 15 minutes.</summary>
    public Duration MinOverlap { get; init; } = Duration.FromMinutes(15);

    /// <summary>How long a source's presence lingers after they leave. Default none.</summary>
    public Duration Linger { get; init; } = Duration.Zero;

    /// <summary>Hops traced (2: F1 and F2). Default 2.</summary>
    public int MaxDepth { get; init; } = 2;

    /// <summary>
    /// Whether Bluezone encounters are traced as well as venue visits (<see cref="RecordedWorld.Encounters"/>, at the
    /// tracer's default encounter rules: 15 minutes within about 2 m). Default false: venue check-ins alone.
    /// </summary>
    public bool Proximity { get; init; }

    /// <summary>Checks every setting against its range.</summary>
    /// <returns>One coded error per setting out of range (<c>TracingRule.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(SimulationErrorCodes.Messages)
        .Check(WindowBeforeOnset >= Duration.Zero && WindowBeforeOnset <= Duration.FromDays(30), SimulationErrorCodes.Rule.WindowBeforeOnset, nameof(WindowBeforeOnset))
        .Check(MinOverlap >= Duration.Zero && MinOverlap <= Duration.FromDays(1), SimulationErrorCodes.Rule.MinOverlap, nameof(MinOverlap))
        .Check(Linger >= Duration.Zero && Linger <= Duration.FromDays(1), SimulationErrorCodes.Rule.Linger, nameof(Linger))
        .Check(MaxDepth is >= 0 and <= 32, SimulationErrorCodes.Rule.MaxDepth, nameof(MaxDepth))
        .ToList();

    /// <summary>The tracer's options for this rule.</summary>
    /// <param name="asOf">The trace time.</param>
    /// <returns>The options.</returns>
    public ContactTracerOptions ToTracerOptions(Instant asOf) => new() { MinOverlap = MinOverlap, Linger = Linger, MaxDepth = MaxDepth, AsOf = asOf };

    /// <summary>
    /// A case's window: from <see cref="WindowBeforeOnset"/> before symptom onset until isolation (the local midnight
    /// after onset, when the simulation keeps them home), cut at <paramref name="asOf"/>.
    /// </summary>
    /// <param name="person">The case's pseudonym.</param>
    /// <param name="infection">The case's infection.</param>
    /// <param name="asOf">The trace time.</param>
    /// <returns>The case to trace.</returns>
    public TraceCase CaseOf(PersonPseudonym person, Infection infection, Instant asOf)
    {
        var isolation = VietnamTime.DateAt(infection.Onset).PlusDays(1).AtStartOfDayInZone(VietnamTime.Zone).ToInstant();
        var until = isolation < asOf ? isolation : asOf;
        var from = infection.Onset - WindowBeforeOnset;
        return new TraceCase(person, from < until ? from : until - Duration.FromMinutes(1), until);
    }
}
