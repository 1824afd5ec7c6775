using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing;

/// <summary>
/// Traces contacts hop by hop over an <see cref="ITraceStore"/> (a database holding more visits than memory): the same
/// contract as <see cref="ContactTracer"/> (<c>docs/tracing-semantics.md</c>): the same levels, evidence, ties,
/// scores, caps and expansion, so on the same visits both return the same contacts. Venue co-presence only (a store
/// holds visits, not Bluetooth encounters). Thread-safe; each trace opens its own session.
/// </summary>
public sealed class StoreContactTracer
{
    private readonly ITraceStore _store;

    /// <summary>Creates a tracer over a store.</summary>
    /// <param name="store">The store that answers each hop.</param>
    public StoreContactTracer(ITraceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Traces one or more cases.</summary>
    /// <param name="cases">The cases and their infectious windows.</param>
    /// <param name="options">
    /// The rules, or null for <see cref="ContactTracerOptions.Default"/>. Crowding (<see cref="RiskModel.UseCrowding"/>)
    /// needs the in-memory index and is refused here.
    /// </param>
    /// <param name="cancellationToken">Stops the trace between and during hops.</param>
    /// <returns>
    /// The contacts by level with their evidence, the cases' exposure notices, and warnings: one for each case the store
    /// does not know, one when a cap cut the trace short, and the store's own (a shard it could not reach).
    /// </returns>
    /// <exception cref="ArgumentException">A person is listed as a case twice, or the options ask for crowding.</exception>
    /// <exception cref="InvalidOptionsException">An option is out of range (<see cref="ContactTracerOptions.Validate"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<TraceResult> TraceAsync(IEnumerable<TraceCase> cases, ContactTracerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        options ??= ContactTracerOptions.Default;
        InvalidOptionsException.ThrowIfAny(options.Validate(), nameof(options));
        if (options.Risk.UseCrowding)
        {
            throw new ArgumentException("Crowding counts others present in the in-memory index; a store trace cannot use it.", nameof(options));
        }

        var caseList = cases.ToList();
        if (caseList.Select(c => c.Person).Distinct().Count() != caseList.Count)
        {
            throw new ArgumentException("A person is listed as a case twice.", nameof(cases));
        }

        var asOf = options.AsOf ?? options.Clock.GetCurrentInstant();
        var asOfSecond = Floor(asOf);

        // Whole seconds, as the in-memory engine counts them.
        var minOverlap = Duration.FromSeconds((long)options.MinOverlap.TotalSeconds);
        var linger = Duration.FromSeconds((long)options.Linger.TotalSeconds);
        await using var session = await _store.OpenTraceAsync(cancellationToken).ConfigureAwait(false);
        var warnings = new List<CheckInError>();
        var (known, knownWarnings) = await session.KnownAsync([.. caseList.Select(c => c.Person)], cancellationToken).ConfigureAwait(false);
        warnings.AddRange(knownWarnings);

        var levels = new Dictionary<PersonPseudonym, int>();
        var sources = new List<TraceSource>();
        var newlyReached = new List<PersonPseudonym>();
        for (var index = 0; index < caseList.Count; index++)
        {
            var traceCase = caseList[index];
            if (!known.Contains(traceCase.Person))
            {
                warnings.Add(TracingErrors.Of(TracingErrorCodes.Trace.UnknownCase) with { Field = index });
                continue;
            }

            levels.Add(traceCase.Person, 0);
            newlyReached.Add(traceCase.Person);
            sources.Add(new TraceSource(traceCase.Person, Floor(traceCase.From), Min(Floor(traceCase.Until), asOfSecond)));
        }

        var contacts = new List<Contact>();
        var scores = new Dictionary<PersonPseudonym, double>();
        var hops = new List<HopStatistics>();
        IReadOnlyList<ExposureNotice> notices = [];
        for (var level = 1; level <= options.MaxDepth && sources.Count > 0; level++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hop = await session.MatchAsync(new TraceHop(level, sources, newlyReached, minOverlap, linger, level == 1), cancellationToken).ConfigureAwait(false);
            warnings.AddRange(hop.Warnings);
            if (level == 1)
            {
                notices = Notices(hop.ExposureIntervals ?? []);
            }

            var best = new Dictionary<PersonPseudonym, TraceMatch>();
            foreach (var match in hop.Matches)
            {
                if (levels.ContainsKey(match.Person))
                {
                    continue;
                }

                if (!best.TryGetValue(match.Person, out var current) || Compare(match, current) < 0)
                {
                    best[match.Person] = match;
                }
            }

            var ordered = best.Values.ToList();
            ordered.Sort((a, b) => a.ExposedAt != b.ExposedAt ? a.ExposedAt.CompareTo(b.ExposedAt) : ContactTracer.ComparePseudonyms(a.Person, b.Person));
            newlyReached = new List<PersonPseudonym>(ordered.Count);
            var built = new Contact[ordered.Count];
            for (var i = 0; i < ordered.Count; i++)
            {
                var m = ordered[i];
                levels[m.Person] = level;
                newlyReached.Add(m.Person);
                var kind = options.VenueKindOf?.Invoke(m.Venue) ?? VenueKind.Unspecified;
                var score = options.Risk.Score(scores.GetValueOrDefault(m.Source, 1), (long)m.Overlap.TotalSeconds, m.SourceVisit.IsAssumed || m.ContactVisit.IsAssumed, kind, 0);
                built[i] = new Contact(m.Person, level, m.ExposedAt, m.Venue, m.Overlap, m.Source, m.SourceVisit, m.ContactVisit) { Score = score };
            }

            var (kept, belowMinScore, beyondTop, keptCount, capped) = LevelSelection.Select(built, options, contacts.Count);
            if (capped)
            {
                warnings.Add(TracingErrors.Of(TracingErrorCodes.Trace.ContactCapReached) with { Field = level });
            }

            var last = level == options.MaxDepth || capped;
            var next = new List<TraceSource>(last ? 0 : keptCount);
            for (var k = 0; k < keptCount; k++)
            {
                var contact = built[kept[k]];
                contacts.Add(contact);
                if (!last && LevelSelection.Expands(options, contact))
                {
                    scores[contact.Person] = contact.Score;
                    var until = options.OnwardWindow is { } window ? Min(contact.ExposedAt + window, asOfSecond) : asOfSecond;
                    next.Add(new TraceSource(contact.Person, contact.ExposedAt, until));
                }
            }

            hops.Add(new HopStatistics(level, sources.Count, (int)Math.Min(hop.Exposures, int.MaxValue), hop.Matches.Count, keptCount, 0, hop.Matches.Count)
            {
                BelowMinScore = belowMinScore,
                BeyondTop = beyondTop,
                Expanded = next.Count,
            });
            sources = capped ? [] : next;
        }

        return new TraceResult(caseList, asOf, contacts, notices, hops, warnings);
    }

    /// <summary>The documented tie-break between two matches of one person (negative when <paramref name="a"/> is kept).</summary>
    internal static int Compare(in TraceMatch a, in TraceMatch b)
    {
        var c = a.ExposedAt.CompareTo(b.ExposedAt);
        if (c == 0)
        {
            c = ContactTracer.ComparePseudonyms(a.Source, b.Source);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Venue, b.Venue);
        }

        if (c == 0)
        {
            c = a.SourceVisit.CheckIn.CompareTo(b.SourceVisit.CheckIn);
        }

        if (c == 0)
        {
            c = a.ContactVisit.CheckIn.CompareTo(b.ContactVisit.CheckIn);
        }

        if (c == 0)
        {
            c = b.Overlap.CompareTo(a.Overlap);
        }

        if (c == 0)
        {
            c = a.SourceVisit.CheckOut.CompareTo(b.SourceVisit.CheckOut);
        }

        if (c == 0)
        {
            c = a.ContactVisit.CheckOut.CompareTo(b.ContactVisit.CheckOut);
        }

        if (c == 0)
        {
            c = ClosureColumn.Code(a.SourceVisit.Closure).CompareTo(ClosureColumn.Code(b.SourceVisit.Closure));
        }

        return c != 0 ? c : ClosureColumn.Code(a.ContactVisit.Closure).CompareTo(ClosureColumn.Code(b.ContactVisit.Closure));
    }

    /// <summary>Exposure intervals as notices: deduplicated, by venue (ordinal), then start, then end.</summary>
    private static List<ExposureNotice> Notices(IReadOnlyList<ExposureNotice> intervals)
    {
        var sorted = intervals.ToList();
        sorted.Sort((x, y) =>
        {
            var c = string.CompareOrdinal(x.Venue, y.Venue);
            return c != 0 ? c : x.From != y.From ? x.From.CompareTo(y.From) : x.Until.CompareTo(y.Until);
        });
        var notices = new List<ExposureNotice>(sorted.Count);
        foreach (var notice in sorted)
        {
            if (notices.Count == 0 || notices[^1] != notice)
            {
                notices.Add(notice);
            }
        }

        return notices;
    }

    /// <summary>The index keeps whole seconds; so do the windows a store is asked about.</summary>
    private static Instant Floor(Instant instant) => Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
