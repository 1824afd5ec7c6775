using BenchmarkDotNet.Attributes;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// One exposure-interval probe per operation over a stream of distinct random exposures (65,536 sampled visits'
/// intervals, walked in order and wrapped), so the index is read as a trace reads it, from memory rather than from a
/// handful of probes kept in cache as <see cref="ProbeBenchmarks"/> does. The raw segment probe is the baseline; the
/// probe through the tracer's hop match (keeping the best exposure per person) is measured against it. Contacts and
/// rows examined per probe are printed at setup.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class ProbeStreamBenchmarks
{
    private const int Stream = 1 << 16;
    private const int Batch = 256;
    private const int MinOverlap = 15 * 60;
    private VisitIndexSnapshot _snapshot = null!;
    private ContactTracer.Exposure[] _exposures = [];
    private int _next;

    [Params(1_000_000, 10_000_000)]
    public int Visits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workload = SyntheticWorkload.Create(Visits);
        _snapshot = workload.ToStore().Snapshot;
        _exposures = [.. workload.SampleExposures(Stream, seed: 11).Select(e =>
        {
            var venue = _snapshot.TryGetVenue(workload.VenueKeys[e.Venue], out var id) ? id : throw new InvalidOperationException("Venue not indexed.");
            return new ContactTracer.Exposure(venue, e.Start, e.End, -1, e.Start, e.End, 0);
        })];
        var counter = new Counter();
        foreach (var exposure in _exposures)
        {
            ProbeAll(exposure, ref counter);
        }

        var options = new ContactTracerOptions { MinOverlap = NodaTime.Duration.FromSeconds(MinOverlap), MaxDegreeOfParallelism = 1, Strategy = TraceStrategy.Probe };
        var (_, candidates, _, examined) = new TraceRun(_snapshot, null, options, long.MaxValue, CancellationToken.None).Match([.. _exposures.Take(4096)]);
        Console.WriteLine($"// {counter.Rows / (double)Stream:F1} contacts per probe over {Stream:N0} distinct exposures; hop match of 4,096: {candidates / 4096.0:F1} candidates and {examined / 4096.0:F1} rows examined per exposure; {_snapshot.Segments.Length} segments");
    }

    /// <summary>The raw probe of every segment for the next <see cref="Batch"/> exposures of the stream.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int RawProbe()
    {
        var counter = new Counter();
        for (var k = 0; k < Batch; k++)
        {
            ProbeAll(_exposures[_next], ref counter);
            _next = (_next + 1) & (Stream - 1);
        }

        return counter.Rows;
    }

    /// <summary>The same exposures matched one at a time as a trace hop matches them.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long ProbeAsTraceHop()
    {
        long found = 0;
        var options = new ContactTracerOptions { MinOverlap = NodaTime.Duration.FromSeconds(MinOverlap), MaxDegreeOfParallelism = 1, Strategy = TraceStrategy.Probe };
        for (var k = 0; k < Batch; k++)
        {
            var exposure = _exposures[_next];
            _next = (_next + 1) & (Stream - 1);
            found += Matched(new TraceRun(_snapshot, null, options, long.MaxValue, CancellationToken.None).Match([exposure]));
        }

        return found;
    }

    /// <summary>The same exposures matched in one hop of <see cref="Batch"/> sources, as a trace matches a level: the cost a hop pays per exposure.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long ProbeInOneHop()
    {
        var options = new ContactTracerOptions { MinOverlap = NodaTime.Duration.FromSeconds(MinOverlap), MaxDegreeOfParallelism = 1, Strategy = TraceStrategy.Probe };
        var batch = new List<ContactTracer.Exposure>(Batch);
        for (var k = 0; k < Batch; k++)
        {
            batch.Add(_exposures[_next]);
            _next = (_next + 1) & (Stream - 1);
        }

        return Matched(new TraceRun(_snapshot, null, options, long.MaxValue, CancellationToken.None).Match(batch));
    }

    /// <summary>The candidates a match found, its map given back as the tracer does after each hop.</summary>
    private static long Matched((PersonMap<ContactTracer.Candidate> Found, long Candidates, int Swept, long Examined) match)
    {
        PersonMap<ContactTracer.Candidate>.Return(match.Found);
        return match.Candidates;
    }

    private void ProbeAll(in ContactTracer.Exposure exposure, ref Counter counter)
    {
        foreach (var segment in _snapshot.Segments)
        {
            segment.Probe(exposure.Venue, exposure.Start, exposure.End, MinOverlap, ref counter);
        }
    }

    private struct Counter : IRowVisitor
    {
        public int Rows;

        public void Visit(int row, long overlapStart, int overlap) => Rows++;
    }
}
