using BenchmarkDotNet.Attributes;
using CheckIn.Store.PostgreSql;
using CheckIn.Testing;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Provinces on shards: the same million visits (<see cref="LocalWorkload"/>, venue <c>k</c> in province <c>k % 4 + 1</c>)
/// on one PostgreSQL server, and on two shards (provinces 1–2 and 3–4) joined by postgres_fdw on a coordinator, all on
/// this machine; the single server is the baseline. With <see cref="ShardB"/> down, the second shard is stopped after
/// ingest: the sharded trace then warns for its provinces and traces the rest. The setup prints what each finds.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 6, invocationCount: 1)]
public class ShardedTraceBenchmarks
{
    private readonly List<PostgresServer> _servers = [];
    private PostgresVisitStore _single = null!;
    private PostgresShardedStore _sharded = null!;
    private StoreContactTracer _singleTracer = null!;
    private StoreContactTracer _shardedTracer = null!;
    private TraceCase[] _oneCase = [];
    private TraceCase[] _cluster = [];
    private ContactTracerOptions _options = ContactTracerOptions.Default;

    /// <summary>Whether the second shard is up during the traces.</summary>
    public enum ShardState
    {
        Up,
        Down,
    }

    [Params(ShardState.Up, ShardState.Down)]
    public ShardState ShardB { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var workload = LocalWorkload.Create(1_000_000);
        var visits = workload.Visits.Select(v => new Visit(LocalWorkload.PersonKey(v.Person), LocalWorkload.VenueKey(v.Venue), IndexTime.FromSeconds(v.Start), IndexTime.FromSeconds(v.Start + (long)v.Length))).ToList();
        _servers.AddRange(await Task.WhenAll(PostgresServer.StartAsync(), PostgresServer.StartAsync(), PostgresServer.StartAsync()));
        var (coordinator, a, b) = (_servers[0], _servers[1], _servers[2]);
        _single = await PostgresVisitStore.ConnectAsync(await coordinator.CreateDatabaseAsync("single"));
        await _single.IngestAsync(visits);
        _sharded = await PostgresShardedStore.OpenAsync(await coordinator.CreateDatabaseAsync("coordinator"),
            [new PostgresShard("a", await a.CreateDatabaseAsync("shard"), [1, 2]), new PostgresShard("b", await b.CreateDatabaseAsync("shard"), [3, 4])]);
        foreach (var province in visits.GroupBy(v => (int.Parse(v.Venue.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) % 4) + 1))
        {
            await _sharded.IngestAsync(province, province.Key);
        }

        foreach (var server in _servers)
        {
            await using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString());
            await connection.OpenAsync();
            await using var databases = new Npgsql.NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'single%' OR datname LIKE 'shard%'", connection);
            var names = new List<string>();
            await using (var reader = await databases.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var name in names)
            {
                await using var analyzed = new Npgsql.NpgsqlConnection(server.ConnectionString(name));
                await analyzed.OpenAsync();
                await using var analyze = new Npgsql.NpgsqlCommand("VACUUM ANALYZE checkin.visits", analyzed) { CommandTimeout = 600 };
                await analyze.ExecuteNonQueryAsync();
            }
        }

        if (ShardB == ShardState.Down)
        {
            b.Kill();
        }

        _singleTracer = new StoreContactTracer(_single);
        _shardedTracer = new StoreContactTracer(_sharded);
        var from = LocalWorkload.Start + Duration.FromDays(5);
        _oneCase = [new TraceCase(LocalWorkload.PersonKey(new Random(3).Next(workload.PersonCount)), from, from + Duration.FromDays(3))];
        _cluster = workload.Outbreak(100, seed: 5);
        _options = new ContactTracerOptions { AsOf = LocalWorkload.Start + Duration.FromDays(LocalWorkload.Days) };
        var single = await _singleTracer.TraceAsync(_cluster, _options);
        var sharded = await _shardedTracer.TraceAsync(_cluster, _options);
        var warned = sharded.Warnings.Where(w => w.Code == PostgreSqlErrorCodes.Shard.Unreachable).Select(w => w.Field).Distinct().Order();
        Console.WriteLine($"// shard b {ShardB}: cluster of 100 to F2: one server {single.Contacts.Count:N0} contacts, sharded {sharded.Contacts.Count:N0}; identical: {single.Contacts.SequenceEqual(sharded.Contacts)}; provinces unreachable: [{string.Join(", ", warned)}]");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sharded.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _single.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var server in _servers)
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public int OneServerCluster100F2() => _singleTracer.TraceAsync(_cluster, _options).GetAwaiter().GetResult().Contacts.Count;

    [Benchmark]
    public int ShardedCluster100F2() => _shardedTracer.TraceAsync(_cluster, _options).GetAwaiter().GetResult().Contacts.Count;

    [Benchmark]
    public int OneServerOneCaseF2() => _singleTracer.TraceAsync(_oneCase, _options).GetAwaiter().GetResult().Contacts.Count;

    [Benchmark]
    public int ShardedOneCaseF2() => _shardedTracer.TraceAsync(_oneCase, _options).GetAwaiter().GetResult().Contacts.Count;
}
