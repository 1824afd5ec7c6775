using System.Numerics;

namespace CheckIn.Tracing.Index;

/// <summary>
/// An immutable block of visits in columns. Rows are grouped by (venue, duration class) and sorted by start
/// within a group; each group knows its longest visit, so a query is a binary search plus a short forward
/// scan. Splitting by duration class keeps one 10-hour shift at a market from stretching the scan of
/// every query there. A second index maps each person to their rows.
/// </summary>
/// <remarks>
/// Held per visit: start (4 bytes), length (2), person (4), person→row entry (4) = 14 bytes, plus two bits for how
/// the visit's end was decided when any visit in the segment did not check out.
/// </remarks>
internal sealed class VisitSegment
{
    public const int Classes = 4;
    private const int InsertionSortLimit = 32;

    // The first level of the build scatters into at most 2^SuperBits ranges of groups.
    private const int SuperBits = 10;

    private VisitSegment(int[] start, ushort[] length, int[] person, ulong[]? closures, int[] bucketOffsets, ushort[] bucketMaxLength, int[] personOffsets, int[] personRows, int venueCount, int minStart, int maxEnd)
    {
        Start = start;
        Closures = closures;
        Length = length;
        Person = person;
        BucketOffsets = bucketOffsets;
        BucketMaxLength = bucketMaxLength;
        PersonOffsets = personOffsets;
        PersonRows = personRows;
        VenueCount = venueCount;
        MinStart = minStart;
        MaxEnd = maxEnd;
    }

    /// <summary>Upper limits (inclusive, seconds) of the duration classes: 30 min, 2 h, 8 h, 18 h 12 min.</summary>
    private static ReadOnlySpan<int> ClassLimits => [30 * 60, 2 * 60 * 60, 8 * 60 * 60, ushort.MaxValue];

    public int[] Start { get; }

    public ushort[] Length { get; }

    public int[] Person { get; }

    /// <summary>Two bits a row (<see cref="ClosureColumn"/>); null when every visit checked out.</summary>
    public ulong[]? Closures { get; }

    /// <summary>Start row of each (venue × <see cref="Classes"/> + class) group, plus the end.</summary>
    public int[] BucketOffsets { get; }

    public ushort[] BucketMaxLength { get; }

    public int[] PersonOffsets { get; }

    public int[] PersonRows { get; }

    public int VenueCount { get; }

    public int PersonCount => PersonOffsets.Length - 1;

    public int Count => Start.Length;

    public int MinStart { get; }

    public int MaxEnd { get; }

    public long BytesHeld =>
        (Start.Length * 4L) + (Length.Length * 2L) + (Person.Length * 4L) + (BucketOffsets.Length * 4L)
        + (BucketMaxLength.Length * 2L) + (PersonOffsets.Length * 4L) + (PersonRows.Length * 4L) + ((Closures?.Length ?? 0) * 8L);

    /// <summary>How a row's end was decided.</summary>
    public Visits.VisitClosure ClosureOf(int row) => ClosureColumn.FromCode(ClosureColumn.CodeAt(Closures, row));

    /// <summary>A row's closure code (0: checked out).</summary>
    public int ClosureCodeOf(int row) => ClosureColumn.CodeAt(Closures, row);

    public static int ClassOf(int length)
    {
        var limits = ClassLimits;
        for (var c = 0; c < Classes - 1; c++)
        {
            if (length <= limits[c])
            {
                return c;
            }
        }

        return Classes - 1;
    }

    /// <summary>The venue a row belongs to (binary search over the group offsets).</summary>
    public int VenueOf(int row)
    {
        // The last group whose start is <= row; empty groups share offsets, so search for the first offset > row.
        int lo = 0, hi = BucketOffsets.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (BucketOffsets[mid] <= row)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo - 1) / Classes;
    }

    public ReadOnlySpan<int> RowsOf(int person) =>
        (uint)person < (uint)PersonCount ? PersonRows.AsSpan(PersonOffsets[person], PersonOffsets[person + 1] - PersonOffsets[person]) : [];

    /// <summary>First row in [lo, hi) whose start is at least <paramref name="value"/>.</summary>
    public int LowerBound(int lo, int hi, long value)
    {
        var start = Start;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (start[mid] < value)
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
    /// Visits every row at <paramref name="venue"/> whose overlap with <c>[start, end)</c> lasts at least
    /// <paramref name="minOverlap"/> (at least 1 s): per duration class, a binary search for the first start that
    /// could still overlap long enough, then a forward scan while starts leave room for the overlap.
    /// </summary>
    public void Probe<TVisitor>(int venue, long start, long end, int minOverlap, ref TVisitor visitor)
        where TVisitor : struct, IRowVisitor
    {
        var m = Math.Max(1, minOverlap);
        if ((uint)venue >= (uint)VenueCount || end - start < m || end <= MinStart || start >= MaxEnd)
        {
            return;
        }

        var starts = Start;
        var lengths = Length;
        var lastStart = end - m;
        var baseBucket = venue * Classes;

        // The four duration classes' first candidate rows, searched in lockstep: each step reads one row of every
        // class still searching, so the reads from memory overlap instead of following one another.
        var offsets = BucketOffsets.AsSpan(baseBucket, Classes + 1);
        var longest = BucketMaxLength.AsSpan(baseBucket, Classes);
        int f0 = offsets[0], f1 = offsets[1], f2 = offsets[2], f3 = offsets[3];
        int w0 = f1 - f0, w1 = f2 - f1, w2 = offsets[3] - f2, w3 = offsets[4] - f3;
        long t0 = start + m - longest[0], t1 = start + m - longest[1], t2 = start + m - longest[2], t3 = start + m - longest[3];
        while ((w0 | w1 | w2 | w3) > 1)
        {
            Step(starts, ref f0, ref w0, t0);
            Step(starts, ref f1, ref w1, t1);
            Step(starts, ref f2, ref w2, t2);
            Step(starts, ref f3, ref w3, t3);
        }

        Span<int> first = [Finish(starts, f0, w0, t0), Finish(starts, f1, w1, t1), Finish(starts, f2, w2, t2), Finish(starts, f3, w3, t3)];
        for (var c = 0; c < Classes; c++)
        {
            var hi = offsets[c + 1];
            for (var row = first[c]; row < hi && starts[row] <= lastStart; row++)
            {
                long rowStart = starts[row];
                var overlapStart = Math.Max(rowStart, start);
                var overlap = Math.Min(rowStart + lengths[row], end) - overlapStart;
                if (overlap >= m)
                {
                    visitor.Visit(row, overlapStart, (int)overlap);
                }
            }
        }
    }

    /// <summary>One halving step of a lower-bound search: the first start at least <paramref name="target"/> is in [first, first + width].</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Step(int[] starts, ref int first, ref int width, long target)
    {
        if (width > 1)
        {
            var half = width >> 1;
            first = starts[first + half - 1] < target ? first + half : first;
            width -= half;
        }
    }

    private static int Finish(int[] starts, int first, int width, long target) => width == 1 && starts[first] < target ? first + 1 : first;

    /// <summary>Builds a segment; the input is not changed.</summary>
    /// <remarks>
    /// An MSD radix sort in two levels so no pass scatters into more streams than the caches hold: first into
    /// at most 1,024 ranges of neighbouring groups, then, within a range (small enough to stay in cache), into its
    /// groups, each sorted by start. Then a counting sort of row numbers by person. Passes run on all cores.
    /// </remarks>
    public static VisitSegment Build(PendingVisit[] input, int n, int venueCount, int personCount, int parallelism, CancellationToken cancellationToken = default)
    {
        var buckets = venueCount * Classes;
        var chunks = Math.Clamp(Math.Min(parallelism, n / 65_536), 1, 64);
        var chunkStarts = ChunkStarts(n, chunks);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        var superShift = Math.Max(0, 32 - BitOperations.LeadingZeroCount((uint)Math.Max(buckets - 1, 1)) - SuperBits);
        var supers = ((buckets - 1) >> superShift) + 1;

        // Pass 1: per chunk, count rows per range of groups (a histogram that fits in L1).
        var superCursors = new int[chunks][];
        Parallel.For(0, chunks, parallel, t =>
        {
            var counts = superCursors[t] = new int[supers];
            for (var i = chunkStarts[t]; i < chunkStarts[t + 1]; i++)
            {
                counts[Bucket(input[i]) >> superShift]++;
            }
        });

        var superOffsets = ToCursors(superCursors, supers);

        // Pass 2: scatter whole visits into their range of groups (stable, at most 2^SuperBits streams).
        var staged = new PendingVisit[n];
        Parallel.For(0, chunks, parallel, t =>
        {
            var cursor = superCursors[t];
            for (var i = chunkStarts[t]; i < chunkStarts[t + 1]; i++)
            {
                var visit = input[i];
                staged[cursor[Bucket(visit) >> superShift]++] = visit;
            }
        });

        // Pass 3: per range (small enough to stay in cache): count its groups, scatter into the columns, sort groups by start.
        var start = new int[n];
        var length = new ushort[n];
        var person = new int[n];
        var closure = HasClosures(input, n) ? new byte[n] : null;
        var maxLength = new ushort[buckets];
        var bucketOffsets = new int[buckets + 1];
        bucketOffsets[buckets] = n;
        var (minStart, maxEnd) = (int.MaxValue, int.MinValue);
        var bounds = new Lock();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, supers, 1),
            parallel,
            () => new SortScratch(),
            (range, _, scratch) =>
            {
                for (var s = range.Item1; s < range.Item2; s++)
                {
                    var firstBucket = s << superShift;
                    var endBucket = Math.Min(buckets, (s + 1) << superShift);
                    SortRange(staged, superOffsets[s], superOffsets[s + 1], firstBucket, endBucket, bucketOffsets, new Columns(start, length, person, closure), maxLength, scratch);
                }

                return scratch;
            },
            scratch =>
            {
                lock (bounds)
                {
                    minStart = Math.Min(minStart, scratch.MinStart);
                    maxEnd = Math.Max(maxEnd, scratch.MaxEnd);
                }
            });

        // Pass 4: person → rows, without a random scatter over the whole index (issue 16).
        var (personOffsets, personRows) = BuildPersonIndex(person, personCount, staged, chunkStarts, parallel);

        return new VisitSegment(start, length, person, ClosureColumn.Pack(closure, n), bucketOffsets, maxLength, personOffsets, personRows, venueCount, minStart, maxEnd);
    }

    /// <summary>
    /// Person → rows in two levels, as the visits were sorted: (person, row) pairs scattered by person range into at most
    /// 2^<see cref="SuperBits"/> partitions (each pass writes that many sequential streams), then each partition
    /// counted and placed by person within a slice of the result small enough to stay in cache. Rows stay in increasing
    /// order within a person. The pairs reuse the staging array of the visit sort, which is no longer needed.
    /// </summary>
    private static (int[] Offsets, int[] Rows) BuildPersonIndex(int[] person, int personCount, PendingVisit[] scratch, int[] chunkStarts, ParallelOptions parallel)
    {
        var n = person.Length;
        var chunks = chunkStarts.Length - 1;
        var personOffsets = new int[personCount + 1];
        var personRows = new int[n];

        // About 16,384 persons a partition (a 64 KB histogram), at most 2^SuperBits partitions.
        var shift = Math.Max(14, 32 - BitOperations.LeadingZeroCount((uint)Math.Max(personCount - 1, 1)) - SuperBits);
        var partitions = ((Math.Max(personCount, 1) - 1) >> shift) + 1;
        Span<ulong> Pairs() => System.Runtime.InteropServices.MemoryMarshal.Cast<PendingVisit, ulong>(scratch.AsSpan(0, (n + 1) / 2));

        // Level 1: per chunk, count rows per partition, then scatter (person, row) pairs, stable.
        var cursors = new int[chunks][];
        Parallel.For(0, chunks, parallel, t =>
        {
            var counts = cursors[t] = new int[partitions];
            for (var i = chunkStarts[t]; i < chunkStarts[t + 1]; i++)
            {
                counts[person[i] >> shift]++;
            }
        });

        var partitionStarts = ToCursors(cursors, partitions);

        Parallel.For(0, chunks, parallel, t =>
        {
            var cursor = cursors[t];
            var pairSpan = Pairs();
            for (var i = chunkStarts[t]; i < chunkStarts[t + 1]; i++)
            {
                var p = person[i];
                pairSpan[cursor[p >> shift]++] = ((ulong)(uint)p << 32) | (uint)i;
            }
        });

        // Level 2: per partition, a counting sort of its pairs by person into its slice of the rows.
        Parallel.For(0, partitions, parallel, () => new int[1 << shift], (p, _, counts) =>
        {
            var firstPerson = p << shift;
            var persons = Math.Min(personCount - firstPerson, 1 << shift);
            var (from, to) = (partitionStarts[p], partitionStarts[p + 1]);
            var pairSpan = Pairs();
            counts.AsSpan(0, persons).Clear();
            for (var i = from; i < to; i++)
            {
                counts[(int)(pairSpan[i] >> 32) - firstPerson]++;
            }

            for (int k = 0, running = from; k < persons; k++)
            {
                personOffsets[firstPerson + k] = running;
                var count = counts[k];
                counts[k] = running;
                running += count;
            }

            for (var i = from; i < to; i++)
            {
                var pair = pairSpan[i];
                personRows[counts[(int)(pair >> 32) - firstPerson]++] = (int)(uint)pair;
            }

            return counts;
        }, _ => { });

        personOffsets[personCount] = n;
        return (personOffsets, personRows);
    }

    /// <summary>
    /// Turns per-chunk counts (chunk × key) into each chunk's first position per key, keys in order and chunks in order
    /// within a key (so a scatter by them is stable), in place; returns where each key's run starts, plus the end.
    /// </summary>
    private static int[] ToCursors(int[][] perChunk, int keys)
    {
        var starts = new int[keys + 1];
        for (int k = 0, running = 0; k <= keys; k++)
        {
            starts[k] = running;
            for (var t = 0; k < keys && t < perChunk.Length; t++)
            {
                var count = perChunk[t][k];
                perChunk[t][k] = running;
                running += count;
            }
        }

        return starts;
    }

    /// <summary>Reads a segment's rows back as pending visits (for merging segments).</summary>
    public void CopyTo(Span<PendingVisit> destination)
    {
        for (var b = 0; b < BucketOffsets.Length - 1; b++)
        {
            var venue = b / Classes;
            for (var i = BucketOffsets[b]; i < BucketOffsets[b + 1]; i++)
            {
                destination[i] = new PendingVisit(Person[i], venue, Start[i], Length[i] | (ClosureCodeOf(i) << 16));
            }
        }
    }

    private static bool HasClosures(PendingVisit[] input, int n)
    {
        for (var i = 0; i < n; i++)
        {
            if (input[i].ClosureCode != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int Bucket(PendingVisit visit) => (visit.Venue * Classes) + ClassOf(visit.Length);

    private static int[] ChunkStarts(int n, int chunks)
    {
        var starts = new int[chunks + 1];
        for (var t = 0; t <= chunks; t++)
        {
            starts[t] = (int)((long)n * t / chunks);
        }

        return starts;
    }

    private static void SortRange(PendingVisit[] staged, int lo, int hi, int firstBucket, int endBucket, int[] bucketOffsets,
        Columns columns, ushort[] maxLength, SortScratch scratch)
    {
        var (start, length, person, closure) = (columns.Start, columns.Length, columns.Person, columns.Closure);
        var cursor = scratch.Cursors(endBucket - firstBucket + 1);
        cursor.AsSpan(0, endBucket - firstBucket + 1).Clear();
        for (var i = lo; i < hi; i++)
        {
            cursor[Bucket(staged[i]) - firstBucket + 1]++;
        }

        cursor[0] = lo;
        for (var b = firstBucket; b < endBucket; b++)
        {
            cursor[b - firstBucket + 1] += cursor[b - firstBucket];
            bucketOffsets[b] = cursor[b - firstBucket];
        }

        // Stable scatter straight into the columns: the range's rows span a few hundred KB, so this stays in cache.
        for (var i = lo; i < hi; i++)
        {
            var visit = staged[i];
            var position = cursor[Bucket(visit) - firstBucket]++;
            start[position] = visit.Start;
            length[position] = (ushort)visit.Length;
            person[position] = visit.Person;
            if (closure is not null)
            {
                closure[position] = (byte)visit.ClosureCode;
            }

            scratch.MinStart = Math.Min(scratch.MinStart, visit.Start);
            scratch.MaxEnd = Math.Max(scratch.MaxEnd, visit.Start + visit.Length);
        }

        for (var b = firstBucket; b < endBucket; b++)
        {
            var groupEnd = b + 1 < endBucket ? bucketOffsets[b + 1] : hi;
            maxLength[b] = SortGroup(bucketOffsets[b], groupEnd, columns, scratch);
        }
    }

    /// <summary>Sorts the rows [from, to) of the columns by start, in place; returns the longest length.</summary>
    private static ushort SortGroup(int from, int to, Columns columns, SortScratch scratch)
    {
        var (start, length, person, closure) = (columns.Start, columns.Length, columns.Person, columns.Closure);
        var count = to - from;
        ushort max = 0;
        foreach (var l in length.AsSpan(from, count))
        {
            max = Math.Max(max, l);
        }

        // Visits usually arrive in time order and the scatter is stable: then the group is already sorted.
        if (IsSorted(start.AsSpan(from, count)))
        {
            return max;
        }

        if (count <= InsertionSortLimit)
        {
            for (var i = from + 1; i < to; i++)
            {
                var s = start[i];
                var l = length[i];
                var p = person[i];
                var k = closure?[i] ?? 0;
                var j = i - 1;
                while (j >= from && start[j] > s)
                {
                    start[j + 1] = start[j];
                    length[j + 1] = length[j];
                    person[j + 1] = person[j];
                    if (closure is not null)
                    {
                        closure[j + 1] = closure[j];
                    }

                    j--;
                }

                start[j + 1] = s;
                length[j + 1] = l;
                person[j + 1] = p;
                if (closure is not null)
                {
                    closure[j + 1] = k;
                }
            }

            return max;
        }

        // Larger groups: sort (start − group minimum, row) pairs packed in one long, then gather the columns.
        var min = int.MaxValue;
        foreach (var s in start.AsSpan(from, count))
        {
            min = Math.Min(min, s);
        }

        var keys = scratch.Keys(count);
        for (var i = 0; i < count; i++)
        {
            keys[i] = ((long)(uint)(start[from + i] - min) << 32) | (uint)i;
        }

        keys.Sort();
        scratch.Ensure(count);
        start.AsSpan(from, count).CopyTo(scratch.Start);
        length.AsSpan(from, count).CopyTo(scratch.Length);
        person.AsSpan(from, count).CopyTo(scratch.Person);
        closure?.AsSpan(from, count).CopyTo(scratch.Closure);
        for (var i = 0; i < count; i++)
        {
            var source = (int)(uint)keys[i];
            start[from + i] = scratch.Start[source];
            length[from + i] = scratch.Length[source];
            person[from + i] = scratch.Person[source];
            if (closure is not null)
            {
                closure[from + i] = scratch.Closure[source];
            }
        }

        return max;
    }

    private static bool IsSorted(ReadOnlySpan<int> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The columns a build fills (the closure codes one a byte until packed; null when all checked out).</summary>
    private readonly record struct Columns(int[] Start, ushort[] Length, int[] Person, byte[]? Closure);

    /// <summary>Per-thread buffers for <see cref="SortRange"/>, grown as needed and reused across ranges.</summary>
    private sealed class SortScratch
    {
        private int[] _cursors = new int[1 << SuperBits];
        private long[] _keys = new long[1024];

        public int MinStart { get; set; } = int.MaxValue;

        public int MaxEnd { get; set; } = int.MinValue;

        public int[] Start { get; private set; } = [];

        public ushort[] Length { get; private set; } = [];

        public int[] Person { get; private set; } = [];

        public byte[] Closure { get; private set; } = [];

        public void Ensure(int count)
        {
            if (Start.Length < count)
            {
                var size = Math.Max(count, Start.Length * 2);
                Start = new int[size];
                Length = new ushort[size];
                Person = new int[size];
                Closure = new byte[size];
            }
        }

        public int[] Cursors(int count)
        {
            if (_cursors.Length < count)
            {
                _cursors = new int[count];
            }

            return _cursors;
        }

        public Span<long> Keys(int count)
        {
            if (_keys.Length < count)
            {
                _keys = new long[Math.Max(count, _keys.Length * 2)];
            }

            return _keys.AsSpan(0, count);
        }
    }
}
