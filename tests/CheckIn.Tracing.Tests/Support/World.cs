using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Tracing.Tests.Support;

/// <summary>
/// Random small worlds for differential tests. Times are quantized to 5 minutes so touching intervals, equal
/// starts and overlaps of exactly the minimum are common, not rare.
/// </summary>
internal static class World
{
    public static readonly Instant Start = Instant.FromUtc(2021, 9, 1, 0, 0);

    public static List<Visit> Generate(int seed, int persons, int venues, int days, int visitsPerPerson)
    {
        var random = new Random(seed);

        // Closures from their own stream, so the worlds' visits are the same with or without them.
        var closures = new Random(seed * 7 + 1);
        var visits = new List<Visit>();
        var hot = Math.Max(1, venues / 5);
        for (var p = 0; p < persons; p++)
        {
            // Pseudonyms spread over both halves so the tie-break order differs from insertion order.
            var person = new PersonPseudonym((ulong)random.NextInt64(), (ulong)p);
            for (var k = 0; k < visitsPerPerson; k++)
            {
                var venue = random.Next(3) == 0 ? random.Next(venues) : random.Next(hot);
                var start = Start + Duration.FromMinutes(5 * random.Next(days * 24 * 12));
                var length = random.Next(10) switch
                {
                    0 => Duration.FromMinutes(15),
                    1 => Duration.FromSeconds(1),
                    2 => Duration.FromHours(8 + random.Next(10)),
                    3 => Duration.FromMinutes(10),
                    _ => Duration.FromMinutes(5 * random.Next(1, 36)),
                };
                visits.Add(new Visit(person, "V" + venue.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), start, start + length,
                    (VisitClosure)closures.Next(1, 5)));
            }
        }

        return visits;
    }

    public static List<TraceCase> Cases(List<Visit> visits, int seed, int count, int days)
    {
        var random = new Random(seed);
        var persons = visits.Select(v => v.Person).Distinct().ToList();
        return persons.OrderBy(_ => random.Next()).Take(count).Select(p =>
        {
            var from = Start + Duration.FromMinutes(5 * random.Next(days * 24 * 12 / 2));
            return new TraceCase(p, from, from + Duration.FromMinutes(5 * random.Next(1, days * 24 * 12)));
        }).ToList();
    }

    /// <summary>
    /// Random encounters among the visits' persons and some persons known only by encounters (no visits), with
    /// quantized starts, lengths around the minimum, every distance class, and some logged by both phones.
    /// </summary>
    public static List<CheckIn.Tracing.Proximity.Encounter> Encounters(List<Visit> visits, int seed, int count, int days)
    {
        var random = new Random(seed);
        var persons = visits.Select(v => v.Person).Distinct().ToList();
        for (var extra = 0; extra < Math.Max(2, persons.Count / 10); extra++)
        {
            persons.Add(new PersonPseudonym((ulong)random.NextInt64(), (ulong)(1_000_000 + extra)));
        }

        var encounters = new List<CheckIn.Tracing.Proximity.Encounter>();
        while (encounters.Count < count)
        {
            var a = persons[random.Next(persons.Count)];
            var b = persons[random.Next(persons.Count)];
            if (a == b)
            {
                continue;
            }

            var start = Start + Duration.FromMinutes(5 * random.Next(days * 24 * 12));
            var length = random.Next(6) switch
            {
                0 => Duration.FromMinutes(15),
                1 => Duration.FromSeconds(1),
                2 => Duration.FromHours(1 + random.Next(20)),
                3 => Duration.FromMinutes(10),
                _ => Duration.FromMinutes(5 * random.Next(1, 24)),
            };
            var encounter = new CheckIn.Tracing.Proximity.Encounter(a, b, start, length, (CheckIn.Tracing.Proximity.EncounterDistance)random.Next(4));
            encounters.Add(encounter);
            if (random.Next(5) == 0)
            {
                encounters.Add(encounter with { Person = b, Other = a }); // the other phone's log
            }
        }

        return encounters;
    }

    /// <summary>Options a store trace accepts, every one varied (no crowding: that needs the index).</summary>
    public static ContactTracerOptions StoreTraceOptions(Random random, int days) => new()
    {
        MinOverlap = Duration.FromMinutes(new[] { 0, 5, 15, 15, 30 }[random.Next(5)]),
        Linger = Duration.FromMinutes(new[] { 0, 0, 10, 30 }[random.Next(4)]),
        MaxDepth = random.Next(1, 5),
        AsOf = World.Start + Duration.FromHours(random.Next(12, days * 24 + 12)),
        OnwardWindow = random.Next(3) == 0 ? Duration.FromHours(random.Next(1, 24)) : null,
        Risk = RiskModel.Default with { UseCrowding = false },
        VenueKindOf = random.Next(2) == 0 ? null : venue => (CheckIn.Core.Places.VenueKind)(venue[^1] % 12),
        MinScore = random.Next(4) == 0 ? 0.005 * random.Next(4) : null,
        TopPerLevel = random.Next(4) == 0 ? 1 + random.Next(20) : null,
        ExpandAbove = random.Next(4) == 0 ? 0.002 * random.Next(10) : null,
        MaxContactsPerHop = random.Next(6) == 0 ? 1 + random.Next(30) : null,
        MaxContacts = random.Next(6) == 0 ? 1 + random.Next(60) : null,
    };
}
