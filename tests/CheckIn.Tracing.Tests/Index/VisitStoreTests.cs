using CheckIn.Tracing.Index;
using CheckIn.Tracing.Tests.Support;
using CheckIn.Tracing.Visits;
using NodaTime;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Index;

public sealed class VisitStoreTests
{
    [Fact]
    public void Add_NotVisibleUntilFlush()
    {
        var store = new VisitStore();
        store.Add(P(1), "A", At(8), At(9));
        Assert.Equal(0, store.Snapshot.Count);
        Assert.Equal(1, store.PendingCount);
        Assert.Equal(1, store.Flush().Count);
        Assert.Equal(0, store.PendingCount);
    }

    [Fact]
    public void Add_FullBuffer_FlushesAndMergesBeyondMaxSegments()
    {
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = 10, MaxSegments = 3 });
        var visits = World.Generate(3, persons: 20, venues: 4, days: 2, visitsPerPerson: 10);
        store.AddRange(visits);
        var snapshot = store.Flush();
        Assert.Equal(visits.Count, snapshot.Count);
        Assert.True(snapshot.SegmentCount <= 3);
        foreach (var person in visits.Select(v => v.Person).Distinct())
        {
            var expected = visits.Where(v => v.Person == person).Select(v => (v.Venue, v.CheckIn, v.CheckOut)).Order().ToList();
            var actual = snapshot.VisitsOf(person).Select(v => (v.Venue, v.CheckIn, v.CheckOut)).Order().ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void ApplyRetention_DropsOnlySegmentsEntirelyOlder()
    {
        var store = new VisitStore();
        store.Add(P(1), "A", At(8), At(9));
        store.Flush();
        store.Add(P(2), "A", At(8) + Duration.FromDays(30), At(9) + Duration.FromDays(30));
        store.Flush();
        Assert.Equal(0, store.ApplyRetention(At(9) + Duration.FromDays(20)));
        Assert.Equal(1, store.ApplyRetention(At(9) + Duration.FromDays(21) + Duration.FromSeconds(1)));
        Assert.Equal(1, store.Snapshot.Count);
        Assert.Empty(store.Snapshot.VisitsOf(P(1)));
    }

    [Fact]
    public void Add_Invalid_Throws()
    {
        var store = new VisitStore();
        Assert.Throws<ArgumentException>(() => store.Add(P(1), "A", At(9), At(9)));
        Assert.Throws<ArgumentException>(() => store.Add(P(1), "", At(8), At(9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Add(P(1), "A", At(8), At(8) + Duration.FromHours(19)));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Add(P(1), "A", Instant.FromUtc(1900, 1, 1, 0, 0), At(8)));
    }

    [Fact]
    public void Snapshot_BytesHeld_AtMostSixteenPerVisit()
    {
        var store = new VisitStore();
        var visits = World.Generate(4, persons: 2_000, venues: 200, days: 14, visitsPerPerson: 50);
        store.AddRange(visits.Where(v => v.Length <= Duration.FromHours(18)));
        var snapshot = store.Flush();
        Assert.True(snapshot.BytesHeld <= snapshot.Count * 16, $"{snapshot.BytesHeld / (double)snapshot.Count:F2} bytes per visit");
    }

    [Fact]
    public void Options_OutOfRange_Throw() =>
        Assert.Throws<CheckIn.Core.InvalidOptionsException>(() => new VisitStore(new VisitStoreOptions { SegmentCapacity = 0 }));

    [Fact]
    public void Flush_Cancelled_NothingLost()
    {
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = 1 << 20, MaxSegments = 1 });
        for (var i = 0; i < 300; i++)
        {
            store.Add(P(i % 17), "V" + (i % 5), At(8) + NodaTime.Duration.FromMinutes(i), At(9) + NodaTime.Duration.FromMinutes(i));
        }

        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() => store.Flush(cancellation.Token));
        Assert.Equal(300, store.PendingCount + store.Snapshot.Count);
        Assert.Equal(300, store.Flush().Count);
    }

    private static List<Visit> Batch(int batch, int size) =>
        [.. Enumerable.Range(0, size).Select(i => new Visit(P((batch * size) + i), "V" + (i % 3), Min(batch + i), Min(batch + i + 30), VisitClosure.CheckedOut))];

    /// <summary>Regression: a buffer filling mid-batch published the visits before it, so readers saw half a batch.</summary>
    [Fact]
    public void AddRange_BufferFillsMidBatch_ReadersSeeAllOrNothing()
    {
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = 10, MaxSegments = 2 });
        var before = store.Snapshot.Version;
        store.AddRange(Batch(0, 25));
        Assert.Equal(25, store.Snapshot.Count);
        Assert.Equal(before + 1, store.Snapshot.Version);
        Assert.Equal(0, store.PendingCount);

        // A batch that fits the buffer stays pending, as before.
        store.AddRange(Batch(1, 4));
        Assert.Equal((25L, 4), (store.Snapshot.Count, store.PendingCount));
    }

    [Fact]
    public async Task AddRange_ConcurrentReader_OnlyEverSeesWholeBatches()
    {
        const int Batches = 400, Size = 23;
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = 16, MaxSegments = 4 });
        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        using var done = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var reader = Task.Run(() =>
        {
            started.Set();
            // Bounded: stops when the writer is done, or after 200,000 reads.
            for (var i = 0; i < 200_000 && !done.IsSet; i++)
            {
                seen.Add(store.Snapshot.Count);
            }
        });

        Assert.True(started.Wait(TimeSpan.FromMinutes(1)));
        for (var b = 0; b < Batches; b++)
        {
            store.AddRange(Batch(b, Size));
        }

        done.Set();
        await reader.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(Batches * Size, store.Flush().Count);
        Assert.All(seen, count => Assert.Equal(0, count % Size));
    }

    /// <summary>Regression: a bad visit in a batch threw after the visits before it were added.</summary>
    [Fact]
    public void AddRange_BadVisitInBatch_NothingAdded()
    {
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = 10 });
        var batch = Batch(0, 25);
        batch[17] = new Visit(P(99), "A", At(8) + Duration.FromMilliseconds(100), At(8) + Duration.FromMilliseconds(900));
        Assert.Throws<ArgumentException>(() => store.AddRange(batch));
        batch[17] = new Visit(P(99), "A", At(8), At(8) + Duration.FromHours(19));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.AddRange(batch));
        batch[17] = new Visit(P(99), "A", Instant.FromUtc(1900, 1, 1, 0, 0), At(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.AddRange(batch));
        Assert.Equal((0L, 0), (store.Snapshot.Count, store.PendingCount));
        Assert.Equal(0, store.Flush().Count);
    }
}
