using BenchmarkDotNet.Attributes;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// The cost of a merge reaching the index (re-keying: <see cref="VisitStore.Merge(CheckIn.Tracing.Privacy.PersonPseudonym, CheckIn.Tracing.Privacy.PersonPseudonym)"/> moves one person's visits to the
/// other and rebuilds the segments that held them), in a store of N visits flushed as one segment, against reading the
/// same person's visits. Each invocation merges the pair one way, the next the other way.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class MergeBenchmarks
{
    private VisitStore _store = null!;
    private PersonPseudonym _a;
    private PersonPseudonym _b;
    private PersonMerge[] _batch = [];
    private PersonMerge[] _back = [];

    [Params(1_000_000)]
    public int Visits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workload = SyntheticWorkload.Create(Visits);
        _store = new VisitStore(new VisitStoreOptions { SegmentCapacity = Visits });
        _store.AddRange(workload.Visits.Select(v => new Visit(workload.PersonKeys[v.Person], workload.VenueKeys[v.Venue],
            IndexTime.FromSeconds(v.Start), IndexTime.FromSeconds(v.Start + (long)v.Length))));
        _store.Flush();
        _a = workload.PersonKeys[0];
        _b = workload.PersonKeys[1];

        // A thousand other pairs, as a day of links learned from declarations and 1405 codes.
        _batch = [.. Enumerable.Range(1, 1000).Select(i => new PersonMerge(workload.PersonKeys[2 * i], workload.PersonKeys[(2 * i) + 1]))];
        _back = [.. _batch.Select(m => new PersonMerge(m.From, m.Into))];
    }

    [Benchmark(Baseline = true)]
    public int ReadOnePersonsVisits() => _store.Snapshot.VisitsOf(_a).Count;

    [Benchmark]
    public long MergeTwoPeople()
    {
        var moved = _store.Merge(_a, _b);
        (_a, _b) = (_b, _a);
        return moved;
    }

    /// <summary>A thousand merges applied at once (<see cref="VisitStore.Merge(IEnumerable{PersonMerge})"/>): one rewrite for all.</summary>
    [Benchmark]
    public long MergeAThousandPairsAtOnce()
    {
        var moved = _store.Merge(_batch);
        (_batch, _back) = (_back, _batch);
        return moved;
    }
}
