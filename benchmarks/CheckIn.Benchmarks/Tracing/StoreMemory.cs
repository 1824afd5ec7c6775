using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Bytes a visit held live through the public <see cref="VisitStore"/> after adding N random visits (one person per ten
/// visits, one venue per 200) and flushing them, with the store's default options: everything the store keeps (the
/// index, the interned persons and venues, its buffers), measured as the managed heap after full collections. Not a
/// timing (the ingest time it prints is one run's), so not a BenchmarkDotNet job: <c>dotnet run -c Release --project benchmarks/CheckIn.Benchmarks -- store-memory 1000000</c>.
/// </summary>
internal static class StoreMemory
{
    public static void Run(int visits)
    {
        var random = new Random(5);
        var start = Instant.FromUtc(2021, 9, 6, 0, 0);
        var persons = new PersonPseudonym[Math.Max(1, visits / 10)];
        for (var i = 0; i < persons.Length; i++)
        {
            persons[i] = new PersonPseudonym((ulong)random.NextInt64(), (ulong)random.NextInt64());
        }

        var venues = Enumerable.Range(0, (visits / 200) + 1).Select(i => $"V{i:D6}").ToArray();
        var visitsAt = new (int Person, int Venue, Instant At, Duration Length)[visits];
        for (var i = 0; i < visits; i++)
        {
            visitsAt[i] = (random.Next(persons.Length), random.Next(venues.Length), start + Duration.FromMinutes(random.Next(14 * 24 * 60)), Duration.FromMinutes(15 + random.Next(120)));
        }

        var before = Live();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var store = new VisitStore();
        foreach (var (person, venue, at, length) in visitsAt)
        {
            store.Add(persons[person], venues[venue], at, at + length);
        }

        var snapshot = store.Flush();
        var ingest = clock.Elapsed;
        var after = Live();
        Console.WriteLine($"{visits:N0} visits: {(after - before) / (double)visits:F2} bytes a visit live through VisitStore; the index's segments hold {snapshot.BytesHeld / (double)visits:F2} ({snapshot.SegmentCount} segments); Add + Flush {ingest.TotalMilliseconds * 1e6 / visits:F0} ns a visit");
        GC.KeepAlive(store);
        GC.KeepAlive(persons);
        GC.KeepAlive(venues);
        GC.KeepAlive(visitsAt);
    }

    private static long Live()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
