using BenchmarkDotNet.Attributes;
using CheckIn.Tracing.Index;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Building the columnar index from N visits (two-level radix sort by venue and duration class, then by start,
/// plus the person index), against the memory-bandwidth floor: a plain sequential copy of the same visits into
/// columns. Measured for visits in arrival order (a live feed) and shuffled (the worst case).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class IndexBuildBenchmarks
{
    private SyntheticWorkload _workload = null!;

    [Params(1_000_000, 10_000_000)]
    public int Visits { get; set; }

    /// <summary>True: visits in check-in order, as a live feed delivers them; false: shuffled, the worst case.</summary>
    [Params(true, false)]
    public bool ArrivalOrder { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = SyntheticWorkload.Create(Visits, ArrivalOrder);
        var segment = VisitSegment.Build(_workload.Visits, Visits, _workload.VenueCount, _workload.PersonCount, Environment.ProcessorCount);
        Console.WriteLine($"// bytes held per visit: {segment.BytesHeld / (double)segment.Count:F2} ({segment.BytesHeld:N0} bytes for {segment.Count:N0} visits)");
    }

    [Benchmark(Baseline = true)]
    public int[] CopyColumnsFloor()
    {
        var visits = _workload.Visits;
        var start = new int[visits.Length];
        var length = new ushort[visits.Length];
        var person = new int[visits.Length];
        for (var i = 0; i < visits.Length; i++)
        {
            start[i] = visits[i].Start;
            length[i] = (ushort)visits[i].Length;
            person[i] = visits[i].Person;
        }

        return person;
    }

    [Benchmark]
    public object BuildIndex() =>
        VisitSegment.Build(_workload.Visits, Visits, _workload.VenueCount, _workload.PersonCount, Environment.ProcessorCount);

    [Benchmark]
    public object BuildIndexOneCore() =>
        VisitSegment.Build(_workload.Visits, Visits, _workload.VenueCount, _workload.PersonCount, 1);
}
