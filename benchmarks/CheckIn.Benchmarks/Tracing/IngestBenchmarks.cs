using BenchmarkDotNet.Attributes;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Visits;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Ingest: adding N visits through the public API (interning person pseudonyms and venue identifiers) and
/// flushing them into the index, against merely collecting the same visits into a list.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 8)]
public class IngestBenchmarks
{
    private Visit[] _visits = [];

    [Params(1_000_000)]
    public int Visits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workload = SyntheticWorkload.Create(Visits);
        _visits = [.. workload.Visits.Select(v => new Visit(workload.PersonKeys[v.Person], workload.VenueKeys[v.Venue],
            IndexTime.FromSeconds(v.Start), IndexTime.FromSeconds(v.Start + (long)v.Length)))];
    }

    [Benchmark(Baseline = true)]
    public int CollectIntoList() => new List<Visit>(_visits).Count;

    [Benchmark]
    public long AddAndFlush()
    {
        var store = new VisitStore();
        store.AddRange(_visits);
        return store.Flush().Count;
    }
}
