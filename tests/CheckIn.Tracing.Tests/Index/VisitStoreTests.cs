using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
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
    public void ApplyRetention_DropsSegmentsEntirelyOlder()
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

    /// <summary>Regression: retention dropped only whole segments, so an old visit stayed as long as a newer one shared its segment, and buffered visits never expired.</summary>
    [Fact]
    public void ApplyRetention_PerVisit_IndexedAndBuffered()
    {
        var store = new VisitStore();
        store.Add(P(1), "A", At(8), At(9));
        store.Add(P(2), "A", At(8) + Duration.FromDays(10), At(9) + Duration.FromDays(10));
        store.Flush();
        store.Add(P(3), "B", At(8), At(9));
        store.Add(P(4), "B", At(8) + Duration.FromDays(10), At(9) + Duration.FromDays(10));

        // 21 days after P1's and P3's visits ended: those two go, the segment is rebuilt, the buffer keeps P4.
        Assert.Equal(2, store.ApplyRetention(At(9) + Duration.FromDays(21)));
        Assert.Equal((1L, 1), (store.Snapshot.Count, store.PendingCount));
        Assert.Empty(store.Snapshot.VisitsOf(P(1)));
        Assert.Single(store.Snapshot.VisitsOf(P(2)));
        var snapshot = store.Flush();
        Assert.Empty(snapshot.VisitsOf(P(3)));
        Assert.Single(snapshot.VisitsOf(P(4)));
        Assert.Equal(0, store.ApplyRetention(At(9) + Duration.FromDays(21)));
        Assert.Equal(2, store.ApplyRetention(At(9) + Duration.FromDays(40)));
        Assert.Equal(0, store.Snapshot.Count);
    }

    /// <summary>Erasure: nothing of the person is findable in the snapshots published after it, buffered visits included.</summary>
    [Fact]
    public void Erase_NothingOfThePersonRemainsFindable()
    {
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = 50, MaxSegments = 4 });
        var visits = World.Generate(8, persons: 60, venues: 5, days: 2, visitsPerPerson: 6);
        store.AddRange(visits);
        var victim = visits[0].Person;
        var theirs = visits.Count(v => v.Person == victim);
        store.Add(victim, "late", visits[0].CheckIn, visits[0].CheckOut); // still buffered
        var before = store.Snapshot;
        Assert.True(store.PendingCount > 0);

        Assert.Equal(theirs + 1, store.Erase(victim));
        var after = store.Flush();
        Assert.Equal(visits.Count - theirs, after.Count);
        Assert.Empty(after.VisitsOf(victim));
        Assert.DoesNotContain(victim, after.PersonKeys.ToArray());
        Assert.False(after.TryGetPerson(victim, out _));
        foreach (var segment in after.Segments)
        {
            Assert.Equal(segment.Count, Enumerable.Range(0, segment.PersonCount).Sum(id => segment.RowsOf(id).Length));
        }

        // A trace never reaches them, and as a case they are unknown.
        var tracer = new CheckIn.Tracing.ContactTracer(after);
        var options = new CheckIn.Tracing.ContactTracerOptions { AsOf = World.Start + Duration.FromDays(3), MinOverlap = Duration.Zero, MaxDepth = 4 };
        var everyone = visits.Select(v => v.Person).Where(p => p != victim).Distinct().Take(10).Select(p => new CheckIn.Tracing.TraceCase(p, World.Start, World.Start + Duration.FromDays(3))).ToList();
        Assert.DoesNotContain(tracer.Trace(everyone, options).Contacts, c => c.Person == victim || c.Source == victim);
        var asCase = tracer.Trace([new CheckIn.Tracing.TraceCase(victim, World.Start, World.Start + Duration.FromDays(3))], options);
        Assert.Equal(TracingErrorCodes.Trace.UnknownCase, Assert.Single(asCase.Warnings).Code);

        // Others are untouched; the snapshot taken before keeps what it held; erasing again finds nothing.
        var other = visits.First(v => v.Person != victim).Person;
        Assert.Equal(before.VisitsOf(other).Count, after.VisitsOf(other).Count);
        Assert.Equal(0, store.Erase(victim));

        // They come back as a new person if they check in again.
        store.Add(victim, "new", visits[0].CheckIn, visits[0].CheckOut);
        Assert.Single(store.Flush().VisitsOf(victim));
    }

    [Fact]
    public void Rekey_PersonsFoundByTheirRekeyedPseudonymsOnly()
    {
        var pseudonymizer = new PersonPseudonymizer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var an = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "079301000456");
        var store = new VisitStore();
        store.Add(an, "A", At(8), At(9));
        store.Flush();
        store.Add(P(5), "A", At(10), At(11)); // buffered during the re-keying
        var rekeyer = new PseudonymRekeyer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        store.Rekey(rekeyer);
        var snapshot = store.Flush();
        Assert.Empty(snapshot.VisitsOf(an));
        Assert.Single(snapshot.VisitsOf(pseudonymizer.ThenRekeyed(rekeyer).Pseudonymize(IdentifierKind.CitizenId, "079301000456")));
        Assert.Single(snapshot.VisitsOf(rekeyer.Rekey(P(5))));
        Assert.Equal(2, snapshot.Count);

        // An erased person stays erased through a re-keying.
        store.Erase(rekeyer.Rekey(P(5)));
        store.Rekey(new PseudonymRekeyer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        Assert.Equal(1, store.Flush().Count);
    }

    [Fact]
    public void Closures_KeptThroughFlushMergeRetentionAndPersonMerge()
    {
        // Many small segments merged, then a retention rewrite and a person merge: every visit keeps its closure.
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = 37, MaxSegments = 2, Retention = Duration.FromDays(2) });
        var visits = World.Generate(11, persons: 30, venues: 5, days: 3, visitsPerPerson: 12);
        Assert.Equal(4, visits.Select(v => v.Closure).Distinct().Count());
        foreach (var visit in visits)
        {
            store.Add(visit);
        }

        Assert.Equal(Expected(visits), Actual(store.Flush(), visits));

        var now = World.Start + Duration.FromDays(3);
        store.ApplyRetention(now);
        var kept = visits.Where(v => v.CheckOut > now - Duration.FromDays(2)).ToList();
        Assert.Equal(Expected(kept), Actual(store.Snapshot, kept));

        var (into, from) = (kept[0].Person, kept.First(v => v.Person != kept[0].Person).Person);
        store.Merge(into, from);
        var merged = kept.Select(v => v.Person == from ? new Visit(into, v.Venue, v.CheckIn, v.CheckOut, v.Closure) : v).ToList();
        Assert.Equal(Expected(merged), Actual(store.Snapshot, merged));

        static List<(ulong, ulong, string, Instant, Instant, VisitClosure)> Expected(List<Visit> visits) =>
            [.. visits.Select(v => (v.Person.High, v.Person.Low, v.Venue, v.CheckIn, v.CheckOut, v.Closure)).Order()];

        static List<(ulong, ulong, string, Instant, Instant, VisitClosure)> Actual(VisitIndexSnapshot snapshot, List<Visit> visits) =>
            [.. visits.Select(v => v.Person).Distinct().SelectMany(snapshot.VisitsOf).Select(v => (v.Person.High, v.Person.Low, v.Venue, v.CheckIn, v.CheckOut, v.Closure)).Order()];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void MergeBatch_SameAsOneByOne_ChainsAndNamesAgain(int seed)
    {
        var random = new Random(seed);
        var visits = World.Generate(seed, persons: 40, venues: 5, days: 2, visitsPerPerson: 5);
        var persons = visits.Select(v => v.Person).Distinct().ToList();
        var merges = Enumerable.Range(0, 60).Select(_ => new PersonMerge(persons[random.Next(persons.Count)], persons[random.Next(persons.Count)])).ToList();
        merges.Add(new PersonMerge(P(999), persons[0])); // into someone the store never saw

        var oneByOne = new VisitStore(new VisitStoreOptions { SegmentCapacity = 50, MaxSegments = 4 });
        var batch = new VisitStore(new VisitStoreOptions { SegmentCapacity = 50, MaxSegments = 4 });
        oneByOne.AddRange(visits);
        batch.AddRange(visits);
        oneByOne.Flush();
        batch.Flush();
        var moved = merges.Sum(m => oneByOne.Merge(m.Into, m.From));
        Assert.InRange(batch.Merge(merges), 1, moved); // a visit moved twice one by one moves once here

        foreach (var person in persons.Append(P(999)))
        {
            Assert.Equal(oneByOne.Snapshot.VisitsOf(person), batch.Snapshot.VisitsOf(person));
        }

        Assert.Equal(visits.Count, batch.Snapshot.Count);
        Assert.Equal(0, batch.Merge([]));
    }

    [Fact]
    public void Closures_NoColumnWhenEveryVisitCheckedOut()
    {
        var checkedOut = new VisitStore();
        var assumed = new VisitStore();
        for (var i = 0; i < 1000; i++)
        {
            checkedOut.Add(P(i), "A", At(8), At(9));
            assumed.Add(P(i), "A", At(8), At(9), i == 500 ? VisitClosure.DefaultLength : VisitClosure.CheckedOut);
        }

        // Two bits a visit, only in a segment that needs them.
        Assert.Equal(checkedOut.Flush().BytesHeld + (((1000 + 31) / 32) * 8), assumed.Flush().BytesHeld);
        Assert.Equal(VisitClosure.DefaultLength, assumed.Snapshot.VisitsOf(P(500)).Single().Closure);
        Assert.Equal(VisitClosure.CheckedOut, assumed.Snapshot.VisitsOf(P(499)).Single().Closure);
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
