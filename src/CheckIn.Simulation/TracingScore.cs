using CheckIn.Tracing;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Simulation;

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
