using CheckIn.Tracing.Index;
using CheckIn.Tracing.Proximity;
using CheckIn.Tracing.Tests.Support;
using CheckIn.Tracing.Visits;
using NodaTime;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Tracing;

/// <summary>Contacts by Bluetooth proximity: the stated semantics on fixed worlds, and the engine against the naive reference.</summary>
public sealed class ProximityTracingTests
{
    private static readonly ContactTracerOptions Options = new() { AsOf = At(24) };

    private static ContactTracer Tracer(IEnumerable<Visit> visits, params Encounter[] encounters)
    {
        var store = new VisitStore();
        store.AddRange(visits);
        return new ContactTracer(store.Flush(), EncounterIndex.Create(encounters));
    }

    [Fact]
    public void Encounter_MakesAContactWithoutAVenue()
    {
        var tracer = Tracer([new Visit(P(1), "market", At(8), At(9))], new Encounter(P(1), P(2), At(10), Duration.FromMinutes(20), EncounterDistance.Near));
        var contact = Assert.Single(tracer.Trace([new TraceCase(P(1), At(0), At(24))], Options).Contacts);
        Assert.Equal((P(2), 1, At(10), Duration.FromMinutes(20), P(1)), (contact.Person, contact.Level, contact.ExposedAt, contact.Overlap, contact.Source));
        Assert.Equal(ContactEvidence.Proximity, contact.Evidence);
        Assert.Null(contact.Venue);
        Assert.Null(contact.SourceVisit);
        Assert.False(contact.InAssumedTail);
        Assert.Equal(new EncounterEvidence(P(1), At(10), Duration.FromMinutes(20), EncounterDistance.Near, new Interval(At(10), At(10, 20))), contact.Encounter);
        Assert.Equal(1 - Math.Exp(-0.001 * 20), contact.Score, 12);
    }

    [Fact]
    public void Encounter_ClippedToTheSourcesWindow_ThenTheMinimum()
    {
        // 40 minutes, of which 20 inside the case's window [10:20, …): a contact from 10:20; with 25 minutes needed, none.
        var tracer = Tracer([], new Encounter(P(1), P(2), At(10), Duration.FromMinutes(40), EncounterDistance.Close));
        TraceCase[] cases = [new(P(1), At(10, 20), At(24))];
        var contact = Assert.Single(tracer.Trace(cases, Options).Contacts);
        Assert.Equal((At(10, 20), Duration.FromMinutes(20)), (contact.ExposedAt, contact.Overlap));
        Assert.Empty(tracer.Trace(cases, Options with { MinEncounter = Duration.FromMinutes(25) }).Contacts);

        // The window's end clips too: the case's window closes at 10:30.
        Assert.Empty(tracer.Trace([new TraceCase(P(1), At(0), At(10, 10))], Options).Contacts);
    }

    [Fact]
    public void Encounter_FartherThanTheMaximum_IsNoContact()
    {
        var tracer = Tracer([], new Encounter(P(1), P(2), At(10), Duration.FromHours(1), EncounterDistance.Medium));
        TraceCase[] cases = [new(P(1), At(0), At(24))];
        Assert.Empty(tracer.Trace(cases, Options).Contacts);
        var contact = Assert.Single(tracer.Trace(cases, Options with { MaxEncounterDistance = EncounterDistance.Far }).Contacts);
        Assert.Equal(EncounterDistance.Medium, contact.Encounter!.Distance);
        Assert.Equal(1 - Math.Exp(-0.001 * 0.5 * 60), contact.Score, 12);
    }

    [Fact]
    public void VenueAndEncounter_Both_EarlierKept_ScoresCombined()
    {
        // Together at the market 9:00–10:00 and their phones close 9:30–10:30: the venue overlap is earlier and is kept.
        Visit[] visits = [new(P(1), "market", At(9), At(10)), new(P(2), "market", At(9), At(10))];
        var tracer = Tracer(visits, new Encounter(P(1), P(2), At(9, 30), Duration.FromHours(1), EncounterDistance.Close));
        var contact = Assert.Single(tracer.Trace([new TraceCase(P(1), At(0), At(24))], Options).Contacts);
        Assert.Equal((ContactEvidence.Both, "market", At(9)), (contact.Evidence, contact.Venue, contact.ExposedAt));
        Assert.NotNull(contact.Encounter);
        var venue = 1 - Math.Exp(-0.001 * 60);
        var near = 1 - Math.Exp(-0.001 * 1.5 * 60);
        Assert.Equal(1 - ((1 - venue) * (1 - near)), contact.Score, 12);

        // An encounter before the venue overlap is the evidence kept.
        tracer = Tracer(visits, new Encounter(P(1), P(2), At(8), Duration.FromMinutes(30), EncounterDistance.Near));
        contact = Assert.Single(tracer.Trace([new TraceCase(P(1), At(0), At(24))], Options).Contacts);
        Assert.Equal((ContactEvidence.Both, null, At(8), Duration.FromMinutes(30)), (contact.Evidence, contact.Venue, contact.ExposedAt, contact.Overlap));
    }

    [Fact]
    public void PersonKnownOnlyByEncounters_IsACaseAndASourceOfF2()
    {
        // P(7) has no visits: a case found by the encounter index alone, whose F1 (by proximity) exposes an F2 at a venue.
        Visit[] visits = [new(P(2), "office", At(13), At(17)), new(P(3), "office", At(14), At(16))];
        var tracer = Tracer(visits, new Encounter(P(7), P(2), At(8), Duration.FromMinutes(30), EncounterDistance.Near));
        var result = tracer.Trace([new TraceCase(P(7), At(0), At(24))], Options);
        Assert.Empty(result.Warnings);
        Assert.Equal([(P(2), 1, ContactEvidence.Proximity), (P(3), 2, ContactEvidence.Venue)], result.Contacts.Select(c => (c.Person, c.Level, c.Evidence)));
        Assert.Equal([0, 1], result.Hops.Select(h => h.Exposures));
        Assert.Equal(1, result.Hops[0].ByProximity);

        // Without the encounters the case is unknown.
        var store = new VisitStore();
        store.AddRange(visits);
        Assert.Equal(TracingErrorCodes.Trace.UnknownCase, Assert.Single(new ContactTracer(store.Flush()).Trace([new TraceCase(P(7), At(0), At(24))], Options).Warnings).Code);
    }

    [Fact]
    public void ReachedAtAnEarlierLevel_IsNotReachedAgain()
    {
        // P(2) is an F1 at the venue; their encounter with the case's other F1 does not make them an F2.
        Visit[] visits = [new(P(1), "market", At(9), At(10)), new(P(2), "market", At(9), At(10)), new(P(3), "market", At(9), At(10))];
        var tracer = Tracer(visits, new Encounter(P(3), P(2), At(12), Duration.FromHours(1), EncounterDistance.Close));
        var result = tracer.Trace([new TraceCase(P(1), At(0), At(24))], Options);
        Assert.Equal([1, 1], result.Contacts.Select(c => c.Level));
    }

    [Fact]
    public void Index_MergesTheSameEncounterFromBothPhones_AndRefusesNonsense()
    {
        var encounter = new Encounter(P(1), P(2), At(10), Duration.FromMinutes(20), EncounterDistance.Near);
        var index = EncounterIndex.Create([encounter, encounter with { Person = P(2), Other = P(1) }, encounter]);
        Assert.Equal((1, 2), (index.Count, index.PersonCount));
        Assert.Equal([encounter with { Person = P(2), Other = P(1) }], index.EncountersOf(P(2)));
        Assert.Empty(index.EncountersOf(P(3)));

        var builder = new EncounterIndex.Builder();
        Assert.Throws<ArgumentException>(() => builder.Add(encounter with { Other = P(1) }));
        Assert.Throws<ArgumentException>(() => builder.Add(encounter with { Duration = Duration.Zero }));
        Assert.Throws<ArgumentException>(() => builder.Add(encounter with { Duration = Duration.FromDays(2) }));
        Assert.Throws<ArgumentException>(() => builder.Add(encounter with { Distance = (EncounterDistance)7 }));
        Assert.Throws<ArgumentException>(() => builder.Add(encounter with { Start = Instant.FromUtc(2100, 1, 1, 0, 0) }));
        Assert.Equal(0, builder.Count);
    }

    [Theory]
    [InlineData(54, EncounterDistance.Close)]
    [InlineData(55, EncounterDistance.Near)]
    [InlineData(62, EncounterDistance.Near)]
    [InlineData(63, EncounterDistance.Medium)]
    [InlineData(73, EncounterDistance.Far)]
    public void Distance_FromAttenuation_CwaBuckets(int decibels, EncounterDistance expected) =>
        Assert.Equal(expected, EncounterDistances.FromAttenuation(decibels));

    [Theory]
    [InlineData("near", EncounterDistance.Near)]
    [InlineData(" CLOSE ", EncounterDistance.Close)]
    [InlineData("1", EncounterDistance.Close)]
    [InlineData("1.5", EncounterDistance.Near)]
    [InlineData("3.99", EncounterDistance.Medium)]
    [InlineData("12", EncounterDistance.Far)]
    public void Distance_Parses_NamesAndMetres(string text, EncounterDistance expected)
    {
        Assert.True(EncounterDistances.TryParse(text, out var distance));
        Assert.Equal(expected, distance);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1e3")]
    [InlineData("nearby")]
    public void Distance_RefusesOtherText(string text) => Assert.False(EncounterDistances.TryParse(text, out _));

    public static TheoryData<int, int, int> Worlds()
    {
        var data = new TheoryData<int, int, int>();
        for (var seed = 1; seed <= 30; seed++)
        {
            // seed, persons, encounters per person.
            data.Add(seed, seed % 3 == 0 ? 200 : 40, seed % 2 == 0 ? 1 : 4);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Trace_RandomWorldWithEncounters_SameAsNaive(int seed, int persons, int encountersPerPerson)
    {
        const int Days = 3;
        var visits = World.Generate(seed, persons, 6, Days, 4);
        var encounters = World.Encounters(visits, seed * 17, persons * encountersPerPerson, Days);
        var random = new Random(seed * 13);
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = random.Next(2) == 0 ? 1 << 20 : 61, MaxSegments = 3 });
        store.AddRange(visits);
        var tracer = new ContactTracer(store.Flush(), EncounterIndex.Create(encounters));
        var everyone = visits.Select(v => v.Person).Concat(encounters.Select(e => e.Other)).Distinct().ToList();

        for (var round = 0; round < 6; round++)
        {
            // Cases among everyone, persons known only by encounters included.
            var cases = everyone.OrderBy(_ => random.Next()).Take(1 + random.Next(4)).Select(p =>
            {
                var from = World.Start + Duration.FromMinutes(5 * random.Next(Days * 24 * 6));
                return new TraceCase(p, from, from + Duration.FromMinutes(5 * random.Next(1, Days * 24 * 12)));
            }).ToList();
            var options = new ContactTracerOptions
            {
                MinOverlap = Duration.FromMinutes(new[] { 0, 15, 30 }[random.Next(3)]),
                MinEncounter = Duration.FromMinutes(new[] { 0, 5, 15, 15, 30 }[random.Next(5)]),
                MaxEncounterDistance = (EncounterDistance)random.Next(4),
                Linger = Duration.FromMinutes(new[] { 0, 10 }[random.Next(2)]),
                MaxDepth = random.Next(1, 5),
                AsOf = World.Start + Duration.FromHours(random.Next(12, Days * 24 + 12)),
                OnwardWindow = random.Next(3) == 0 ? Duration.FromHours(random.Next(1, 24)) : null,
                Strategy = (TraceStrategy)random.Next(4),
                Risk = RiskModel.Default with { UseCrowding = random.Next(3) == 0 },
                MinScore = random.Next(4) == 0 ? 0.005 * random.Next(4) : null,
                TopPerLevel = random.Next(4) == 0 ? 1 + random.Next(20) : null,
                ExpandAbove = random.Next(4) == 0 ? 0.002 * random.Next(10) : null,
            };

            var expected = NaiveTracer.Trace(visits, cases, options, encounters);
            var actual = tracer.Trace(cases, options);
            for (var i = 0; i < Math.Min(expected.Contacts.Count, actual.Contacts.Count); i++)
            {
                Assert.True(expected.Contacts[i] == actual.Contacts[i], $"seed {seed} round {round} {options}\nfirst difference at {i}:\nexpected {expected.Contacts[i]}\nactual   {actual.Contacts[i]}");
            }

            Assert.Equal(expected.Contacts.Count, actual.Contacts.Count);
            Assert.Equal(expected.Notices, actual.Notices);
        }
    }

    [Fact]
    public void Trace_RandomWorldsWithEncounters_ReachPeopleByProximity()
    {
        // The differential worlds are not vacuous: proximity reaches people, some only by proximity, some both ways.
        var visits = World.Generate(5, 200, 6, 3, 4);
        var encounters = World.Encounters(visits, 85, 800, 3);
        var store = new VisitStore();
        store.AddRange(visits);
        var result = new ContactTracer(store.Flush(), EncounterIndex.Create(encounters))
            .Trace(World.Cases(visits, 3, 3, 3), new ContactTracerOptions { AsOf = World.Start + Duration.FromDays(3), MaxEncounterDistance = EncounterDistance.Far, MinEncounter = Duration.Zero });
        Assert.Contains(result.Contacts, c => c.Evidence == ContactEvidence.Proximity);
        Assert.Contains(result.Contacts, c => c.Evidence == ContactEvidence.Both);
        Assert.Contains(result.Contacts, c => c.Evidence == ContactEvidence.Venue);
    }
}
