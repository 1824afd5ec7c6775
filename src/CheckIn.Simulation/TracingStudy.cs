using CheckIn.Core;
using CheckIn.Tracing;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
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

/// <summary>
/// How tracing the records compares with the ground truth: exposure recall and precision against the same rule applied
/// to every true visit (what compliance loses), and the infections the cases caused that tracing found (what the rule
/// catches).
/// </summary>
/// <param name="Cases">Cases traced.</param>
/// <param name="RecordedF1">F1 found from the records.</param>
/// <param name="RecordedF2">F2 found from the records.</param>
/// <param name="TrueF1">F1 found from every true visit under the same rule.</param>
/// <param name="TrueF2">F2 found from every true visit under the same rule.</param>
/// <param name="F1Recall">Share of the true F1 found from the records as F1.</param>
/// <param name="F1Precision">Share of the F1 found from the records that are true F1.</param>
/// <param name="F2Recall">Share of the true F2 found from the records as F2.</param>
/// <param name="F2Precision">Share of the F2 found from the records that are true F2.</param>
/// <param name="InfectedByCases">Infections whose infector is a case (the infected not themselves a case).</param>
/// <param name="InfectedAtHome">Of those, infections at home (household spread), which venue records can only find by chance.</param>
/// <param name="InfectedFoundAsF1">Of those, found from the records as F1.</param>
/// <param name="InfectedFound">Of those, found from the records as F1 or F2.</param>
/// <param name="InfectedFoundFromTrueVisits">Of those, found from every true visit as F1 or F2.</param>
public sealed record TracingScore(
    int Cases,
    int RecordedF1,
    int RecordedF2,
    int TrueF1,
    int TrueF2,
    double F1Recall,
    double F1Precision,
    double F2Recall,
    double F2Precision,
    int InfectedByCases,
    int InfectedAtHome,
    int InfectedFoundAsF1,
    int InfectedFound,
    int InfectedFoundFromTrueVisits)
{
    /// <summary>Share of the infections the cases caused that tracing the records found (1 when there were none).</summary>
    public double InfectionRecall => InfectedByCases == 0 ? 1 : InfectedFound / (double)InfectedByCases;

    /// <summary>People asked to isolate or test (F1 and F2 from the records) per infection found; 0 when none was found.</summary>
    public double ContactsPerInfectionFound => InfectedFound == 0 ? 0 : (RecordedF1 + RecordedF2) / (double)InfectedFound;

    /// <summary>Scores a trace of the records against a trace of every true visit with the same cases and rule.</summary>
    /// <param name="fromRecords">The trace over the recorded visits.</param>
    /// <param name="fromTruth">The trace over every true visit.</param>
    /// <param name="infections">The ground truth's infections.</param>
    /// <param name="cases">The residents traced as cases.</param>
    /// <param name="residentOf">The resident a pseudonym stands for.</param>
    /// <returns>The score.</returns>
    public static TracingScore Of(TraceResult fromRecords, TraceResult fromTruth, IEnumerable<Infection> infections, IEnumerable<int> cases, Func<PersonPseudonym, int> residentOf)
    {
        ArgumentNullException.ThrowIfNull(fromRecords);
        ArgumentNullException.ThrowIfNull(fromTruth);
        ArgumentNullException.ThrowIfNull(infections);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(residentOf);
        HashSet<int> Level(TraceResult result, int level) => [.. result.AtLevel(level).Select(c => residentOf(c.Person))];
        var recordedF1 = Level(fromRecords, 1);
        var recordedF2 = Level(fromRecords, 2);
        var trueF1 = Level(fromTruth, 1);
        var trueF2 = Level(fromTruth, 2);
        var caseSet = cases.ToHashSet();
        var causedInfections = infections.Where(i => caseSet.Contains(i.Infector) && !caseSet.Contains(i.Resident)).ToList();
        var caused = causedInfections.Select(i => i.Resident).ToList();
        static double Recall(HashSet<int> found, HashSet<int> truth) => truth.Count == 0 ? 1 : found.Count(truth.Contains) / (double)truth.Count;
        static double Precision(HashSet<int> found, HashSet<int> truth) => found.Count == 0 ? 1 : found.Count(truth.Contains) / (double)found.Count;
        return new TracingScore(
            caseSet.Count,
            recordedF1.Count,
            recordedF2.Count,
            trueF1.Count,
            trueF2.Count,
            Recall(recordedF1, trueF1),
            Precision(recordedF1, trueF1),
            Recall(recordedF2, trueF2),
            Precision(recordedF2, trueF2),
            caused.Count,
            causedInfections.Count(i => i.IsAtHome),
            caused.Count(recordedF1.Contains),
            caused.Count(r => recordedF1.Contains(r) || recordedF2.Contains(r)),
            caused.Count(r => trueF1.Contains(r) || trueF2.Contains(r)));
    }
}

/// <summary>One scenario of a study: the world (with its compliance) and the tracing rule.</summary>
/// <param name="Simulation">The synthetic province and its realities of check-in.</param>
/// <param name="Rule">The tracing rule.</param>
public sealed record StudyScenario(SimulationOptions Simulation, TracingRule Rule);

/// <summary>A scenario's outcome.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="TrueVisits">Visits that happened.</param>
/// <param name="RecordedVisits">Visits the records hold (after the visit builder).</param>
/// <param name="Infections">Infections in the ground truth.</param>
/// <param name="Score">How tracing the records did.</param>
/// <param name="TraceTime">How long tracing the records took.</param>
public sealed record StudyResult(StudyScenario Scenario, long TrueVisits, long RecordedVisits, int Infections, TracingScore Score, TimeSpan TraceTime);

/// <summary>
/// Measures how tracing recall and precision change with scanning compliance, window, linger and minimum overlap.
/// Each distinct <see cref="SimulationOptions"/> is simulated once into a <see cref="RecordedWorld"/> (its records
/// through the <see cref="VisitBuilder"/> into one index, every true visit into another); each rule is then traced
/// over both (<see cref="RecordedWorld.TraceOutbreak"/>), for the cases whose symptoms began by the last day. With the same seed, scenarios differing only in compliance share the same visits and
/// outbreak, so their differences are the records' alone. Residents are keyed by index (they are synthetic); both
/// indexes of one world are held in memory while its rules are traced (about 30 bytes a true visit).
/// </summary>
public static class TracingStudy
{
    /// <summary>Runs the scenarios.</summary>
    /// <param name="scenarios">The scenarios; results come in the same order.</param>
    /// <param name="progress">Told after each scenario, or null.</param>
    /// <param name="cancellationToken">Stops between days and during traces.</param>
    /// <returns>One result per scenario.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A scenario's options are out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static IReadOnlyList<StudyResult> Run(IEnumerable<StudyScenario> scenarios, IProgress<StudyResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var list = scenarios.ToList();
        var results = new StudyResult[list.Count];
        foreach (var world in list.Select((scenario, index) => (scenario, index)).GroupBy(s => s.scenario.Simulation))
        {
            var recorded = RecordedWorld.Build(SyntheticProvince.Generate(world.Key, cancellationToken), SimulationFiles.KeyOf, cancellationToken: cancellationToken);
            foreach (var (scenario, index) in world)
            {
                var trace = recorded.TraceOutbreak(scenario.Rule, cancellationToken);
                results[index] = new StudyResult(scenario, recorded.Totals.TrueVisits, recorded.Totals.RecordedVisits, recorded.Infections.Count, trace.Score, trace.TraceTime);
                progress?.Report(results[index]);
            }
        }

        return results;
    }
}
