using System.Runtime.InteropServices;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using NodaTime;
using static CheckIn.Tracing.ContactTracer;

namespace CheckIn.Tracing;

/// <summary>The state of one trace: levels assigned so far, and the matching of one hop's exposures.</summary>
internal sealed class TraceRun(VisitIndexSnapshot snapshot, ProximityView? proximity, ContactTracerOptions options, long asOf, CancellationToken cancellationToken)
{
    private readonly int _minOverlap = (int)Math.Clamp(options.MinOverlap.TotalSeconds, 0, int.MaxValue);
    private readonly int _minEncounter = (int)Math.Clamp(options.MinEncounter.TotalSeconds, 0, int.MaxValue);
    private readonly long _linger = (long)options.Linger.TotalSeconds;
    private readonly int _personCount = snapshot.PersonCount;

    /// <summary>The level each person reached so far was found at (cases at 0).</summary>
    public PersonMap<int> Levels { get; } = new();

    public long AsOf { get; } = asOf;

    /// <summary>The sources' visits inside their windows, as exposure intervals, sorted by venue then start.</summary>
    public List<Exposure> ExposuresOf(List<Source> sources)
    {
        var exposures = new List<Exposure>();
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var until = Math.Min(source.Until, AsOf);
            if (until <= source.From)
            {
                continue;
            }

            if (source.Person >= _personCount)
            {
                continue; // known by encounters only: no visits
            }

            foreach (var segment in snapshot.Segments)
            {
                if (segment.MaxEnd <= source.From || segment.MinStart >= until)
                {
                    continue;
                }

                foreach (var row in segment.RowsOf(source.Person))
                {
                    var start = segment.Start[row];
                    var end = start + segment.Length[row];
                    var inside = Math.Max(start, source.From);
                    var insideEnd = Math.Min(end, until);
                    if (insideEnd > inside)
                    {
                        exposures.Add(new Exposure(segment.VenueOf(row), inside, insideEnd + _linger, source.Person, start, end, (byte)segment.ClosureCodeOf(row)));
                    }
                }
            }
        }

        exposures.Sort((a, b) => a.Venue != b.Venue ? a.Venue.CompareTo(b.Venue) : a.Start.CompareTo(b.Start));
        return exposures;
    }

    public IReadOnlyList<ExposureNotice> NoticesOf(List<Exposure> exposures)
    {
        var venues = snapshot.VenueKeys;
        var order = new int[exposures.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var x = exposures[a];
            var y = exposures[b];
            var c = x.Venue == y.Venue ? 0 : string.CompareOrdinal(venues.Span[x.Venue], venues.Span[y.Venue]);
            return c != 0 ? c : x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End);
        });

        var notices = new List<ExposureNotice>(order.Length);
        Exposure? previous = null;
        foreach (var index in order)
        {
            var e = exposures[index];
            if (previous is { } p && p.Venue == e.Venue && p.Start == e.Start && p.End == e.End)
            {
                continue;
            }

            notices.Add(new ExposureNotice(venues.Span[e.Venue], IndexTime.FromSeconds(e.Start), IndexTime.FromSeconds(e.End)));
            previous = e;
        }

        return notices;
    }

    /// <summary>Matches a hop's exposures against the index; returns the best candidate per new person.</summary>
    public (PersonMap<Candidate> Found, long Candidates, int Swept, long Examined) Match(List<Exposure> exposures)
    {
        // Work items: runs of exposures at one venue (exposures are sorted by venue).
        var groups = new List<(int Start, int End)>();
        for (var i = 0; i < exposures.Count;)
        {
            var j = i + 1;
            while (j < exposures.Count && exposures[j].Venue == exposures[i].Venue)
            {
                j++;
            }

            groups.Add((i, j));
            i = j;
        }

        var workers = exposures.Count >= options.ParallelThreshold ? Math.Min(options.MaxDegreeOfParallelism, groups.Count) : 1;
        var partials = new Matcher[Math.Max(workers, 1)];
        if (workers <= 1)
        {
            partials[0] = new Matcher(this, exposures);
            foreach (var group in groups)
            {
                cancellationToken.ThrowIfCancellationRequested();
                partials[0].MatchGroup(group.Start, group.End);
            }
        }
        else
        {
            // Contiguous venue ranges of about equal exposure counts, one per worker.
            var bounds = new int[workers + 1];
            for (int w = 1, g = 0; w < workers; w++)
            {
                var target = (long)exposures.Count * w / workers;
                while (g < groups.Count && groups[g].Start < target)
                {
                    g++;
                }

                bounds[w] = g;
            }

            bounds[workers] = groups.Count;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, w =>
            {
                var matcher = partials[w] = new Matcher(this, exposures);
                for (var g = bounds[w]; g < bounds[w + 1]; g++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    matcher.MatchGroup(groups[g].Start, groups[g].End);
                }
            });
        }

        var found = partials[0].Best;
        long candidates = partials[0].CandidateCount;
        var swept = partials[0].SweptGroups;
        var examined = partials[0].Examined;
        for (var w = 1; w < partials.Length; w++)
        {
            candidates += partials[w].CandidateCount;
            examined += partials[w].Examined;
            swept += partials[w].SweptGroups;
            foreach (var (person, candidate) in partials[w].Best)
            {
                ref var current = ref found.GetValueRefOrAddDefault(person, out var exists);
                if (!exists || IsBetter(candidate, current, exposures))
                {
                    current = candidate;
                }
            }

            PersonMap<Candidate>.Return(partials[w].Best);
        }

        return (found, candidates, swept, examined);
    }

    /// <summary>A person's pseudonym by trace id: the snapshot's persons first, then those known by encounters only.</summary>
    public PersonPseudonym PseudonymOf(int person) =>
        person < _personCount ? snapshot.PersonKeys.Span[person] : proximity!.Index.PersonKey(person - _personCount);

    /// <summary>The contact with its venue evidence.</summary>
    public Contact ToContact(int person, int level, Candidate candidate, Exposure exposure, double score = 0, int? othersPresent = null)
    {
        var persons = snapshot.PersonKeys.Span;
        return new Contact(
            persons[person],
            level,
            IndexTime.FromSeconds(candidate.ExposedAt),
            snapshot.VenueKeys.Span[exposure.Venue],
            Duration.FromSeconds(candidate.Overlap),
            persons[exposure.Source],
            new VisitInterval(IndexTime.FromSeconds(exposure.SourceStart), IndexTime.FromSeconds(exposure.SourceEnd), ClosureColumn.FromCode(exposure.SourceClosure)),
            new VisitInterval(IndexTime.FromSeconds(candidate.ContactStart), IndexTime.FromSeconds(candidate.ContactEnd), ClosureColumn.FromCode(candidate.ContactClosure)))
        {
            Score = score,
            OthersPresent = othersPresent,
        };
    }

    /// <summary>The proximity evidence of an encounter candidate.</summary>
    public EncounterEvidence ToEvidence(EncounterCandidate candidate)
    {
        var index = proximity!.Index;
        var start = IndexTime.FromSeconds(index.Start[candidate.Half]);
        return new EncounterEvidence(
            PseudonymOf(candidate.Source),
            IndexTime.FromSeconds(candidate.ExposedAt),
            Duration.FromSeconds(candidate.Overlap),
            (EncounterDistance)index.Distance[candidate.Half],
            new Interval(start, start + Duration.FromSeconds(index.Length[candidate.Half])));
    }

    /// <summary>The distance class of an encounter candidate.</summary>
    public EncounterDistance DistanceOf(EncounterCandidate candidate) => (EncounterDistance)proximity!.Index.Distance[candidate.Half];

    /// <summary>
    /// The hop's contacts by proximity: for each source, its encounters whose part inside the source's window
    /// <c>[max(start, from), min(end, until))</c> lasts at least the minimum (and longer than zero), at a distance class
    /// no farther than the maximum, with persons not yet reached; the best candidate per person by the documented
    /// tie-break (<see cref="IsBetter(EncounterCandidate, EncounterCandidate)"/>).
    /// </summary>
    public (Dictionary<int, EncounterCandidate> Found, long Examined) MatchEncounters(List<Source> sources)
    {
        var found = new Dictionary<int, EncounterCandidate>();
        if (proximity is null)
        {
            return (found, 0);
        }

        var index = proximity.Index;
        var min = Math.Max(1, _minEncounter);
        var farthest = (byte)options.MaxEncounterDistance;
        var longest = (long)EncounterIndex.MaxDuration.TotalSeconds;
        long examined = 0;
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var until = Math.Min(source.Until, AsOf);
            if (until <= source.From || !proximity.TryGetEncounterId(source.Person, PseudonymOf(source.Person), out var id))
            {
                continue;
            }

            // Encounters are in start order and last at most a day: those that reach the window start after from − a day.
            var (first, end) = index.RangeOf(id);
            var k = LowerBound(index.Start, first, end, source.From - longest);
            for (; k < end && index.Start[k] < until; k++)
            {
                examined++;
                if (index.Distance[k] > farthest)
                {
                    continue;
                }

                long start = index.Start[k];
                var overlapStart = Math.Max(start, source.From);
                var overlap = Math.Min(start + index.Length[k], until) - overlapStart;
                var other = proximity.ToTraceId[index.Other[k]];
                if (overlap < min || Levels.ContainsKey(other))
                {
                    continue;
                }

                var candidate = new EncounterCandidate(overlapStart, (int)overlap, source.Person, k);
                ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(found, other, out var exists);
                if (!exists || IsBetter(candidate, best))
                {
                    best = candidate;
                }
            }
        }

        return (found, examined);
    }

    /// <summary>The documented tie-break of encounters: earlier exposure, then smaller source pseudonym, earlier encounter start, longer overlap, closer distance, longer encounter.</summary>
    public bool IsBetter(EncounterCandidate candidate, EncounterCandidate current)
    {
        if (candidate.ExposedAt != current.ExposedAt)
        {
            return candidate.ExposedAt < current.ExposedAt;
        }

        var index = proximity!.Index;
        var c = candidate.Source == current.Source ? 0 : ComparePseudonyms(PseudonymOf(candidate.Source), PseudonymOf(current.Source));
        if (c == 0)
        {
            c = index.Start[candidate.Half].CompareTo(index.Start[current.Half]);
        }

        if (c == 0)
        {
            c = current.Overlap.CompareTo(candidate.Overlap);
        }

        if (c == 0)
        {
            c = index.Distance[candidate.Half].CompareTo(index.Distance[current.Half]);
        }

        if (c == 0)
        {
            c = index.Length[current.Half].CompareTo(index.Length[candidate.Half]);
        }

        return c < 0;
    }

    private static int LowerBound(int[] values, int lo, int hi, long value)
    {
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (values[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Visits at a venue that overlap <c>[start, end)</c> by at least a second, less one (the contact's own): how many
    /// others were there during an overlap. One probe per segment.
    /// </summary>
    public string VenueKeyOf(int venue) => snapshot.VenueKeys.Span[venue];

    public int OthersPresent(int venue, long start, long end)
    {
        var counter = new CountingVisitor();
        foreach (var segment in Segments)
        {
            segment.Probe(venue, start, end, 1, ref counter);
        }

        return Math.Max(0, counter.Count - 1);
    }

    private struct CountingVisitor : IRowVisitor
    {
        public int Count;

        public void Visit(int row, long overlapStart, int overlap) => Count++;
    }

    /// <summary>The documented tie-break: earlier exposure, then smaller source pseudonym, venue, source visit start, contact visit start, longer overlap, earlier source visit end, earlier contact visit end, then observed ends before assumed ones (source, contact).</summary>
    public bool IsBetter(Candidate candidate, Candidate current, List<Exposure> exposures)
    {
        if (candidate.ExposedAt != current.ExposedAt)
        {
            return candidate.ExposedAt < current.ExposedAt;
        }

        var a = exposures[candidate.Exposure];
        var b = exposures[current.Exposure];
        var persons = snapshot.PersonKeys.Span;
        var c = a.Source == b.Source ? 0 : ComparePseudonyms(persons[a.Source], persons[b.Source]);
        if (c == 0 && a.Venue != b.Venue)
        {
            var venues = snapshot.VenueKeys.Span;
            c = string.CompareOrdinal(venues[a.Venue], venues[b.Venue]);
        }

        if (c == 0)
        {
            c = a.SourceStart.CompareTo(b.SourceStart);
        }

        if (c == 0)
        {
            c = candidate.ContactStart.CompareTo(current.ContactStart);
        }

        if (c == 0)
        {
            c = current.Overlap.CompareTo(candidate.Overlap);
        }

        if (c == 0)
        {
            c = a.SourceEnd.CompareTo(b.SourceEnd);
        }

        if (c == 0)
        {
            c = candidate.ContactEnd.CompareTo(current.ContactEnd);
        }

        // Identical intervals: an observed end before an assumed one.
        if (c == 0)
        {
            c = a.SourceClosure.CompareTo(b.SourceClosure);
        }

        if (c == 0)
        {
            c = candidate.ContactClosure.CompareTo(current.ContactClosure);
        }

        return c < 0;
    }

    /// <summary>One worker's matching: probes or sweeps venue groups and keeps the best candidate per person.</summary>
    private sealed class Matcher(TraceRun run, List<Exposure> exposures)
    {
        /// <summary>The best candidate per person (a map rented for the hop: the caller gives it back when done).</summary>
        public PersonMap<Candidate> Best { get; } = PersonMap<Candidate>.Rent();

        public long CandidateCount { get; private set; }

        public int SweptGroups { get; private set; }

        public long Examined { get; private set; }

        private int[]? _ranks;
        private int[]? _byRank;
        private int[]? _rankOffsets;
        private (long Start, int Exposure)[]? _starts;
        private int _startCount;

        public void MatchGroup(int first, int end)
        {
            _ranks = null;
            var venue = exposures[first].Venue;
            var groupStart = exposures[first].Start;
            long groupEnd = long.MinValue;
            for (var i = first; i < end; i++)
            {
                groupEnd = Math.Max(groupEnd, exposures[i].End);
            }

            foreach (var segment in run.Segments)
            {
                if (venue >= segment.VenueCount || segment.MaxEnd <= groupStart || segment.MinStart >= groupEnd)
                {
                    continue;
                }

                var rows = segment.BucketOffsets[(venue + 1) * VisitSegment.Classes] - segment.BucketOffsets[venue * VisitSegment.Classes];
                if (rows == 0)
                {
                    continue;
                }

                if (run.Strategy == TraceStrategy.PairSweep)
                {
                    SweptGroups++;
                    PairSweep(segment, venue, first, end);
                }
                else if (ShouldSweep(end - first, rows))
                {
                    SweptGroups++;
                    Sweep(segment, venue, first, end);
                }
                else
                {
                    for (var i = first; i < end; i++)
                    {
                        Probe(segment, i);
                    }
                }
            }
        }

        private bool ShouldSweep(int exposureCount, int rows) => run.Strategy switch
        {
            TraceStrategy.Probe => false,
            TraceStrategy.Sweep => true,
            // Probing costs about 4 binary searches over the venue's rows per exposure; a sweep one search over
            // the exposures per row.
            _ => exposureCount * 4L * Log2(rows) > rows * (long)(Log2(exposureCount) + 1),
        };

        private static int Log2(int value) => 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)value);

        private void Probe(VisitSegment segment, int exposureIndex)
        {
            var exposure = exposures[exposureIndex];
            var visitor = new ProbeVisitor(this, segment, exposureIndex);
            segment.Probe(exposure.Venue, exposure.Start, exposure.End, run._minOverlap, ref visitor);
        }

        /// <summary>
        /// One pass over the venue's visits in start order, finding for each the one exposure the tie-break would keep,
        /// without looking at every exposure it overlaps: O((visits + exposures) log) however crowded the venue-hour.
        /// </summary>
        /// <remarks>
        /// For a visit <c>[s, r)</c> (of someone not yet reached, at least <c>m</c> long) the earliest possible exposure
        /// time is <c>s</c>, reached by every exposure with <c>start ≤ s</c> and <c>end ≥ s + m</c>: a heap of the
        /// exposures started so far, ordered by tie-break rank, with those ended before <c>s + m</c> dropped lazily (as
        /// <c>s</c> only grows, an exposure dropped never comes back). Otherwise the exposure time is the start of the
        /// first exposure after <c>s</c> at least <c>m</c> long, when that start is at most <c>r − m</c>; among
        /// exposures starting then, the best rank. The visit, the venue and the exposure time being equal, the
        /// documented tie-break is decided by the source's pseudonym and then its visit's start, which no two exposures
        /// share: that is the rank.
        /// </remarks>
        private void Sweep(VisitSegment segment, int venue, int first, int end)
        {
            var m = Math.Max(1, run._minOverlap);
            PrepareGroup(first, end, m);
            var ranks = _ranks!;
            var starts = _starts!;

            var lo = segment.BucketOffsets[venue * VisitSegment.Classes];
            var hi = segment.BucketOffsets[(venue + 1) * VisitSegment.Classes];
            var rows = new List<(int Start, int Row)>(hi - lo);
            Examined += hi - lo;
            for (var row = lo; row < hi; row++)
            {
                if (segment.Length[row] >= m && !run.Levels.ContainsKey(segment.Person[row]))
                {
                    rows.Add((segment.Start[row], row));
                }
            }

            rows.Sort();
            var active = new PriorityQueue<int, int>();
            var next = first;
            foreach (var (rowStart, row) in rows)
            {
                long s = rowStart;
                long r = s + segment.Length[row];
                while (next < end && exposures[next].Start <= s)
                {
                    active.Enqueue(next, ranks[next - first]);
                    next++;
                }

                while (active.TryPeek(out var top, out _) && exposures[top].End < s + m)
                {
                    active.Dequeue();
                }

                if (active.TryPeek(out _, out var bestRank))
                {
                    ConsiderRank(segment, row, bestRank, s, r, s + m);
                    continue;
                }

                // The first start after s among exposures at least m long.
                int a = 0, b = _startCount;
                while (a < b)
                {
                    var mid = (int)((uint)(a + b) >> 1);
                    if (starts[mid].Start <= s)
                    {
                        a = mid + 1;
                    }
                    else
                    {
                        b = mid;
                    }
                }

                if (a < _startCount && starts[a].Start <= r - m)
                {
                    ConsiderRank(segment, row, ranks[starts[a].Exposure - first], starts[a].Start, r, starts[a].Start + m);
                }
            }
        }

        /// <summary>
        /// The exposures of one rank (one source visit start; several only when a source has more visits starting
        /// together at the venue) that reach <paramref name="minEnd"/>: each is considered, and the tie-break between them
        /// (longest overlap, then earliest source end) is left to <see cref="Consider"/>.
        /// </summary>
        private void ConsiderRank(VisitSegment segment, int row, int rank, long exposedAt, long rowEnd, long minEnd)
        {
            for (var k = _rankOffsets![rank]; k < _rankOffsets[rank + 1]; k++)
            {
                var e = _byRank![k];
                Examined++;
                if (exposures[e].End >= minEnd)
                {
                    Consider(segment, row, e, exposedAt, (int)(Math.Min(rowEnd, exposures[e].End) - exposedAt));
                }
            }
        }

        /// <summary>
        /// Per venue group, once: each exposure's tie-break rank (by source pseudonym, then source visit start), and the
        /// distinct starts of exposures at least <paramref name="m"/> long with the best-ranked exposure at each.
        /// </summary>
        private void PrepareGroup(int first, int end, int m)
        {
            if (_ranks is not null)
            {
                return;
            }

            var count = end - first;
            var order = new int[count];
            for (var i = 0; i < count; i++)
            {
                order[i] = first + i;
            }

            var keys = run.PersonKeys;
            Array.Sort(order, (x, y) =>
            {
                var c = exposures[x].Source == exposures[y].Source ? 0 : ComparePseudonyms(keys.Span[exposures[x].Source], keys.Span[exposures[y].Source]);
                return c != 0 ? c : exposures[x].SourceStart.CompareTo(exposures[y].SourceStart);
            });

            // Dense ranks: exposures of one source visit start share one (they tie until the overlap decides).
            _ranks = new int[count];
            _byRank = order;
            _rankOffsets = new int[count + 1];
            var rank = -1;
            for (var i = 0; i < count; i++)
            {
                var e = exposures[order[i]];
                if (i == 0 || e.Source != exposures[order[i - 1]].Source || e.SourceStart != exposures[order[i - 1]].SourceStart)
                {
                    _rankOffsets[++rank] = i;
                }

                _ranks[order[i] - first] = rank;
            }

            _rankOffsets[rank + 1] = count;

            // Exposures are sorted by start: one entry per distinct start that has an exposure at least m long.
            _starts = new (long, int)[count];
            _startCount = 0;
            for (var i = first; i < end; i++)
            {
                var e = exposures[i];
                if (e.End - e.Start < m)
                {
                    continue;
                }

                if (_startCount > 0 && _starts[_startCount - 1].Start == e.Start)
                {
                    if (_ranks[i - first] < _ranks[_starts[_startCount - 1].Exposure - first])
                    {
                        _starts[_startCount - 1].Exposure = i;
                    }
                }
                else
                {
                    _starts[_startCount++] = (e.Start, i);
                }
            }
        }

        /// <summary>Every visit against every exposure it overlaps: n² in a crowded venue-hour (<see cref="TraceStrategy.PairSweep"/>).</summary>
        private void PairSweep(VisitSegment segment, int venue, int first, int end)
        {
            var m = Math.Max(1, run._minOverlap);
            long longest = 0;
            for (var i = first; i < end; i++)
            {
                longest = Math.Max(longest, exposures[i].End - exposures[i].Start);
            }

            var lo = segment.BucketOffsets[venue * VisitSegment.Classes];
            var hi = segment.BucketOffsets[(venue + 1) * VisitSegment.Classes];
            for (var row = lo; row < hi; row++)
            {
                long start = segment.Start[row];
                var rowEnd = start + segment.Length[row];

                // Exposures are sorted by start: those that can overlap this row by m start in [start + m - longest, rowEnd - m].
                for (var e = LowerBoundExposure(first, end, start + m - longest); e < end && exposures[e].Start <= rowEnd - m; e++)
                {
                    Examined++;
                    var exposure = exposures[e];
                    var overlapStart = Math.Max(start, exposure.Start);
                    var overlap = Math.Min(rowEnd, exposure.End) - overlapStart;
                    if (overlap >= m)
                    {
                        Consider(segment, row, e, overlapStart, (int)overlap);
                    }
                }
            }
        }

        private int LowerBoundExposure(int lo, int hi, long value)
        {
            while (lo < hi)
            {
                var mid = (int)((uint)(lo + hi) >> 1);
                if (exposures[mid].Start < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private void Consider(VisitSegment segment, int row, int exposureIndex, long overlapStart, int overlap)
        {
            var person = segment.Person[row];
            if (run.Levels.ContainsKey(person))
            {
                return;
            }

            CandidateCount++;
            long start = segment.Start[row];
            var candidate = new Candidate(overlapStart, overlap, exposureIndex, (int)start, segment.Length[row], (byte)segment.ClosureCodeOf(row));
            ref var best = ref Best.GetValueRefOrAddDefault(person, out var exists);
            if (!exists || run.IsBetter(candidate, best, exposures))
            {
                best = candidate;
            }
        }

        private readonly struct ProbeVisitor(Matcher matcher, VisitSegment segment, int exposure) : IRowVisitor
        {
            public void Visit(int row, long overlapStart, int overlap)
            {
                matcher.Examined++;
                matcher.Consider(segment, row, exposure, overlapStart, overlap);
            }
        }
    }

    private System.Collections.Immutable.ImmutableArray<VisitSegment> Segments => snapshot.Segments;

    private ReadOnlyMemory<PersonPseudonym> PersonKeys => snapshot.PersonKeys;

    private TraceStrategy Strategy => options.Strategy;
}

/// <summary>
/// An encounter index as a tracer sees it: its persons mapped to trace ids (the snapshot's id when the snapshot knows
/// them, otherwise the snapshot's person count plus the encounter index's id).
/// </summary>
internal sealed class ProximityView
{
    private readonly int _personCount;

    public ProximityView(VisitIndexSnapshot snapshot, EncounterIndex index)
    {
        Index = index;
        _personCount = snapshot.PersonCount;
        ToTraceId = new int[index.PersonCount];
        for (var id = 0; id < ToTraceId.Length; id++)
        {
            ToTraceId[id] = snapshot.TryGetPerson(index.PersonKey(id), out var person) ? person : _personCount + id;
        }
    }

    public EncounterIndex Index { get; }

    /// <summary>The trace id of each of the encounter index's persons.</summary>
    public int[] ToTraceId { get; }

    /// <summary>The encounter index's id of a person by trace id.</summary>
    public bool TryGetEncounterId(int person, PersonPseudonym key, out int id)
    {
        if (person >= _personCount)
        {
            id = person - _personCount;
            return true;
        }

        return Index.TryGetPerson(key, out id);
    }

    /// <summary>The trace id of a person, from either index; false when neither knows them.</summary>
    public bool TryGetTraceId(PersonPseudonym person, out int id)
    {
        if (Index.TryGetPerson(person, out var encounterId))
        {
            id = ToTraceId[encounterId];
            return true;
        }

        id = -1;
        return false;
    }
}
