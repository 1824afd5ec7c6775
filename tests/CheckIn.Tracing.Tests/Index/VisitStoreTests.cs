using CheckIn.Tracing.Index;
using CheckIn.Tracing.Tests.Support;
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
}
