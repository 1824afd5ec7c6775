using System.Runtime.InteropServices;
using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
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

    /// <summary>Creates a tracer over a snapshot.</summary>
    /// <param name="snapshot">The visits to trace over.</param>
    public ContactTracer(VisitIndexSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
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
        var run = new TraceRun(_snapshot, options, IndexTime.IsIndexable(asOf) ? IndexTime.ToSeconds(asOf) : int.MaxValue, cancellationToken);
        var sources = new List<Source>();
        var warnings = new List<CheckInError>();
        for (var index = 0; index < caseList.Count; index++)
        {
            var traceCase = caseList[index];
            if (!_snapshot.TryGetPerson(traceCase.Person, out var id))
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

            // Contacts come out in the documented order (level, exposure time, pseudonym) without a final sort.
            var persons = _snapshot.PersonKeys;
            var ordered = found.ToArray();
            Array.Sort(ordered, (a, b) => a.Value.ExposedAt != b.Value.ExposedAt
                ? a.Value.ExposedAt.CompareTo(b.Value.ExposedAt)
                : ComparePseudonyms(persons.Span[a.Key], persons.Span[b.Key]));
            // Every person found is scored; those below the minimum score or beyond the top K are not reported, and
            // keep their level so a deeper hop does not find them again.
            var built = new Contact[ordered.Length];
            for (var i = 0; i < ordered.Length; i++)
            {
                var (person, candidate) = ordered[i];
                run.Levels[person] = level;
                built[i] = Scored(run, options, person, level, candidate, exposures[candidate.Exposure], scores);
            }

            // Positions in `ordered` kept, in the documented order: at least the minimum score, then the top K by score
            // (ties in the documented order).
            var kept = new List<int>(built.Length);
            for (var i = 0; i < built.Length; i++)
            {
                if (options.MinScore is not { } minScore || built[i].Score >= minScore)
                {
                    kept.Add(i);
                }
            }

            var belowMinScore = built.Length - kept.Count;
            var beyondTop = 0;
            if (options.TopPerLevel is { } top && kept.Count > top)
            {
                beyondTop = kept.Count - top;
                kept = [.. kept.OrderByDescending(i => built[i].Score).ThenBy(i => i).Take(top).Order()];
            }

            // A cap keeps the earliest exposed (the documented order) and ends the trace: the persons cut off are at
            // this level, and a deeper hop would find some of them again at the wrong one.
            var room = Math.Min(options.MaxContactsPerHop ?? int.MaxValue, (options.MaxContacts ?? int.MaxValue) - contacts.Count);
            var capped = kept.Count > room;
            var keptCount = capped ? room : kept.Count;
            if (capped)
            {
                warnings.Add(TracingErrors.Of(TracingErrorCodes.Trace.ContactCapReached) with { Field = level });
            }

            var last = level == options.MaxDepth || capped;
            var next = new List<Source>(last ? 0 : keptCount);
            for (var k = 0; k < keptCount; k++)
            {
                var i = kept[k];
                var (person, candidate) = ordered[i];
                var contact = built[i];
                contacts.Add(contact);
                if (!last && (options.ExpandAbove is not { } threshold || contact.Score > threshold))
                {
                    scores[person] = contact.Score;
                    var until = options.OnwardWindow is { } window ? Math.Min(run.AsOf, candidate.ExposedAt + (long)window.TotalSeconds) : run.AsOf;
                    next.Add(new Source(person, candidate.ExposedAt, until));
                }
            }

            hops.Add(new HopStatistics(level, sources.Count, exposures.Count, candidates, keptCount, swept, examined)
            {
                BelowMinScore = belowMinScore,
                BeyondTop = beyondTop,
                Expanded = next.Count,
            });
            sources = capped ? [] : next;
        }

        return new TraceResult(caseList, asOf, contacts, notices, hops, warnings);
    }

    /// <summary>The contact with its evidence and score: the source's score (1 for a case) times the overlap's.</summary>
    private static Contact Scored(TraceRun run, ContactTracerOptions options, int person, int level, Candidate candidate, Exposure exposure, Dictionary<int, double> scores)
    {
        // Others present are counted only when the model uses them (a probe per segment for each contact).
        int? others = options.Risk.UseCrowding ? run.OthersPresent(exposure.Venue, candidate.ExposedAt, candidate.ExposedAt + candidate.Overlap) : null;
        var kind = options.VenueKindOf?.Invoke(run.VenueKeyOf(exposure.Venue)) ?? VenueKind.Unspecified;
        var inAssumedTail = VisitInterval.IsAssumedEnd(ClosureColumn.FromCode(exposure.SourceClosure)) || VisitInterval.IsAssumedEnd(ClosureColumn.FromCode(candidate.ContactClosure));
        var score = options.Risk.Score(scores.GetValueOrDefault(exposure.Source, 1), candidate.Overlap, inAssumedTail, kind, others ?? 0);
        return run.ToContact(person, level, candidate, exposure, score, others);
    }

    private static long Seconds(Instant instant) =>
        IndexTime.IsIndexable(instant) ? IndexTime.ToSeconds(instant) : instant < IndexTime.Epoch ? int.MinValue : int.MaxValue;

    internal static int ComparePseudonyms(PersonPseudonym a, PersonPseudonym b)
    {
        var c = a.High.CompareTo(b.High);
        return c != 0 ? c : a.Low.CompareTo(b.Low);
    }

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
