using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Tests.Support;
using CheckIn.Tracing.Visits;
using CsCheck;
using NodaTime;

namespace CheckIn.Tracing.Tests.Tracing;

/// <summary>
/// The engine against the naive reference on CsCheck-generated small worlds: when they disagree, CsCheck shrinks the
/// world to a few visits and prints it with the seed that reproduces it.
/// </summary>
public sealed class ContactTracerPropertyTests
{
    private static readonly Instant Start = World.Start;

    // Times on a 5-minute grid and lengths from a short list, so touching intervals and exact minimum overlaps are common.
    private static readonly Gen<Visit> VisitGen =
        from person in Gen.Int[0, 7]
        from venue in Gen.Int[0, 2]
        from slot in Gen.Int[0, 12 * 24]
        from length in Gen.OneOf(Duration.FromSeconds(1), Duration.FromMinutes(10), Duration.FromMinutes(15), Duration.FromMinutes(30), Duration.FromHours(2), Duration.FromHours(9))
        select new Visit(Person(person), "V" + venue, Start + Duration.FromMinutes(5 * slot), Start + Duration.FromMinutes(5 * slot) + length);

    private static readonly Gen<TraceCase> CaseGen =
        from person in Gen.Int[0, 7]
        from startSlot in Gen.Int[0, 12 * 24]
        from hours in Gen.Int[1, 30]
        select new TraceCase(Person(person), Start + Duration.FromMinutes(5 * startSlot), Start + Duration.FromMinutes(5 * startSlot) + Duration.FromHours(hours));

    private static readonly Gen<ContactTracerOptions> OptionsGen =
        from minOverlap in Gen.OneOf(0, 5, 15, 30)
        from linger in Gen.OneOf(0, 10, 30)
        from depth in Gen.Int[1, 4]
        from asOfHours in Gen.Int[6, 36]
        from onward in Gen.Int[0, 12]
        from strategy in Gen.Int[0, 3]
        select new ContactTracerOptions
        {
            MinOverlap = Duration.FromMinutes(minOverlap),
            Linger = Duration.FromMinutes(linger),
            MaxDepth = depth,
            AsOf = Start + Duration.FromHours(asOfHours),
            OnwardWindow = onward == 0 ? null : Duration.FromHours(onward),
            Strategy = (TraceStrategy)strategy,
            ParallelThreshold = 1,
            MaxDegreeOfParallelism = 2,
        };

    private static PersonPseudonym Person(int n) => new((ulong)(n * 7919 % 5), (ulong)n);

    [Fact]
    public void Trace_GeneratedWorlds_SameAsNaive() =>
        Gen.Select(VisitGen.List[0, 40], CaseGen.List[1, 3], OptionsGen).Sample((visits, cases, options) =>
        {
            var distinct = cases.DistinctBy(c => c.Person).ToList();
            var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = 16, MaxSegments = 2 });
            store.AddRange(visits);
            var actual = new ContactTracer(store.Flush()).Trace(distinct, options);
            var expected = NaiveTracer.Trace(visits, distinct, options);
            Assert.Equal(expected.Contacts, actual.Contacts);
            Assert.Equal(expected.Notices, actual.Notices);
        }, iter: 400);

    [Fact]
    public void Trace_Cancelled_Throws()
    {
        var visits = World.Generate(3, persons: 200, venues: 5, days: 2, visitsPerPerson: 6);
        var store = new VisitStore();
        store.AddRange(visits);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            new ContactTracer(store.Flush()).Trace(World.Cases(visits, 1, 3, 2), new ContactTracerOptions { AsOf = Start + Duration.FromDays(3) }, cancellation.Token));
    }
}
