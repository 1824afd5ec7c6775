using CheckIn.Tracing.Index;

namespace CheckIn.Tracing.Tests.Index;

public sealed class VisitSegmentTests
{
    [Theory]
    [InlineData(1, 1, 500)]
    [InlineData(2, 1_000, 500)]
    [InlineData(3, 200_000, 500)]
    [InlineData(4, 300_000, 100_000)] // the person index in several partitions of persons
    [InlineData(5, 50_000, 1_000_003)] // most persons absent from the segment
    public void Build_GroupsSortedAndPersonIndexComplete(int seed, int count, int persons)
    {
        var random = new Random(seed);
        const int Venues = 37;
        var input = new PendingVisit[count];
        for (var i = 0; i < count; i++)
        {
            // Wide start range (several radix passes) and every duration class.
            input[i] = new PendingVisit(random.Next(persons), random.Next(Venues), random.Next(-50_000_000, 50_000_000), random.Next(1, ushort.MaxValue + 1));
        }

        var segment = VisitSegment.Build(input, count, Venues, persons, parallelism: 2);
        Assert.Equal(count, segment.Count);
        Assert.Equal(input.Min(v => v.Start), segment.MinStart);
        Assert.Equal(input.Max(v => v.Start + v.Length), segment.MaxEnd);
        for (var b = 0; b < Venues * VisitSegment.Classes; b++)
        {
            ushort max = 0;
            for (var row = segment.BucketOffsets[b]; row < segment.BucketOffsets[b + 1]; row++)
            {
                Assert.Equal(b / VisitSegment.Classes, segment.VenueOf(row));
                Assert.Equal(b % VisitSegment.Classes, VisitSegment.ClassOf(segment.Length[row]));
                if (row > segment.BucketOffsets[b])
                {
                    Assert.True(segment.Start[row - 1] <= segment.Start[row]);
                }

                max = Math.Max(max, segment.Length[row]);
            }

            Assert.Equal(max, segment.BucketMaxLength[b]);
        }

        var fromIndex = new List<PendingVisit>();
        for (var p = 0; p < persons; p++)
        {
            var previous = -1;
            foreach (var row in segment.RowsOf(p))
            {
                Assert.Equal(p, segment.Person[row]);
                Assert.True(row > previous, "A person's rows are in increasing order.");
                previous = row;
                fromIndex.Add(new PendingVisit(p, segment.VenueOf(row), segment.Start[row], segment.Length[row]));
            }
        }

        Assert.Equal(Sorted(input), Sorted(fromIndex));
        var copied = new PendingVisit[count];
        segment.CopyTo(copied);
        Assert.Equal(Sorted(input), Sorted(copied));
    }

    private static List<(int, int, int, int)> Sorted(IEnumerable<PendingVisit> visits) =>
        visits.Select(v => (v.Person, v.Venue, v.Start, v.Length)).Order().ToList();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1800, 0)]
    [InlineData(1801, 1)]
    [InlineData(7200, 1)]
    [InlineData(7201, 2)]
    [InlineData(28800, 2)]
    [InlineData(28801, 3)]
    [InlineData(65535, 3)]
    public void ClassOf_Boundaries(int length, int expected) => Assert.Equal(expected, VisitSegment.ClassOf(length));

    [Fact]
    public void HotPathStructs_SizesPinned()
    {
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<PendingVisit>());
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<CheckIn.Tracing.Privacy.PersonPseudonym>());
        Assert.Equal(24, System.Runtime.CompilerServices.Unsafe.SizeOf<ContactTracer.Candidate>());
        Assert.Equal(40, System.Runtime.CompilerServices.Unsafe.SizeOf<ContactTracer.Exposure>());
    }
}
