using System.Runtime.InteropServices;
using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using NodaTime;

namespace CheckIn.Tracing;

/// <summary>
/// Traces contacts over a <see cref="VisitIndexSnapshot"/>: cases (F0) → F1 → F2 …, time-respecting, with the
/// evidence for each contact. Thread-safe; one tracer can serve many concurrent traces.
/// </summary>
/// <remarks>
/// <para>The contract (see <c>docs/tracing-semantics.md</c>):</para>
/// <list type="bullet">
/// <item>A visit is half-open <c>[in, out)</c>. A source with window <c>[from, until)</c> exposes, at each of its
/// visits, <c>E = [max(in, from), min(out, until) + Linger)</c> when the part inside the window is non-empty.</item>
/// <item>Another visit <c>[in2, out2)</c> at that venue is a contact when <c>O = [max(in2, E.start), min(out2, E.end))</c>
/// lasts at least <see cref="ContactTracerOptions.MinOverlap"/> and longer than zero; the exposure time is <c>O.start</c>.</item>
/// <item>Level 1: everyone with a contact with a case, at their earliest exposure; cases are never contacts. Level
/// k + 1: level-k persons become sources with window <c>[exposure, AsOf)</c> (or the onward window); their contacts
/// not already at a level ≤ k are level k + 1, at the earliest exposure across all level-k sources.</item>
/// <item>Ties on exposure time keep the evidence with the smallest source pseudonym, then venue, then source
/// visit start, then contact visit start, then the longest overlap, then the earliest source visit end, then
/// the earliest contact visit end, so the evidence never depends on storage order. All windows end at <c>AsOf</c>.</item>
/// </list>
/// </remarks>
public sealed class ContactTracer
{
    private readonly VisitIndexSnapshot _snapshot;
    private readonly ProximityView? _proximity;

    /// <summary>Creates a tracer over a snapshot: contacts by co-presence at venues.</summary>
    /// <param name="snapshot">The visits to trace over.</param>
    public ContactTracer(VisitIndexSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
    }

    /// <summary>
    /// Creates a tracer over a snapshot and Bluetooth encounters: contacts by co-presence at venues and by proximity.
    /// Persons are matched across the two by pseudonym (make both with one key); a person known only by encounters can
    /// be a case or a contact. Costs a look-up per person of the encounters once, here.
    /// </summary>
    /// <param name="snapshot">The visits to trace over.</param>
    /// <param name="encounters">The encounters to trace over.</param>
    public ContactTracer(VisitIndexSnapshot snapshot, EncounterIndex encounters)
        : this(snapshot)
    {
        ArgumentNullException.ThrowIfNull(encounters);
        _proximity = new ProximityView(snapshot, encounters);
    }

    /// <summary>Traces one or more cases (an outbreak cluster is traced at once, using all cores for large hops).</summary>
    /// <param name="cases">The cases and their infectious windows.</param>
    /// <param name="options">The rules, or null for <see cref="ContactTracerOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the trace between venues and hops (a national outbreak's hop can take seconds).</param>
    /// <returns>
    /// The contacts by level with their evidence, the cases' exposure notices, and warnings: one for each case the index
    /// does not know, and one when <see cref="ContactTracerOptions.MaxContactsPerHop"/> or
    /// <see cref="ContactTracerOptions.MaxContacts"/> cut the trace short.
    /// </returns>
    /// <exception cref="ArgumentException">A person is listed as a case twice.</exception>
    /// <exception cref="InvalidOptionsException">An option is out of range (<see cref="ContactTracerOptions.Validate"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public TraceResult Trace(IEnumerable<TraceCase> cases, ContactTracerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        options ??= ContactTracerOptions.Default;
        InvalidOptionsException.ThrowIfAny(options.Validate(), nameof(options));

        var caseList = cases.ToList();
        if (caseList.Select(c => c.Person).Distinct().Count() != caseList.Count)
        {
            throw new ArgumentException("A person is listed as a case twice.", nameof(cases));
        }

        var asOf = options.AsOf ?? options.Clock.GetCurrentInstant();
        var run = new TraceRun(_snapshot, _proximity, options, IndexTime.IsIndexable(asOf) ? IndexTime.ToSeconds(asOf) : int.MaxValue, cancellationToken);
        var sources = new List<Source>();
        var warnings = new List<CheckInError>();
        for (var index = 0; index < caseList.Count; index++)
        {
            var traceCase = caseList[index];
            if (!_snapshot.TryGetPerson(traceCase.Person, out var id) && _proximity?.TryGetTraceId(traceCase.Person, out id) != true)
            {
                warnings.Add(TracingErrors.Of(TracingErrorCodes.Trace.UnknownCase) with { Field = index });
            }
            else
            {
                run.Levels.Add(id, 0);
                sources.Add(new Source(id, Seconds(traceCase.From), Seconds(traceCase.Until)));
            }
        }

        var contacts = new List<Contact>();
        var scores = new Dictionary<int, double>();
        var hops = new List<HopStatistics>();
        IReadOnlyList<ExposureNotice> notices = [];
        for (var level = 1; level <= options.MaxDepth && sources.Count > 0; level++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exposures = run.ExposuresOf(sources);
            if (level == 1)
            {
                notices = run.NoticesOf(exposures);
            }

            var (found, candidates, swept, examined) = run.Match(exposures);
            var (near, encountersExamined) = run.MatchEncounters(sources);

            // Every person reached by either kind of evidence, in the documented order (exposure time, pseudonym).
            var ordered = new List<Reached>(found.Count + near.Count);
            foreach (var (person, candidate) in found)
            {
                var hasEncounter = near.TryGetValue(person, out var encounter);
                ordered.Add(new Reached(person, hasEncounter && encounter.ExposedAt < candidate.ExposedAt ? encounter.ExposedAt : candidate.ExposedAt, candidate, hasEncounter ? encounter : null));
            }

            foreach (var (person, encounter) in near)
            {
                if (!found.ContainsKey(person))
                {
                    ordered.Add(new Reached(person, encounter.ExposedAt, null, encounter));
                }
            }

            PersonMap<Candidate>.Return(found);

            ordered.Sort((a, b) => a.ExposedAt != b.ExposedAt ? a.ExposedAt.CompareTo(b.ExposedAt) : ComparePseudonyms(run.PseudonymOf(a.Person), run.PseudonymOf(b.Person)));

            // Every person found is scored; those below the minimum score or beyond the top K are not reported, and
            // keep their level so a deeper hop does not find them again.
            var built = new Contact[ordered.Count];
            for (var i = 0; i < ordered.Count; i++)
            {
                run.Levels.Set(ordered[i].Person, level);
                built[i] = Scored(run, options, ordered[i], level, exposures, scores);
            }

            var (kept, belowMinScore, beyondTop, keptCount, capped) = LevelSelection.Select(built, options, contacts.Count);
            if (capped)
            {
                warnings.Add(TracingErrors.Of(TracingErrorCodes.Trace.ContactCapReached) with { Field = level });
            }

            var last = level == options.MaxDepth || capped;
            var next = new List<Source>(last ? 0 : keptCount);
            for (var k = 0; k < keptCount; k++)
            {
                var i = kept[k];
                var person = ordered[i].Person;
                var contact = built[i];
                contacts.Add(contact);
                if (!last && LevelSelection.Expands(options, contact))
                {
                    scores[person] = contact.Score;
                    var exposedAt = ordered[i].ExposedAt;
                    var until = options.OnwardWindow is { } window ? Math.Min(run.AsOf, exposedAt + (long)window.TotalSeconds) : run.AsOf;
                    next.Add(new Source(person, exposedAt, until));
                }
            }

            hops.Add(new HopStatistics(level, sources.Count, exposures.Count, candidates, keptCount, swept, examined)
            {
                BelowMinScore = belowMinScore,
                BeyondTop = beyondTop,
                Expanded = next.Count,
                EncountersExamined = encountersExamined,
                ByProximity = near.Count,
            });
            sources = capped ? [] : next;
        }

        return new TraceResult(caseList, asOf, contacts, notices, hops, warnings);
    }

    /// <summary>
    /// The contact with its evidence and score: for each kind of evidence, the source's score (1 for a case) times the
    /// overlap's; both kinds combined as independent chances. The evidence kept is the earlier (the venue's on a tie).
    /// </summary>
    private static Contact Scored(TraceRun run, ContactTracerOptions options, Reached reached, int level, List<Exposure> exposures, Dictionary<int, double> scores)
    {
        double venueScore = 0;
        double encounterScore = 0;
        Contact? contact = null;
        if (reached.Venue is { } candidate)
        {
            var exposure = exposures[candidate.Exposure];
            // Others present are counted only when the model uses them (a probe per segment for each contact).
            int? others = options.Risk.UseCrowding ? run.OthersPresent(exposure.Venue, candidate.ExposedAt, candidate.ExposedAt + candidate.Overlap) : null;
            var kind = options.VenueKindOf?.Invoke(run.VenueKeyOf(exposure.Venue)) ?? VenueKind.Unspecified;
            var inAssumedTail = VisitInterval.IsAssumedEnd(ClosureColumn.FromCode(exposure.SourceClosure)) || VisitInterval.IsAssumedEnd(ClosureColumn.FromCode(candidate.ContactClosure));
            venueScore = options.Risk.Score(scores.GetValueOrDefault(exposure.Source, 1), candidate.Overlap, inAssumedTail, kind, others ?? 0);
            if (reached.ExposedAt == candidate.ExposedAt)
            {
                contact = run.ToContact(reached.Person, level, candidate, exposure, 0, others);
            }
        }

        EncounterEvidence? evidence = null;
        if (reached.Encounter is { } encounter)
        {
            encounterScore = options.Risk.EncounterScore(scores.GetValueOrDefault(encounter.Source, 1), encounter.Overlap, run.DistanceOf(encounter));
            evidence = run.ToEvidence(encounter);
            contact ??= new Contact(run.PseudonymOf(reached.Person), level, evidence.ExposedAt, null, evidence.Overlap, evidence.Source, null, null);
        }

        return contact! with
        {
            Score = RiskModel.Combined(venueScore, encounterScore),
            Evidence = (reached.Venue is null ? ContactEvidence.None : ContactEvidence.Venue) | (reached.Encounter is null ? ContactEvidence.None : ContactEvidence.Proximity),
            Encounter = evidence,
        };
    }

    private static long Seconds(Instant instant) =>
        IndexTime.IsIndexable(instant) ? IndexTime.ToSeconds(instant) : instant < IndexTime.Epoch ? int.MinValue : int.MaxValue;

    internal static int ComparePseudonyms(PersonPseudonym a, PersonPseudonym b)
    {
        var c = a.High.CompareTo(b.High);
        return c != 0 ? c : a.Low.CompareTo(b.Low);
    }

    /// <summary>A person reached at a hop: when first, by the best venue candidate and the best encounter (either may be absent).</summary>
    private readonly record struct Reached(int Person, long ExposedAt, Candidate? Venue, EncounterCandidate? Encounter);

    /// <summary>An encounter long enough: when, how long, from which source, which half-encounter (from the source's side).</summary>
    internal readonly record struct EncounterCandidate(long ExposedAt, int Overlap, int Source, int Half);

    /// <summary>A person whose visits inside <c>[From, Until)</c> expose others (seconds since the index epoch).</summary>
    internal readonly record struct Source(int Person, long From, long Until);

    /// <summary>A source's presence at a venue: <c>[Start, End)</c> with linger, and the source visit it came from.</summary>
    internal readonly record struct Exposure(int Venue, long Start, long End, int Source, int SourceStart, int SourceEnd, byte SourceClosure);

    /// <summary>An overlap long enough: who, when, how long, through which exposure, during which of their visits.</summary>
    [StructLayout(LayoutKind.Auto)]
    internal readonly record struct Candidate(long ExposedAt, int Overlap, int Exposure, int ContactStart, ushort ContactLength, byte ContactClosure)
    {
        public int ContactEnd => ContactStart + ContactLength;
    }
}
