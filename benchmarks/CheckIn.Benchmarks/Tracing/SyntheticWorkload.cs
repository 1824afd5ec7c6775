using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// A synthetic province for the tracing benchmarks (until the simulation package exists): N visits over 14 days,
/// N/50 people, N/200 venues with skewed popularity (the busiest market gets about (1/venues)^(1/2) of all
/// visits), stays from 5 minutes to 10-hour shifts, days from 07:00.
/// </summary>
internal sealed class SyntheticWorkload
{
    public const int Days = 14;

    private SyntheticWorkload(PendingVisit[] visits, int persons, int venues)
    {
        Visits = visits;
        PersonCount = persons;
        VenueCount = venues;
        PersonKeys = [.. Enumerable.Range(0, persons).Select(p => new PersonPseudonym((ulong)p * 0x9E3779B97F4A7C15UL, (ulong)p))];
        VenueKeys = [.. Enumerable.Range(0, venues).Select(v => "V" + v.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    public static readonly Instant Start = Instant.FromUtc(2021, 9, 1, 0, 0);

    public PendingVisit[] Visits { get; }

    public int PersonCount { get; }

    public int VenueCount { get; }

    public PersonPseudonym[] PersonKeys { get; }

    public string[] VenueKeys { get; }

    /// <summary>Creates the workload.</summary>
    /// <param name="count">The number of visits.</param>
    /// <param name="arrivalOrder">True to order visits by check-in, as a live feed delivers them; false for random order (the worst case).</param>
    /// <param name="seed">The random seed.</param>
    public static SyntheticWorkload Create(int count, bool arrivalOrder = true, int seed = 2021)
    {
        var random = new Random(seed);
        var persons = Math.Max(10, count / 50);
        var venues = Math.Max(5, count / 200);
        var day0 = IndexTime.ToSeconds(Start);
        var visits = new PendingVisit[count];
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            var venue = (int)(venues * u * u);
            var length = random.Next(10) switch
            {
                < 7 => random.Next(5 * 60, 90 * 60),
                < 9 => random.Next(90 * 60, 3 * 3600),
                _ => random.Next(6 * 3600, 10 * 3600),
            };
            var start = day0 + (random.Next(Days) * 86_400) + (7 * 3600) + random.Next(14 * 3600);
            visits[i] = new PendingVisit(random.Next(persons), venue, start, length);
        }

        if (arrivalOrder)
        {
            Array.Sort(visits, (a, b) => a.Start.CompareTo(b.Start));
        }

        return new SyntheticWorkload(visits, persons, venues);
    }

    /// <summary>A store holding the workload, filled through the public API.</summary>
    public VisitStore ToStore()
    {
        var store = new VisitStore(new VisitStoreOptions { SegmentCapacity = Visits.Length + 1 });
        foreach (var v in Visits)
        {
            store.Add(PersonKeys[v.Person], VenueKeys[v.Venue], IndexTime.FromSeconds(v.Start), IndexTime.FromSeconds(v.Start + (long)v.Length));
        }

        store.Flush();
        return store;
    }

    /// <summary>Exposure intervals drawn from random visits, so busy venues are probed in proportion to their visits.</summary>
    public (int Venue, int Start, int End)[] SampleExposures(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var v = Visits[random.Next(Visits.Length)];
            return (v.Venue, v.Start, v.Start + v.Length);
        })];
    }
}
