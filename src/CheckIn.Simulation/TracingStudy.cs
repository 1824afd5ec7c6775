using CheckIn.Core;
using CheckIn.Tracing.Visits;

namespace CheckIn.Simulation;

/// <summary>
/// Measures how tracing recall and precision change with scanning compliance, window, linger and minimum overlap.
/// Each distinct <see cref="SimulationOptions"/> is simulated once into a <see cref="RecordedWorld"/> (its records
/// through the <see cref="VisitBuilder"/> into one index, every true visit into another); each rule is then traced
/// over both (<see cref="RecordedWorld.TraceOutbreak(TracingRule, CancellationToken)"/>), for the cases whose symptoms began by the last day. Each
/// distinct <see cref="StudyScenario.Identity"/> records the world its own way (the same visits), so linking on and off are
/// compared on the same world (one simulation, recorded once per identity). With the same seed, scenarios differing only in compliance share the same visits and
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
    /// <exception cref="InvalidOptionsException">A scenario's options or rule are out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A scenario calls fewer than one contact (<see cref="StudyScenario.Calls"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static IReadOnlyList<StudyResult> Run(IEnumerable<StudyScenario> scenarios, IProgress<StudyResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var list = scenarios.ToList();
        foreach (var scenario in list)
        {
            // Every scenario is checked before the first world is simulated, which can take minutes.
            InvalidOptionsException.ThrowIfAny(scenario.Simulation.Validate(), nameof(scenarios));
            InvalidOptionsException.ThrowIfAny(scenario.Rule.Validate(), nameof(scenarios));
            InvalidOptionsException.ThrowIfAny(scenario.Identity?.Validate() ?? [], nameof(scenarios));
            ArgumentOutOfRangeException.ThrowIfLessThan(scenario.Calls, 1, nameof(scenarios));
            ArgumentNullException.ThrowIfNull(scenario.CurveCalls, nameof(scenarios));
            ArgumentOutOfRangeException.ThrowIfLessThan(scenario.CurveCalls.DefaultIfEmpty(1).Min(), 1, nameof(scenarios));
        }

        var results = new StudyResult[list.Count];
        foreach (var world in list.Select((scenario, index) => (scenario, index)).GroupBy(s => s.scenario.Simulation))
        {
            // One simulation per world, recorded once per identity.
            var identities = world.Select(s => s.scenario.Identity ?? RecordingIdentity.OnePerResident).Distinct().ToList();
            // Encounters only where a scenario traces them (they cost about a second and 160 MB a 200,000-resident
            // world); Bluezone draws from streams of its own, so the visits and the outbreak are the same without them.
            var options = world.Any(s => s.scenario.Rule.Proximity) ? world.Key : world.Key with { BluezoneShare = 0 };
            var worlds = RecordedWorld.BuildEach(SyntheticProvince.Generate(options, cancellationToken), RecordingIdentity.SyntheticPseudonym, identities,
                cancellationToken: cancellationToken);
            foreach (var (scenario, index) in world)
            {
                var recorded = worlds[identities.IndexOf(scenario.Identity ?? RecordingIdentity.OnePerResident)];
                var trace = recorded.TraceOutbreak(scenario.Rule, cancellationToken);
                results[index] = new StudyResult(scenario, recorded.Totals.TrueVisits, recorded.Totals.RecordedVisits, recorded.Infections.Count, trace.Score, trace.TraceTime)
                {
                    Workload = recorded.Workload(trace, scenario.Calls),
                    Curve = [.. scenario.CurveCalls.Select(calls => recorded.Workload(trace, calls))],
                };
                progress?.Report(results[index]);
            }
        }

        return results;
    }
}
