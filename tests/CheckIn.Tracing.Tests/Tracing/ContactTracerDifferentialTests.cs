using CheckIn.Tracing.Index;
using CheckIn.Tracing.Tests.Support;
using NodaTime;

namespace CheckIn.Tracing.Tests.Tracing;

/// <summary>The engine against the naive reference, on many seeded random worlds with every option varied.</summary>
public sealed class ContactTracerDifferentialTests
{
    public static TheoryData<int, int, int, int> Worlds()
    {
        var data = new TheoryData<int, int, int, int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            // seed, persons, venues, visits per person: small and medium worlds.
            data.Add(seed, seed % 4 == 0 ? 300 : 40, seed % 3 == 0 ? 30 : 6, seed % 4 == 0 ? 12 : 6);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Trace_RandomWorld_SameAsNaive(int seed, int persons, int venues, int visitsPerPerson)
    {
        const int Days = 3;
        var visits = World.Generate(seed, persons, venues, Days, visitsPerPerson);
        var random = new Random(seed * 31);

        // Several segments sometimes, to exercise cross-segment queries and merging.
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = random.Next(2) == 0 ? 1 << 20 : 97, MaxSegments = 3 });
        store.AddRange(visits);
        var tracer = new ContactTracer(store.Flush());

        for (var round = 0; round < 6; round++)
        {
            var cases = World.Cases(visits, seed * 100 + round, 1 + random.Next(4), Days);
            var options = new ContactTracerOptions
            {
                MinOverlap = Duration.FromMinutes(new[] { 0, 5, 15, 15, 30 }[random.Next(5)]),
                Linger = Duration.FromMinutes(new[] { 0, 0, 10, 30 }[random.Next(4)]),
                MaxDepth = random.Next(1, 5),
                AsOf = World.Start + Duration.FromHours(random.Next(12, Days * 24 + 12)),
                OnwardWindow = random.Next(3) == 0 ? Duration.FromHours(random.Next(1, 24)) : null,
                Strategy = (TraceStrategy)random.Next(3),
                ParallelThreshold = random.Next(2) == 0 ? 1 : 512,
                MaxDegreeOfParallelism = 1 + random.Next(3),
            };

            var expected = NaiveTracer.Trace(visits, cases, options);
            var actual = tracer.Trace(cases, options);
            AssertSame(expected.Contacts, actual.Contacts, $"seed {seed} round {round} {options}");
            Assert.Equal(expected.Notices, actual.Notices);
        }
    }

    private static void AssertSame(IReadOnlyList<Contact> expected, IReadOnlyList<Contact> actual, string context)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.True(expected[i] == actual[i], $"{context}\nfirst difference at {i}:\nexpected {expected[i]}\nactual   {actual[i]}");
        }

        Assert.True(expected.Count == actual.Count, $"{context}\nexpected {expected.Count} contacts, got {actual.Count}");
    }

    [Fact]
    public void Trace_Strategies_AllAgreeOnBusyVenue()
    {
        // One venue with many visits and many exposures, where probe and sweep costs cross.
        var visits = World.Generate(99, persons: 400, venues: 2, days: 2, visitsPerPerson: 10);
        var store = new VisitStore();
        store.AddRange(visits);
        var tracer = new ContactTracer(store.Flush());
        var cases = World.Cases(visits, 5, 40, 2);
        var results = Enum.GetValues<TraceStrategy>()
            .Select(s => tracer.Trace(cases, new ContactTracerOptions { AsOf = World.Start + Duration.FromDays(3), Strategy = s, MaxDepth = 3 }))
            .ToList();
        Assert.NotEmpty(results[0].Contacts);
        Assert.All(results, r => Assert.Equal(results[0].Contacts, r.Contacts));
        Assert.Contains(results, r => r.Hops.Any(h => h.SweptVenues > 0));
    }
}
