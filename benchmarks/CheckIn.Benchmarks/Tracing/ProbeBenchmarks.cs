using BenchmarkDotNet.Attributes;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// One exposure-interval probe: who was at this venue long enough during [start, end)? The same 16 sampled
/// exposures per operation set for every method: the naive scan over all visits (baseline), SQLite's R*Tree
/// (rtree_i32 over venue × time, the person as an auxiliary column), DuckDB (an in-process columnar database a
/// researcher might reach for: the visits in one table sorted by venue and start, probed one exposure a query and as one
/// overlap join of the 16), and the CheckIn index.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 12)]
public class ProbeBenchmarks
{
    private const int Queries = 16;
    private const int MinOverlap = 15 * 60;
    private SyntheticWorkload _workload = null!;
    private VisitIndexSnapshot _snapshot = null!;
    private (int Venue, int Start, int End)[] _exposures = [];
    private List<ContactTracer.Exposure> _exposureList = [];
    private SqliteConnection _sqlite = null!;
    private SqliteCommand _rtreeQuery = null!;
    private string _databasePath = string.Empty;
    private DuckDBConnection _duck = null!;
    private DuckDBCommand _duckProbe = null!;
    private DuckDBCommand _duckJoin = null!;

    [Params(1_000_000, 10_000_000)]
    public int Visits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = SyntheticWorkload.Create(Visits);
        _snapshot = _workload.ToStore().Snapshot;
        _exposures = _workload.SampleExposures(Queries, seed: 7);
        // The store numbers venues in order of first appearance; translate the workload's venue numbers.
        _exposureList = [.. _exposures.Select(e => new ContactTracer.Exposure(VenueId(e.Venue), e.Start, e.End, -1, e.Start, e.End, 0)).OrderBy(e => e.Venue).ThenBy(e => e.Start)];
        _databasePath = Path.Combine(Path.GetTempPath(), $"checkin-rtree-{Visits}-{Environment.ProcessId}.db");
        BuildRTree();
        BuildDuckDb();
        var contacts = IndexProbe();
        Console.WriteLine($"// {contacts / (double)Queries:F1} contacts per probe; {_snapshot.BytesHeld / (double)_snapshot.Count:F2} bytes held per visit");
        Console.WriteLine($"// naive {NaiveScan()}, R*Tree {RTree()}, DuckDB {DuckDbProbe()} and {DuckDbJoin()} joined, index {contacts} contacts for the {Queries} probes (must agree)");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rtreeQuery.Dispose();
        _sqlite.Dispose();
        _duckProbe.Dispose();
        _duckJoin.Dispose();
        _duck.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public int NaiveScan()
    {
        var visits = _workload.Visits;
        var found = 0;
        foreach (var (venue, start, end) in _exposures)
        {
            for (var i = 0; i < visits.Length; i++)
            {
                var v = visits[i];
                if (v.Venue == venue && Math.Min(v.Start + v.Length, end) - Math.Max(v.Start, start) >= MinOverlap)
                {
                    found++;
                }
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int RTree()
    {
        var found = 0;
        foreach (var (venue, start, end) in _exposures)
        {
            _rtreeQuery.Parameters["$v"].Value = venue;
            _rtreeQuery.Parameters["$s"].Value = start;
            _rtreeQuery.Parameters["$e"].Value = end;
            using var reader = _rtreeQuery.ExecuteReader();
            while (reader.Read())
            {
                if (Math.Min(reader.GetInt32(1), end) - Math.Max(reader.GetInt32(0), start) >= MinOverlap)
                {
                    found++;
                }
            }
        }

        return found;
    }

    /// <summary>DuckDB, one query an exposure (prepared, parameters bound).</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public long DuckDbProbe()
    {
        long found = 0;
        foreach (var (venue, start, end) in _exposures)
        {
            _duckProbe.Parameters[0].Value = venue;
            _duckProbe.Parameters[1].Value = start;
            _duckProbe.Parameters[2].Value = end;
            found += Convert.ToInt64(_duckProbe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return found;
    }

    /// <summary>DuckDB, the 16 exposures as one overlap join (how a columnar database would run a trace hop).</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public long DuckDbJoin() => Convert.ToInt64(_duckJoin.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    [Benchmark(OperationsPerInvoke = Queries)]
    public int IndexProbe()
    {
        var counter = new Counter();
        foreach (var exposure in _exposureList)
        {
            foreach (var segment in _snapshot.Segments)
            {
                segment.Probe(exposure.Venue, exposure.Start, exposure.End, MinOverlap, ref counter);
            }
        }

        return counter.Rows;
    }

    /// <summary>The exposure matched as a trace hop does it: probe plus keeping the best exposure per person.</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public long IndexProbeAsTraceHop()
    {
        long found = 0;
        var options = new ContactTracerOptions { MinOverlap = NodaTime.Duration.FromSeconds(MinOverlap), MaxDegreeOfParallelism = 1, Strategy = TraceStrategy.Probe };
        foreach (var exposure in _exposureList)
        {
            var match = new TraceRun(_snapshot, null, options, long.MaxValue, CancellationToken.None).Match([exposure]);
            PersonMap<ContactTracer.Candidate>.Return(match.Found);
            found += match.Candidates;
        }

        return found;
    }

    private struct Counter : IRowVisitor
    {
        public int Rows;

        public void Visit(int row, long overlapStart, int overlap) => Rows++;
    }

    private int VenueId(int workloadVenue) =>
        _snapshot.TryGetVenue(_workload.VenueKeys[workloadVenue], out var id) ? id : throw new InvalidOperationException("Venue not indexed.");

    private void BuildDuckDb()
    {
        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        using (var create = _duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE loaded (venue INTEGER, start_s INTEGER, end_s INTEGER, person INTEGER); CREATE TABLE exposures (venue INTEGER, start_s INTEGER, end_s INTEGER);";
            create.ExecuteNonQuery();
        }

        using (var appender = _duck.CreateAppender("loaded"))
        {
            foreach (var v in _workload.Visits)
            {
                appender.CreateRow().AppendValue(v.Venue).AppendValue(v.Start).AppendValue(v.Start + v.Length).AppendValue(v.Person).EndRow();
            }
        }

        using (var appender = _duck.CreateAppender("exposures"))
        {
            foreach (var (venue, start, end) in _exposures)
            {
                appender.CreateRow().AppendValue(venue).AppendValue(start).AppendValue(end).EndRow();
            }
        }

        // Sorted by venue and start, so DuckDB's per-row-group min/max (zone maps) prune a probe to a few row groups.
        using (var sort = _duck.CreateCommand())
        {
            sort.CommandText = "CREATE TABLE visits AS SELECT * FROM loaded ORDER BY venue, start_s; DROP TABLE loaded;";
            sort.ExecuteNonQuery();
        }

        _duckProbe = _duck.CreateCommand();
        // $1 venue, $2 start, $3 end; the two range conditions let the zone maps prune.
        _duckProbe.CommandText = $"SELECT count(*) FROM visits WHERE venue = $1 AND start_s <= $3 - {MinOverlap} AND end_s >= $2 + {MinOverlap} AND least(end_s, $3) - greatest(start_s, $2) >= {MinOverlap}";
        _duckProbe.Parameters.Add(new DuckDBParameter(0));
        _duckProbe.Parameters.Add(new DuckDBParameter(0));
        _duckProbe.Parameters.Add(new DuckDBParameter(0));
        _duckProbe.Prepare();
        _duckJoin = _duck.CreateCommand();
        _duckJoin.CommandText = $"SELECT count(*) FROM exposures e JOIN visits v ON v.venue = e.venue AND least(v.end_s, e.end_s) - greatest(v.start_s, e.start_s) >= {MinOverlap}";
    }

    private void BuildRTree()
    {
        File.Delete(_databasePath);
        _sqlite = new SqliteConnection($"Data Source={_databasePath}");
        _sqlite.Open();
        using (var pragma = _sqlite.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; " +
                "CREATE VIRTUAL TABLE visits USING rtree_i32(id, venue_min, venue_max, start_min, end_max, +person);";
            pragma.ExecuteNonQuery();
        }

        using (var transaction = _sqlite.BeginTransaction())
        using (var insert = _sqlite.CreateCommand())
        {
            insert.CommandText = "INSERT INTO visits VALUES ($id, $v, $v, $s, $e, $p)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var venue = insert.Parameters.Add("$v", SqliteType.Integer);
            var start = insert.Parameters.Add("$s", SqliteType.Integer);
            var end = insert.Parameters.Add("$e", SqliteType.Integer);
            var person = insert.Parameters.Add("$p", SqliteType.Integer);
            var visits = _workload.Visits;
            for (var i = 0; i < visits.Length; i++)
            {
                id.Value = i;
                venue.Value = visits[i].Venue;
                start.Value = visits[i].Start;
                end.Value = visits[i].Start + visits[i].Length;
                person.Value = visits[i].Person;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        _rtreeQuery = _sqlite.CreateCommand();
        _rtreeQuery.CommandText = "SELECT start_min, end_max, person FROM visits WHERE venue_min <= $v AND venue_max >= $v AND start_min < $e AND end_max > $s";
        _rtreeQuery.Parameters.Add("$v", SqliteType.Integer);
        _rtreeQuery.Parameters.Add("$s", SqliteType.Integer);
        _rtreeQuery.Parameters.Add("$e", SqliteType.Integer);
        _rtreeQuery.Prepare();
    }
}
