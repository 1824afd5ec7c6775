namespace CheckIn.Simulation;

/// <summary>A scenario's outcome.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="TrueVisits">Visits that happened.</param>
/// <param name="RecordedVisits">Visits the records hold (after the visit builder).</param>
/// <param name="Infections">Infections in the ground truth.</param>
/// <param name="Score">How tracing the records did.</param>
/// <param name="TraceTime">How long tracing the records took.</param>
public sealed record StudyResult(StudyScenario Scenario, long TrueVisits, long RecordedVisits, int Infections, TracingScore Score, TimeSpan TraceTime)
{
    /// <summary>What calling <see cref="StudyScenario.Calls"/> contacts finds, by score and in list order, on the same trace.</summary>
    public WorkloadScore? Workload { get; init; }

    /// <summary>
    /// What calling each of <see cref="StudyScenario.CurveCalls"/> contacts finds, on the same trace: recall against
    /// workload, ranked and unranked.
    /// </summary>
    public IReadOnlyList<WorkloadScore> Curve { get; init; } = [];
}
