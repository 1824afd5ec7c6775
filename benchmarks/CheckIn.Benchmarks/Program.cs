using BenchmarkDotNet.Running;
using CheckIn.Benchmarks.Tracing;

// store-memory N: bytes a visit held live through VisitStore (a measurement, not a timing).
if (args is ["store-memory", var count] && int.TryParse(count, out var visits) && visits > 0)
{
    StoreMemory.Run(visits);
    return;
}

// scale [N ...]: the 1M/10M/100M harness (build, probes, hop match, ingest, memory, whole traces); see Tracing/Scale.cs.
if (args is ["scale", .. var sizes])
{
    Scale.Run(sizes.Length == 0 ? [1_000_000, 10_000_000, 100_000_000] : [.. sizes.Select(int.Parse)]);
    return;
}

// Anything else goes to BenchmarkDotNet.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
