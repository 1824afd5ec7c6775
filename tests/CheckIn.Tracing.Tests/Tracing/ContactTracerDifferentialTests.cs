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
                Strategy = (TraceStrategy)random.Next(4),
                ParallelThreshold = random.Next(2) == 0 ? 1 : 512,
                MaxDegreeOfParallelism = 1 + random.Next(3),
                Risk = RiskModel.Default with { UseCrowding = random.Next(4) != 0, CloseContacts = 1 + random.Next(12) },
                VenueKindOf = random.Next(2) == 0 ? null : venue => (CheckIn.Core.Places.VenueKind)(venue[^1] % 12),
                MinScore = random.Next(4) == 0 ? 0.005 * random.Next(4) : null,
                TopPerLevel = random.Next(4) == 0 ? 1 + random.Next(20) : null,
                ExpandAbove = random.Next(4) == 0 ? 0.002 * random.Next(10) : null,
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

    /// <summary>
    /// Regression: one crowded venue-hour cost N² at the second hop (every F1 source against every visit). Now the
    /// hop looks at each visit once and at the few exposures that decide it: the work grows with the crowd, not its
    /// square, and the contacts are the ones the pairwise matching finds.
    /// </summary>
    [Theory]
    [InlineData(3_000, 0)]
    [InlineData(3_000, 10)]
    [InlineData(1_500, 0)]
    public void Trace_CrowdedVenueHour_WorkGrowsWithTheCrowdNotItsSquare(int people, int lingerMinutes)
    {
        var start = Instant.FromUtc(2021, 9, 1, 3, 0);
        var random = new Random(people + lingerMinutes);
        var store = new VisitStore();
        store.AddRange(Enumerable.Range(0, people).Select(i =>
        {
            var arrival = start + Duration.FromSeconds(i == 0 ? 0 : random.Next(3600));
            return new CheckIn.Tracing.Visits.Visit(new CheckIn.Tracing.Privacy.PersonPseudonym(1, (ulong)i), "crowd", arrival, arrival + Duration.FromMinutes(i == 0 ? 45 : 20 + random.Next(41)));
        }));
        var tracer = new ContactTracer(store.Flush());
        TraceCase[] cases = [new(new CheckIn.Tracing.Privacy.PersonPseudonym(1, 0), start, start + Duration.FromHours(1))];
        var options = new ContactTracerOptions { AsOf = start + Duration.FromDays(1), Linger = Duration.FromMinutes(lingerMinutes) };

        var pairwise = tracer.Trace(cases, options with { Strategy = TraceStrategy.PairSweep });
        var auto = tracer.Trace(cases, options);
        Assert.Equal(pairwise.Contacts, auto.Contacts);
        Assert.Equal(pairwise.Contacts, tracer.Trace(cases, options with { Strategy = TraceStrategy.Probe }).Contacts);
        Assert.True(auto.AtLevel(2).Any(), "the crowd reaches F2");

        var hop2 = auto.Hops[1];
        Assert.True(hop2.Exposures > people / 3, $"{hop2.Exposures} sources' exposures");
        Assert.True(hop2.Examined <= 4L * (people + hop2.Exposures), $"hop 2 examined {hop2.Examined:N0} for {people:N0} visits");
        Assert.True(pairwise.Hops[1].Examined > (long)people * people / 20, $"the pairwise matching examined {pairwise.Hops[1].Examined:N0}");
    }
}
