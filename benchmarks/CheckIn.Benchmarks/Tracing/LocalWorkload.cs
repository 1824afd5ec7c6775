using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// A province of communes for the whole-trace benchmarks, built not to saturate: N visits over 14 days, N/50 people in
/// communes of 1,000 on a ring, each commune with its own N/200 ÷ communes venues (skewed popularity inside it); nine
/// visits in ten are in the person's own commune, one in a neighbouring commune. A trace spreads commune to commune
/// instead of reaching everyone through one city-wide market in two hops, as <see cref="SyntheticWorkload"/>'s skew
/// makes it (a 1,000-case outbreak there finds every person).
/// </summary>
internal sealed class LocalWorkload
{
    public const int Days = 14;
    public const int CommuneSize = 1_000;

    private LocalWorkload(PendingVisit[] visits, int persons, int venues, int communes)
    {
        Visits = visits;
        PersonCount = persons;
        VenueCount = venues;
        CommuneCount = communes;
    }

    public static readonly Instant Start = Instant.FromUtc(2021, 9, 1, 0, 0);

    public PendingVisit[] Visits { get; }

    public int PersonCount { get; }

    public int VenueCount { get; }

    public int CommuneCount { get; }

    /// <summary>A person's pseudonym (distinct per id, as a pseudonymizer's would be).</summary>
    public static PersonPseudonym PersonKey(int person) => new((ulong)person * 0x9E3779B97F4A7C15UL, (ulong)person);

    public static string VenueKey(int venue) => "V" + venue.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Creates the workload, in check-in order (as a live feed delivers it).</summary>
    public static LocalWorkload Create(int count, int seed = 2021)
    {
        var random = new Random(seed);
        var persons = Math.Max(CommuneSize, count / 50);
        var communes = persons / CommuneSize;
        persons = communes * CommuneSize;
        var venuesPerCommune = Math.Max(5, count / 200 / communes);
        var day0 = IndexTime.ToSeconds(Start);
        var window = Days * 86_400;

        // Drawn in random order, then placed by check-in second with a counting sort (two sequential passes).
        var drawn = new PendingVisit[count];
        var perSecond = new int[window + 1];
        for (var i = 0; i < count; i++)
        {
            var person = random.Next(persons);
            var commune = person / CommuneSize;
            if (random.Next(10) == 0)
            {
                commune = (commune + (random.Next(2) == 0 ? 1 : communes - 1)) % communes;
            }

            var u = random.NextDouble();
            var venue = (commune * venuesPerCommune) + (int)(venuesPerCommune * u * u);
            var length = random.Next(10) switch
            {
                < 7 => random.Next(5 * 60, 90 * 60),
                < 9 => random.Next(90 * 60, 3 * 3600),
                _ => random.Next(6 * 3600, 10 * 3600),
            };
            var offset = (random.Next(Days) * 86_400) + (7 * 3600) + random.Next(14 * 3600);
            drawn[i] = new PendingVisit(person, venue, day0 + offset, length);
            perSecond[offset + 1]++;
        }

        for (var s = 1; s <= window; s++)
        {
            perSecond[s] += perSecond[s - 1];
        }

        var visits = new PendingVisit[count];
        foreach (var visit in drawn)
        {
            visits[perSecond[visit.Start - day0]++] = visit;
        }

        return new LocalWorkload(visits, persons, communes * venuesPerCommune, communes);
    }

    /// <summary>An outbreak cluster: <paramref name="count"/> cases drawn from the first communes (one case in ten of their people), each infectious for 3 days from day 5.</summary>
    public CheckIn.Tracing.TraceCase[] Outbreak(int count, int seed)
    {
        var random = new Random(seed);
        var pool = Math.Min(PersonCount, count * 10);
        var from = Start + Duration.FromDays(5);
        return [.. Enumerable.Range(0, pool).OrderBy(_ => random.Next()).Take(count).Select(p => new CheckIn.Tracing.TraceCase(PersonKey(p), from, from + Duration.FromDays(3)))];
    }

    /// <summary>A store holding the workload in one segment, filled through the public API.</summary>
    public VisitStore ToStore()
    {
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = Visits.Length + 1 });
        var venues = Enumerable.Range(0, VenueCount).Select(VenueKey).ToArray();
        foreach (var v in Visits)
        {
            store.Add(PersonKey(v.Person), venues[v.Venue], IndexTime.FromSeconds(v.Start), IndexTime.FromSeconds(v.Start + (long)v.Length));
        }

        store.Flush();
        return store;
    }
}
