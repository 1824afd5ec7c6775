namespace CheckIn.Simulation;

/// <summary>One scenario of a study: the world (with its compliance), the tracing rule, and who visitors are recorded as.</summary>
/// <param name="Simulation">The synthetic province and its realities of check-in.</param>
/// <param name="Rule">The tracing rule.</param>
public sealed record StudyScenario(SimulationOptions Simulation, TracingRule Rule)
{
    /// <summary>How visitors are identified in the records (default one key per resident).</summary>
    public RecordingIdentity Identity { get; init; } = RecordingIdentity.OnePerResident;

    /// <summary>
    /// How many contacts a tracing team calls (a day's work): the study counts the infections found among that many,
    /// called by score and in list order (<see cref="StudyResult.Workload"/>). Default 1,000.
    /// </summary>
    public int Calls { get; init; } = 1_000;

    /// <summary>
    /// The workloads the study also scores, for a curve of infections found against contacts called
    /// (<see cref="StudyResult.Curve"/>); each at least 1. Default none.
    /// </summary>
    public IReadOnlyList<int> CurveCalls { get; init; } = [];
}
