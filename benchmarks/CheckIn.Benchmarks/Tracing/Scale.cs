using System.Diagnostics;
using System.Globalization;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using NodaTime;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// The scale harness: for each size (default 1M, 10M and 100M visits of <see cref="LocalWorkload"/>), the index build
/// on one and two threads against its memory-traffic floor, streamed probes (rows examined per hit), a hop's match
/// against the raw probe, ingest through the public store, bytes a visit and the process's peak RSS, and whole traces
/// (one case to F1, to F2, a 1,000-case outbreak to F2 with the contacts it found). A console, not a BenchmarkDotNet
/// job: a 100M setup takes a minute, too long to repeat per benchmark.
/// <c>dotnet run -c Release --project benchmarks/CheckIn.Benchmarks -- scale [N ...]</c>; prints a Markdown table.
/// </summary>
internal static class Scale
{
    private const int MinOverlap = 15 * 60;
    private const int Stream = 1 << 16;
    private const int Hop = 256;

    // Passes before the one timed, so tiered compilation has optimized the code (BenchmarkDotNet's warm-up, by hand).
    private const int Warmups = 3;

    public static void Run(IReadOnlyList<int> sizes)
    {
        var rows = new List<string>();
        foreach (var n in sizes)
        {
            rows.Add(Measure(n));
            GC.Collect();
        }

        Console.WriteLine();
        Console.WriteLine("| visits | build, 1 thread | floor | build / floor | build, 2 threads | streamed probe | rows examined per hit | hop match / probe | hop bytes per exposure | ingest (Add + Flush) | bytes a visit | peak RSS | F1 | F1+F2 | outbreak of 1,000 to F2 | contacts found |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
    }

    private static string Measure(int n)
    {
        Console.Error.WriteLine($"// {n:N0} visits: generating");
        var workload = LocalWorkload.Create(n);
        var visits = workload.Visits;

        // The floor: reading the visits and writing the index columns once each, at the speed this machine copies memory
        // now (512 MB copied, far beyond the caches, whatever the size measured).
        var source = new byte[1 << 29];
        var target = new byte[1 << 29];
        Array.Fill(source, (byte)1);
        var copyTime = Best(3, () => source.AsSpan().CopyTo(target));
        var bandwidth = 2.0 * source.Length / copyTime.TotalSeconds;
        (source, target) = ([], []);

        Console.Error.WriteLine("// building");
        VisitSegment segment = null!;
        var runs = n >= 50_000_000 ? 1 : 3;
        var single = Best(runs, () => segment = VisitSegment.Build(visits, n, workload.VenueCount, workload.PersonCount, parallelism: 1));
        var floor = TimeSpan.FromSeconds(((16.0 * n) + segment.BytesHeld) / bandwidth);
        var dual = Best(runs, () => segment = VisitSegment.Build(visits, n, workload.VenueCount, workload.PersonCount, parallelism: 2));

        // Streamed probes over distinct random visits' intervals, and the same exposures matched in hops of 256.
        var random = new Random(11);
        var exposures = new ContactTracer.Exposure[Stream];
        for (var i = 0; i < Stream; i++)
        {
            var v = visits[random.Next(n)];
            exposures[i] = new ContactTracer.Exposure(v.Venue, v.Start, v.Start + v.Length, -1, v.Start, v.Start + v.Length, 0);
        }

        var (probe, hits, examined) = StreamedProbe(segment, exposures);
        Console.Error.WriteLine("// ingesting through VisitStore");
        var before = Live();
        var clock = Stopwatch.StartNew();
        var store = workload.ToStore();
        var ingest = clock.Elapsed;
        var bytes = (Live() - before) / (double)n;
        var snapshot = store.Snapshot;
        var (hop, hopBytes) = HopMatch(snapshot, exposures);

        Console.Error.WriteLine("// tracing");
        var tracer = new ContactTracer(snapshot);
        var options = new ContactTracerOptions { AsOf = LocalWorkload.Start + Duration.FromDays(LocalWorkload.Days), MinOverlap = Duration.FromSeconds(MinOverlap) };
        var from = LocalWorkload.Start + Duration.FromDays(5);
        TraceCase[] oneCase = [new(LocalWorkload.PersonKey(new Random(3).Next(workload.PersonCount)), from, from + Duration.FromDays(3))];
        var outbreak = workload.Outbreak(1_000, seed: 5);
        var f1 = Best(3, () => tracer.Trace(oneCase, options with { MaxDepth = 1 }));
        var f2 = Best(3, () => tracer.Trace(oneCase, options));
        var found = 0;
        var cluster = Best(n >= 50_000_000 ? 1 : 2, () => found = tracer.Trace(outbreak, options).Contacts.Count);
        var rss = Process.GetCurrentProcess().PeakWorkingSet64;
        GC.KeepAlive(store);

        return string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {single.TotalSeconds:F2} s | {floor.TotalSeconds:F3} s | {single / floor:F1}× | {dual.TotalSeconds:F2} s | {probe:F0} ns | {examined / (double)hits:F2} ({examined / (double)Stream:F1} for {hits / (double)Stream:F1}) | {hop / probe:F2}× ({hop:F0} ns) | {hopBytes:F0} B | {ingest.TotalMilliseconds * 1e6 / n:F0} ns | {bytes:F1} B | {rss / 1e9:F1} GB | {f1.TotalMilliseconds:F1} ms | {f2.TotalMilliseconds:F0} ms | {cluster.TotalSeconds:F2} s | {found:N0} of {workload.PersonCount:N0} ({100.0 * found / workload.PersonCount:F1}%) |");
    }

    /// <summary>Probes the stream four times (the first passes warm the code, not the data: the stream is larger than the caches), times the last.</summary>
    private static (double Nanoseconds, long Hits, long Examined) StreamedProbe(VisitSegment segment, ContactTracer.Exposure[] exposures)
    {
        var counter = new Counter();
        for (var pass = 0; pass < Warmups; pass++)
        {
            foreach (var e in exposures)
            {
                segment.Probe(e.Venue, e.Start, e.End, MinOverlap, ref counter);
            }
        }

        counter = new Counter();
        var clock = Stopwatch.StartNew();
        foreach (var e in exposures)
        {
            segment.Probe(e.Venue, e.Start, e.End, MinOverlap, ref counter);
        }

        var elapsed = clock.Elapsed;
        long examined = 0;
        foreach (var e in exposures)
        {
            examined += Examined(segment, e);
        }

        return (elapsed.TotalMilliseconds * 1e6 / exposures.Length, counter.Rows, examined);
    }

    /// <summary>The rows a probe reads (its scan ranges, as <see cref="VisitSegment.Probe"/> walks them), hits or not.</summary>
    private static long Examined(VisitSegment segment, ContactTracer.Exposure e)
    {
        long rows = 0;
        var lastStart = e.End - MinOverlap;
        for (var c = 0; c < VisitSegment.Classes; c++)
        {
            var bucket = (e.Venue * VisitSegment.Classes) + c;
            var hi = segment.BucketOffsets[bucket + 1];
            var row = segment.LowerBound(segment.BucketOffsets[bucket], hi, e.Start + MinOverlap - segment.BucketMaxLength[bucket]);
            for (; row < hi && segment.Start[row] <= lastStart; row++)
            {
                rows++;
            }
        }

        return rows;
    }

    /// <summary>The stream matched in hops of <see cref="Hop"/> exposures, each a new trace run, as a trace matches a level; nanoseconds and bytes allocated per exposure.</summary>
    private static (double Nanoseconds, double Bytes) HopMatch(VisitIndexSnapshot snapshot, ContactTracer.Exposure[] exposures)
    {
        var options = new ContactTracerOptions { MinOverlap = Duration.FromSeconds(MinOverlap), MaxDegreeOfParallelism = 1, Strategy = TraceStrategy.Probe };

        // The store interned venues in the order it first saw them: the same exposures in its ids.
        var inStore = new ContactTracer.Exposure[exposures.Length];
        for (var i = 0; i < exposures.Length; i++)
        {
            var e = exposures[i];
            inStore[i] = snapshot.TryGetVenue(LocalWorkload.VenueKey(e.Venue), out var venue)
                ? e with { Venue = venue }
                : throw new InvalidOperationException("A venue of the workload is not in the store.");
        }

        void Pass()
        {
            var batch = new List<ContactTracer.Exposure>(Hop);
            for (var i = 0; i < exposures.Length; i += Hop)
            {
                batch.Clear();
                batch.AddRange(inStore.AsSpan(i, Hop));
                var match = new TraceRun(snapshot, null, options, long.MaxValue, CancellationToken.None).Match(batch);
                PersonMap<ContactTracer.Candidate>.Return(match.Found);
            }
        }

        for (var pass = 0; pass < Warmups; pass++)
        {
            Pass();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Pass();
        var elapsed = clock.Elapsed;
        return (elapsed.TotalMilliseconds * 1e6 / exposures.Length, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)exposures.Length);
    }

    private static TimeSpan Best(int runs, Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return best;
    }

    private static long Live()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private struct Counter : IRowVisitor
    {
        public long Rows;

        public void Visit(int row, long overlapStart, int overlap) => Rows++;
    }
}
