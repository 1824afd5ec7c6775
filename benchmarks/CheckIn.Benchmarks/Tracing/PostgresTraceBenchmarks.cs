using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CheckIn.Store.PostgreSql;
using CheckIn.Testing;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Server-side tracing on PostgreSQL against the in-memory engine on the same visits (<see cref="LocalWorkload"/>):
/// one case to F2 and a 100-case cluster to F2, with the overlap query on a B-tree or on a GiST index. Each process
/// starts its own server (initdb, loopback port) and ingests the workload by binary COPY; the setup prints the ingest
/// rate, the re-ingest (which adds nothing), the live path's group commits and the contacts each engine finds (they
/// must be equal).
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 6, invocationCount: 1)]
public class PostgresTraceBenchmarks
{
    private PostgresServer _server = null!;
    private PostgresVisitStore _store = null!;
    private ContactTracer _memory = null!;
    private StoreContactTracer _database = null!;
    private TraceCase[] _oneCase = [];
    private TraceCase[] _cluster = [];
    private ContactTracerOptions _options = ContactTracerOptions.Default;

    [Params(1_000_000)]
    public int Visits { get; set; }

    [Params(OverlapIndex.BTree, OverlapIndex.Gist)]
    public OverlapIndex Index { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var workload = LocalWorkload.Create(Visits);
        var visits = workload.Visits.Select(v => new Visit(LocalWorkload.PersonKey(v.Person), LocalWorkload.VenueKey(v.Venue), IndexTime.FromSeconds(v.Start), IndexTime.FromSeconds(v.Start + (long)v.Length))).ToList();
        _memory = new ContactTracer(workload.ToStore().Snapshot);
        _server = await PostgresServer.StartAsync();
        var database = await _server.CreateDatabaseAsync("bench");
        _store = await PostgresVisitStore.ConnectAsync(database, new PostgresStoreOptions { OverlapIndex = Index });
        var clock = Stopwatch.StartNew();
        var added = await _store.IngestAsync(visits);
        var ingest = clock.Elapsed;
        clock.Restart();
        var again = await _store.IngestAsync(visits);
        var reingest = clock.Elapsed;
        // The live path: group commits of 100 new visits (the same visits a month later), one prepared statement each.
        var live = visits.Take(20_000).Select(v => new Visit(v.Person, v.Venue, v.CheckIn + Duration.FromDays(30), v.CheckOut + Duration.FromDays(30))).Chunk(100).ToList();
        await _store.AddAsync(live[0]);
        clock.Restart();
        long liveAdded = 0;
        foreach (var commit in live.Skip(1))
        {
            liveAdded += await _store.AddAsync(commit);
        }

        var liveTime = clock.Elapsed;
        await using (var connection = new Npgsql.NpgsqlConnection(database))
        {
            // Statistics for the planner, as autovacuum would gather them on a live server.
            await connection.OpenAsync();
            await using var analyze = new Npgsql.NpgsqlCommand("VACUUM ANALYZE checkin.visits", connection) { CommandTimeout = 600 };
            await analyze.ExecuteNonQueryAsync();
        }

        _database = new StoreContactTracer(_store);
        var from = LocalWorkload.Start + Duration.FromDays(5);
        var person = new Random(3).Next(workload.PersonCount);
        _oneCase = [new TraceCase(LocalWorkload.PersonKey(person), from, from + Duration.FromDays(3))];
        _cluster = workload.Outbreak(100, seed: 5);
        _options = new ContactTracerOptions { AsOf = LocalWorkload.Start + Duration.FromDays(LocalWorkload.Days) };
        var inMemory = _memory.Trace(_cluster, _options);
        var inPostgres = await _database.TraceAsync(_cluster, _options);
        Console.WriteLine($"// ingest {added:N0} visits by COPY in {ingest.TotalSeconds:F1} s ({added / ingest.TotalSeconds:N0} a second); again in {reingest.TotalSeconds:F1} s, {again} added");
        Console.WriteLine($"// live path: {liveAdded:N0} visits in {live.Count - 1} group commits of 100 in {liveTime.TotalSeconds:F2} s ({liveAdded / liveTime.TotalSeconds:N0} a second, {liveTime.TotalMilliseconds / (live.Count - 1):F2} ms a commit)");
        Console.WriteLine($"// cluster of 100 to F2: in memory {inMemory.Contacts.Count:N0} contacts, in PostgreSQL {inPostgres.Contacts.Count:N0}; identical: {inMemory.Contacts.SequenceEqual(inPostgres.Contacts)}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public int InMemoryOneCaseF2() => _memory.Trace(_oneCase, _options).Contacts.Count;

    [Benchmark]
    public int PostgresOneCaseF2() => _database.TraceAsync(_oneCase, _options).GetAwaiter().GetResult().Contacts.Count;

    [Benchmark]
    public int InMemoryCluster100F2() => _memory.Trace(_cluster, _options).Contacts.Count;

    [Benchmark]
    public int PostgresCluster100F2() => _database.TraceAsync(_cluster, _options).GetAwaiter().GetResult().Contacts.Count;
}
