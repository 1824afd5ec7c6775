using System.Diagnostics;
using CheckIn.Core;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>
/// A simulated province run to its end and indexed twice: what the deployment recorded
/// (<see cref="SimulatedRecording"/>) and every true visit, with the ground truth's infections, so an outbreak can be
/// traced over the records and scored against the truth (<see cref="TraceOutbreak(TracingRule, CancellationToken)"/>). The one pipeline behind
/// <see cref="TracingStudy"/> and the demo.
/// </summary>
/// <remarks>Both indexes are held in memory: about 30 bytes a true visit.</remarks>
public sealed class RecordedWorld
{
    private readonly Func<int, PersonPseudonym> _personOf;
    private readonly Func<int, PersonPseudonym> _caseKeyOf;
    private readonly Dictionary<PersonPseudonym, int> _residentOf;
    private readonly Lazy<Dictionary<string, CheckIn.Core.Places.VenueKind>> _venueKinds;

    private RecordedWorld(SyntheticProvince province, SimulatedRecording recording, Func<int, PersonPseudonym> personOf, VisitIndexSnapshot recorded,
        VisitIndexSnapshot truth, TimeSpan mergeTime, EncounterIndex encounters, EncounterIndex truthEncounters)
    {
        Encounters = encounters;
        TruthEncounters = truthEncounters;
        Province = province;
        _personOf = personOf;
        _caseKeyOf = recording.CaseKeyOf;
        Recorded = recorded;
        Truth = truth;
        Infections = [.. recording.Simulation.Infections];
        Totals = recording.Totals;
        Identity = recording.Identity;
        MergeTime = mergeTime;
        End = province.StartInstant + Duration.FromDays(province.Options.Days);
        _venueKinds = new(() => province.Venues.ToDictionary(v => v.Id, v => v.Kind, StringComparer.Ordinal));
        _residentOf = new Dictionary<PersonPseudonym, int>(province.ResidentCount);
        for (var i = 0; i < province.ResidentCount; i++)
        {
            _residentOf[personOf(i)] = i;
            foreach (var pseudonym in recording.PseudonymsOf(i))
            {
                _residentOf[pseudonym] = i;
            }
        }
    }

    /// <summary>The province.</summary>
    public SyntheticProvince Province { get; }

    /// <summary>The recorded visits, indexed.</summary>
    public VisitIndexSnapshot Recorded { get; }

    /// <summary>Every true visit, indexed.</summary>
    public VisitIndexSnapshot Truth { get; }

    /// <summary>
    /// The Bluetooth encounters the Bluezone users' phones logged (<see cref="SimulatedDay.Encounters"/>), keyed as the
    /// records key each user's app (their one key, or their phone's pseudonym resolved through the links learned); empty
    /// when <see cref="SimulationOptions.BluezoneShare"/> is 0. Traced with the records when <see cref="TracingRule.Proximity"/> is on.
    /// </summary>
    public EncounterIndex Encounters { get; }

    /// <summary>The same encounters keyed as the true visits, traced with them when <see cref="TracingRule.Proximity"/> is on.</summary>
    public EncounterIndex TruthEncounters { get; }

    /// <summary>The ground truth's infections, in the order they happened.</summary>
    public IReadOnlyList<Infection> Infections { get; }

    /// <summary>What was recorded.</summary>
    public RecordingTotals Totals { get; }

    /// <summary>How visitors were identified in the records.</summary>
    public RecordingIdentity Identity { get; }

    /// <summary>Time spent applying the links' merges to the index of the records (zero without linking).</summary>
    public TimeSpan MergeTime { get; }

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
        ArgumentNullException.ThrowIfNull(personOf);
        return BuildWithIdentity(province, (resident, _) => personOf(resident), RecordingIdentity.OnePerResident, paperLogs, progress, cancellationToken);
    }

    /// <summary>
    /// Simulates a province and indexes what was recorded, identifying visitors as <paramref name="identity"/> says (the
    /// cards and accounts a deployment sees, linked or not), and what happened (one key per resident). With
    /// <see cref="IdentityModel.LinkedCards"/> the merges the links cause are applied to the index of the records as
    /// each day's links are learned (<see cref="MergeTime"/>).
    /// </summary>
    /// <param name="province">The province (simulated from its first day).</param>
    /// <param name="identifierOf">
    /// The pseudonym of a resident's identifier of a kind (<see cref="IdentifierKind.Opaque"/> is the one key per resident
    /// of the true visits); <see cref="RecordingIdentity.SyntheticPseudonym"/> will do. Distinct for distinct residents.
    /// </param>
    /// <param name="identity">How visitors are identified in the records.</param>
    /// <param name="paperLogs">How paper-log entries are resolved.</param>
    /// <param name="progress">Told after each day, or null.</param>
    /// <param name="cancellationToken">Stops between days.</param>
    /// <returns>The world.</returns>
    /// <exception cref="InvalidOptionsException">A setting of <paramref name="identity"/> is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static RecordedWorld BuildWithIdentity(SyntheticProvince province, Func<int, IdentifierKind, PersonPseudonym> identifierOf, RecordingIdentity identity,
        PaperLogMatching paperLogs = PaperLogMatching.RightPhone, IProgress<RecordedDay>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return BuildEach(province, identifierOf, [identity], paperLogs, progress, cancellationToken)[0];
    }

    /// <summary>
    /// Simulates a province once and records it once per identity (the same visits, recorded as each says), so linking on
    /// and off are compared on one world at the cost of one simulation; the worlds share the index of the true visits.
    /// </summary>
    /// <param name="province">The province (simulated from its first day).</param>
    /// <param name="identifierOf">The pseudonym of a resident's identifier of a kind (see <see cref="BuildWithIdentity"/>).</param>
    /// <param name="identities">How visitors are identified, one world each.</param>
    /// <param name="paperLogs">How paper-log entries are resolved.</param>
    /// <param name="progress">Told after each day with the first identity's record of it, or null.</param>
    /// <param name="cancellationToken">Stops between days.</param>
    /// <returns>One world per identity, in order.</returns>
    /// <exception cref="InvalidOptionsException">A setting of an identity is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static IReadOnlyList<RecordedWorld> BuildEach(SyntheticProvince province, Func<int, IdentifierKind, PersonPseudonym> identifierOf, IReadOnlyList<RecordingIdentity> identities,
        PaperLogMatching paperLogs = PaperLogMatching.RightPhone, IProgress<RecordedDay>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(identifierOf);
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentOutOfRangeException.ThrowIfZero(identities.Count);
        var simulation = new ProvinceSimulation(province);
        var recordings = identities.Select(identity => SimulatedRecording.WithIdentity(simulation, identifierOf, identity, paperLogs)).ToList();
        var stores = recordings.Select(_ => new VisitStore()).ToList();
        var merging = recordings.Select(_ => new Stopwatch()).ToList();
        var truth = new VisitStore();
        var encounters = new List<SimulatedEncounter>();
        foreach (var day in simulation.Run(cancellationToken))
        {
            encounters.AddRange(day.Encounters(cancellationToken));
            foreach (var visit in day.Visits)
            {
                truth.Add(identifierOf(visit.Resident, IdentifierKind.Opaque), province.Venues[visit.Venue].Id, visit.Arrival, visit.Departure);
            }

            RecordedDay? first = null;
            for (var k = 0; k < recordings.Count; k++)
            {
                var recorded = recordings[k].RecordDay(day);
                first ??= recorded;
                stores[k].AddRange(recorded.Visits);
                if (recorded.Merges.Count > 0)
                {
                    merging[k].Start();
                    stores[k].Merge(recorded.Merges);
                    merging[k].Stop();
                }
            }

            progress?.Report(first!);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var truthIndex = truth.Flush(cancellationToken);
        var truthEncounters = Index(encounters, resident => identifierOf(resident, IdentifierKind.Opaque), cancellationToken);
        return [.. recordings.Select((recording, k) => new RecordedWorld(province, recording, resident => identifierOf(resident, IdentifierKind.Opaque),
            stores[k].Flush(cancellationToken), truthIndex, merging[k].Elapsed,
            recording.Identity.Model == IdentityModel.OnePerResident ? truthEncounters : Index(encounters, recording.AppKeyOf, cancellationToken), truthEncounters))];
    }

    private static EncounterIndex Index(List<SimulatedEncounter> encounters, Func<int, PersonPseudonym> personOf, CancellationToken cancellationToken)
    {
        var builder = new EncounterIndex.Builder();
        foreach (var encounter in encounters)
        {
            builder.Add(encounter.ToEncounter(personOf));
        }

        return builder.Build(cancellationToken);
    }

    /// <summary>Scores a trace of this world at a workload: infections found among the first <paramref name="calls"/> contacts, ranked and not.</summary>
    /// <param name="trace">A trace of this world (<see cref="TraceOutbreak(TracingRule, CancellationToken)"/>).</param>
    /// <param name="calls">How many contacts the team calls.</param>
    /// <returns>The score.</returns>
    public WorkloadScore Workload(OutbreakTrace trace, int calls)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return WorkloadScore.Of(trace.FromRecords, Infections, trace.Cases.Select(c => c.Resident), ResidentOf, calls);
    }

    /// <summary>The kind of a venue of the province by its key (<see cref="CheckIn.Core.Places.VenueKind.Unspecified"/> for any other key).</summary>
    /// <param name="venue">The venue key.</param>
    /// <returns>The kind.</returns>
    public CheckIn.Core.Places.VenueKind VenueKindOf(string venue) => _venueKinds.Value.GetValueOrDefault(venue);

    /// <summary>The resident a pseudonym of this world stands for.</summary>
    /// <param name="person">The pseudonym.</param>
    /// <returns>The resident's index, or −1 when the pseudonym is not a resident's.</returns>
    public int ResidentOf(PersonPseudonym person) => _residentOf.TryGetValue(person, out var resident) ? resident : -1;

    /// <summary>The pseudonym of a resident in the true visits (and in the records, with one key per resident).</summary>
    /// <param name="resident">The resident's index.</param>
    /// <returns>The pseudonym.</returns>
    public PersonPseudonym PersonOf(int resident) => _personOf(resident);

    /// <summary>The pseudonym a case is traced by in the records: their chip card's, resolved through the links learned (or the one key).</summary>
    /// <param name="resident">The resident's index.</param>
    /// <returns>The pseudonym.</returns>
    public PersonPseudonym CaseKeyOf(int resident) => _caseKeyOf(resident);

    /// <summary>
    /// Traces the cases (the infected whose symptoms began by <see cref="End"/>, each over the rule's window) over the
    /// records and over every true visit, and scores the first against the second and the infections.
    /// </summary>
    /// <param name="rule">The tracing rule.</param>
    /// <param name="cancellationToken">Stops the traces.</param>
    /// <returns>Both traces and the score.</returns>
    /// <exception cref="InvalidOptionsException">A setting of the rule is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public OutbreakTrace TraceOutbreak(TracingRule rule, CancellationToken cancellationToken = default) => TraceOutbreakWith(rule, null, cancellationToken);

    /// <summary>
    /// As <see cref="TraceOutbreak(TracingRule, CancellationToken)"/>, with the tracer's options adjusted (scoring, caps,
    /// expansion) for both traces; venue kinds for the scores come from the province unless the adjustment sets them.
    /// </summary>
    /// <param name="rule">The tracing rule.</param>
    /// <param name="adjust">Changes the tracer options the rule makes, or null.</param>
    /// <param name="cancellationToken">Stops the traces.</param>
    /// <returns>Both traces and the score.</returns>
    /// <exception cref="InvalidOptionsException">A setting of the rule or the adjusted options is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public OutbreakTrace TraceOutbreakWith(TracingRule rule, Func<ContactTracerOptions, ContactTracerOptions>? adjust, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        InvalidOptionsException.ThrowIfAny(rule.Validate(), nameof(rule));
        var cases = Infections.Where(i => i.Onset <= End).ToList();
        // Tracers trace a case by the ID number the test was registered under (resolved through the links learned); the
        // truth knows each resident by one key.
        var traceCases = cases.Select(c => rule.CaseOf(_caseKeyOf(c.Resident), c, End)).ToList();
        var truthCases = cases.Select(c => rule.CaseOf(_personOf(c.Resident), c, End)).ToList();
        var options = rule.ToTracerOptions(End) with { VenueKindOf = VenueKindOf };
        options = adjust?.Invoke(options) ?? options;
        var stopwatch = Stopwatch.StartNew();
        var fromRecords = (rule.Proximity ? new ContactTracer(Recorded, Encounters) : new ContactTracer(Recorded)).Trace(traceCases, options, cancellationToken);
        var traceTime = stopwatch.Elapsed;
        var fromTruth = (rule.Proximity ? new ContactTracer(Truth, TruthEncounters) : new ContactTracer(Truth)).Trace(truthCases, options, cancellationToken);
        var score = TracingScore.Of(fromRecords, fromTruth, Infections, cases.Select(c => c.Resident), ResidentOf);
        return new OutbreakTrace(rule, cases, fromRecords, fromTruth, score, traceTime);
    }
}
