using System.Diagnostics;
using CheckIn.Core;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>
/// A simulated province run to its end and indexed twice: what the deployment recorded
/// (<see cref="SimulatedRecording"/>) and every true visit, with the ground truth's infections, so an outbreak can be
/// traced over the records and scored against the truth (<see cref="TraceOutbreak"/>). The one pipeline behind
/// <see cref="TracingStudy"/> and the demo.
/// </summary>
/// <remarks>Both indexes are held in memory: about 30 bytes a true visit.</remarks>
public sealed class RecordedWorld
{
    private readonly Func<int, PersonPseudonym> _personOf;
    private readonly Dictionary<PersonPseudonym, int> _residentOf;

    private RecordedWorld(SyntheticProvince province, Func<int, PersonPseudonym> personOf, VisitIndexSnapshot recorded, VisitIndexSnapshot truth,
        IReadOnlyList<Infection> infections, RecordingTotals totals)
    {
        Province = province;
        _personOf = personOf;
        Recorded = recorded;
        Truth = truth;
        Infections = infections;
        Totals = totals;
        End = province.StartInstant + Duration.FromDays(province.Options.Days);
        _residentOf = new Dictionary<PersonPseudonym, int>(province.ResidentCount);
        for (var i = 0; i < province.ResidentCount; i++)
        {
            _residentOf[personOf(i)] = i;
        }
    }

    /// <summary>The province.</summary>
    public SyntheticProvince Province { get; }

    /// <summary>The recorded visits, indexed.</summary>
    public VisitIndexSnapshot Recorded { get; }

    /// <summary>Every true visit, indexed.</summary>
    public VisitIndexSnapshot Truth { get; }

    /// <summary>The ground truth's infections, in the order they happened.</summary>
    public IReadOnlyList<Infection> Infections { get; }

    /// <summary>What was recorded.</summary>
    public RecordingTotals Totals { get; }

    /// <summary>The end of the last day (the trace time).</summary>
    public Instant End { get; }

    /// <summary>Simulates a province and indexes what was recorded and what happened.</summary>
    /// <param name="province">The province (simulated from its first day).</param>
    /// <param name="personOf">The pseudonym a resident is recorded under, by index; distinct for distinct residents.</param>
    /// <param name="paperLogs">How paper-log entries are resolved.</param>
    /// <param name="progress">Told after each day, or null.</param>
    /// <param name="cancellationToken">Stops between days.</param>
    /// <returns>The world.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static RecordedWorld Build(SyntheticProvince province, Func<int, PersonPseudonym> personOf, PaperLogMatching paperLogs = PaperLogMatching.RightPhone,
        IProgress<RecordedDay>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(personOf);
        var recording = new SimulatedRecording(new ProvinceSimulation(province), personOf, paperLogs);
        var recorded = new VisitStore();
        var truth = new VisitStore();
        foreach (var day in recording.Run(cancellationToken))
        {
            foreach (var visit in day.Day.Visits)
            {
                truth.Add(personOf(visit.Resident), province.Venues[visit.Venue].Id, visit.Arrival, visit.Departure);
            }

            recorded.AddRange(day.Visits);
            progress?.Report(day);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new RecordedWorld(province, personOf, recorded.Flush(cancellationToken), truth.Flush(cancellationToken), [.. recording.Simulation.Infections], recording.Totals);
    }

    /// <summary>The resident a pseudonym of this world stands for.</summary>
    /// <param name="person">The pseudonym.</param>
    /// <returns>The resident's index, or −1 when the pseudonym is not a resident's.</returns>
    public int ResidentOf(PersonPseudonym person) => _residentOf.TryGetValue(person, out var resident) ? resident : -1;

    /// <summary>The pseudonym of a resident.</summary>
    /// <param name="resident">The resident's index.</param>
    /// <returns>The pseudonym.</returns>
    public PersonPseudonym PersonOf(int resident) => _personOf(resident);

    /// <summary>
    /// Traces the cases (the infected whose symptoms began by <see cref="End"/>, each over the rule's window) over the
    /// records and over every true visit, and scores the first against the second and the infections.
    /// </summary>
    /// <param name="rule">The tracing rule.</param>
    /// <param name="cancellationToken">Stops the traces.</param>
    /// <returns>Both traces and the score.</returns>
    /// <exception cref="InvalidOptionsException">A setting of the rule is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public OutbreakTrace TraceOutbreak(TracingRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        InvalidOptionsException.ThrowIfAny(rule.Validate(), nameof(rule));
        var cases = Infections.Where(i => i.Onset <= End).ToList();
        var traceCases = cases.Select(c => rule.CaseOf(_personOf(c.Resident), c, End)).ToList();
        var options = rule.ToTracerOptions(End);
        var stopwatch = Stopwatch.StartNew();
        var fromRecords = new ContactTracer(Recorded).Trace(traceCases, options, cancellationToken);
        var traceTime = stopwatch.Elapsed;
        var fromTruth = new ContactTracer(Truth).Trace(traceCases, options, cancellationToken);
        var score = TracingScore.Of(fromRecords, fromTruth, Infections, cases.Select(c => c.Resident), ResidentOf);
        return new OutbreakTrace(rule, cases, fromRecords, fromTruth, score, traceTime);
    }
}
