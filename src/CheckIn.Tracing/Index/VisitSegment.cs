using System.Numerics;

namespace CheckIn.Tracing.Index;

/// <summary>
/// An immutable block of visits in columns. Rows are grouped by (venue, duration class) and sorted by start
/// within a group; each group knows its longest visit, so a query is a binary search plus a short forward
/// scan. Splitting by duration class keeps one 10-hour shift at a market from stretching the scan of
/// every query there. A second index maps each person to their rows.
/// </summary>
/// <remarks>Held per visit: start (4 bytes), length (2), person (4), person→row entry (4) = 14 bytes.</remarks>
internal sealed class VisitSegment
{
    public const int Classes = 4;
    private const int InsertionSortLimit = 48;
    private const int RadixBits = 11;

    private VisitSegment(int[] start, ushort[] length, int[] person, int[] bucketOffsets, ushort[] bucketMaxLength, int[] personOffsets, int[] personRows, int venueCount)
    {
        Start = start;
        Length = length;
        Person = person;
        BucketOffsets = bucketOffsets;
        BucketMaxLength = bucketMaxLength;
        PersonOffsets = personOffsets;
        PersonRows = personRows;
        VenueCount = venueCount;
        MinStart = int.MaxValue;
        MaxEnd = int.MinValue;
        for (var i = 0; i < start.Length; i++)
        {
            MinStart = Math.Min(MinStart, start[i]);
            MaxEnd = Math.Max(MaxEnd, start[i] + length[i]);
        }
    }

    /// <summary>Upper limits (inclusive, seconds) of the duration classes: 30 min, 2 h, 8 h, 18 h 12 min.</summary>
    private static ReadOnlySpan<int> ClassLimits => [30 * 60, 2 * 60 * 60, 8 * 60 * 60, ushort.MaxValue];

    public int[] Start { get; }

    public ushort[] Length { get; }

    public int[] Person { get; }

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
        + (BucketMaxLength.Length * 2L) + (PersonOffsets.Length * 4L) + (PersonRows.Length * 4L);

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

    /// <summary>Builds a segment; the input is not changed.</summary>
    public static VisitSegment Build(PendingVisit[] input, int n, int venueCount, int personCount, int parallelism)
    {
        var buckets = venueCount * Classes;
        var chunks = Math.Clamp(Math.Min(parallelism, n / 65_536), 1, 64);
        var chunkStarts = ChunkStarts(n, chunks);

        // 1. Counting sort by group (the most significant radix digit), stable, in parallel chunks.
        var histograms = new int[chunks][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, t =>
        {
            var histogram = histograms[t] = new int[buckets];
            for (var i = chunkStarts[t]; i < chunkStarts[t + 1]; i++)
            {
                histogram[Bucket(input[i])]++;
            }
        });

        var bucketOffsets = new int[buckets + 1];
        var running = 0;
        for (var b = 0; b < buckets; b++)
        {
            bucketOffsets[b] = running;
            for (var t = 0; t < chunks; t++)
            {
                var count = histograms[t][b];
                histograms[t][b] = running;
                running += count;
            }
        }

        bucketOffsets[buckets] = running;
        var tmpStart = new int[n];
        var tmpLength = new ushort[n];
        var tmpPerson = new int[n];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, t =>
        {
            var cursor = histograms[t];
            for (var i = chunkStarts[t]; i < chunkStarts[t + 1]; i++)
            {
                var v = input[i];
                var position = cursor[Bucket(v)]++;
                tmpStart[position] = v.Start;
                tmpLength[position] = (ushort)v.Length;
                tmpPerson[position] = v.Person;
            }
        });

        // 2. Within each group, sort by start: LSD radix on (start - group minimum) for large groups, insertion sort for small.
        var start = new int[n];
        var length = new ushort[n];
        var person = new int[n];
        var maxLength = new ushort[buckets];
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, buckets, Math.Max(1, buckets / (parallelism * 8))),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            range =>
            {
                Span<int> counts = stackalloc int[1 << RadixBits];
                for (var b = range.Item1; b < range.Item2; b++)
                {
                    maxLength[b] = SortGroup(bucketOffsets[b], bucketOffsets[b + 1], tmpStart, tmpLength, tmpPerson, start, length, person, counts);
                }
            });

        // 3. Person → rows, a counting sort of row numbers by person.
        var personOffsets = new int[personCount + 1];
        var personRows = new int[n];
        var personHistograms = new int[chunks][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, t =>
        {
            var histogram = personHistograms[t] = new int[personCount];
            for (var i = chunkStarts[t]; i < chunkStarts[t + 1]; i++)
            {
                histogram[person[i]]++;
            }
        });

        running = 0;
        for (var p = 0; p < personCount; p++)
        {
            personOffsets[p] = running;
            for (var t = 0; t < chunks; t++)
            {
                var count = personHistograms[t][p];
                personHistograms[t][p] = running;
                running += count;
            }
        }

        personOffsets[personCount] = running;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, t =>
        {
            var cursor = personHistograms[t];
            for (var i = chunkStarts[t]; i < chunkStarts[t + 1]; i++)
            {
                personRows[cursor[person[i]]++] = i;
            }
        });

        return new VisitSegment(start, length, person, bucketOffsets, maxLength, personOffsets, personRows, venueCount);
    }

    /// <summary>Reads a segment's rows back as pending visits (for merging segments).</summary>
    public void CopyTo(Span<PendingVisit> destination)
    {
        for (var b = 0; b < BucketOffsets.Length - 1; b++)
        {
            var venue = b / Classes;
            for (var i = BucketOffsets[b]; i < BucketOffsets[b + 1]; i++)
            {
                destination[i] = new PendingVisit(Person[i], venue, Start[i], Length[i]);
            }
        }
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

    private static ushort SortGroup(int lo, int hi, int[] srcStart, ushort[] srcLength, int[] srcPerson, int[] dstStart, ushort[] dstLength, int[] dstPerson, Span<int> counts)
    {
        ushort max = 0;
        if (hi - lo <= InsertionSortLimit)
        {
            for (var i = lo; i < hi; i++)
            {
                var s = srcStart[i];
                var l = srcLength[i];
                var p = srcPerson[i];
                max = Math.Max(max, l);
                var j = i - 1;
                while (j >= lo && dstStart[j] > s)
                {
                    dstStart[j + 1] = dstStart[j];
                    dstLength[j + 1] = dstLength[j];
                    dstPerson[j + 1] = dstPerson[j];
                    j--;
                }

                dstStart[j + 1] = s;
                dstLength[j + 1] = l;
                dstPerson[j + 1] = p;
            }

            return max;
        }

        var min = int.MaxValue;
        var top = int.MinValue;
        for (var i = lo; i < hi; i++)
        {
            min = Math.Min(min, srcStart[i]);
            top = Math.Max(top, srcStart[i]);
            max = Math.Max(max, srcLength[i]);
        }

        var range = (uint)(top - min);
        var passes = range == 0 ? 0 : (32 - BitOperations.LeadingZeroCount(range) + RadixBits - 1) / RadixBits;
        var (fromStart, fromLength, fromPerson) = (srcStart, srcLength, srcPerson);
        var (toStart, toLength, toPerson) = (dstStart, dstLength, dstPerson);
        for (var pass = 0; pass < passes; pass++)
        {
            var shift = pass * RadixBits;
            const int mask = (1 << RadixBits) - 1;
            counts.Clear();
            for (var i = lo; i < hi; i++)
            {
                counts[(int)((uint)(fromStart[i] - min) >> shift) & mask]++;
            }

            var sum = lo;
            for (var d = 0; d < counts.Length; d++)
            {
                var c = counts[d];
                counts[d] = sum;
                sum += c;
            }

            for (var i = lo; i < hi; i++)
            {
                var position = counts[(int)((uint)(fromStart[i] - min) >> shift) & mask]++;
                toStart[position] = fromStart[i];
                toLength[position] = fromLength[i];
                toPerson[position] = fromPerson[i];
            }

            (fromStart, toStart) = (toStart, fromStart);
            (fromLength, toLength) = (toLength, fromLength);
            (fromPerson, toPerson) = (toPerson, fromPerson);
        }

        if (!ReferenceEquals(fromStart, dstStart))
        {
            Array.Copy(fromStart, lo, dstStart, lo, hi - lo);
            Array.Copy(fromLength, lo, dstLength, lo, hi - lo);
            Array.Copy(fromPerson, lo, dstPerson, lo, hi - lo);
        }

        return max;
    }
}
