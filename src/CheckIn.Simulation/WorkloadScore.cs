using CheckIn.Tracing;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Simulation;

/// <summary>
/// What a tracing team that can call <see cref="Calls"/> contacts finds, calling them in score order
/// (<see cref="TraceResult.Ranked"/>) or in the order a list without scores gives (F1 before F2, earliest exposed first),
/// measured on the same trace.
/// </summary>
/// <param name="Calls">Contacts called.</param>
/// <param name="Contacts">Contacts the trace found (all of them, F1 and F2).</param>
/// <param name="InfectedByCases">Infections whose infector is a case (the infected not themselves a case).</param>
/// <param name="FoundRanked">Of those, among the first <see cref="Calls"/> contacts by score.</param>
/// <param name="FoundUnranked">Of those, among the first <see cref="Calls"/> contacts in the unranked order.</param>
/// <param name="InfectedContacts">Contacts the trace found who were infected in the ground truth (by anyone, at any time).</param>
/// <param name="InfectedFoundRanked">Of those, among the first <see cref="Calls"/> by score.</param>
/// <param name="InfectedFoundUnranked">Of those, among the first <see cref="Calls"/> in the unranked order.</param>
public sealed record WorkloadScore(int Calls, int Contacts, int InfectedByCases, int FoundRanked, int FoundUnranked, int InfectedContacts, int InfectedFoundRanked, int InfectedFoundUnranked)
{
    /// <summary>Scores a trace at a workload.</summary>
    /// <param name="trace">The trace of the records.</param>
    /// <param name="infections">The ground truth's infections.</param>
    /// <param name="cases">The residents traced as cases.</param>
    /// <param name="residentOf">The resident a pseudonym stands for.</param>
    /// <param name="calls">How many contacts the team calls (at least 1).</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="calls"/> is below 1.</exception>
    public static WorkloadScore Of(TraceResult trace, IEnumerable<Infection> infections, IEnumerable<int> cases, Func<PersonPseudonym, int> residentOf, int calls)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(infections);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(residentOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, 1);
        var caseSet = cases.ToHashSet();
        var infectionList = infections.ToList();
        var caused = infectionList.Where(i => caseSet.Contains(i.Infector) && !caseSet.Contains(i.Resident)).Select(i => i.Resident).ToHashSet();
        var infected = infectionList.Select(i => i.Resident).ToHashSet();
        var ranked = trace.Ranked().Take(calls).Select(c => residentOf(c.Person)).ToHashSet();
        var unranked = trace.Contacts.Take(calls).Select(c => residentOf(c.Person)).ToHashSet();
        var contacts = trace.Contacts.Select(c => residentOf(c.Person)).ToHashSet();
        return new WorkloadScore(calls, trace.Contacts.Count, caused.Count, caused.Count(ranked.Contains), caused.Count(unranked.Contains),
            contacts.Count(infected.Contains), ranked.Count(infected.Contains), unranked.Count(infected.Contains));
    }
}
