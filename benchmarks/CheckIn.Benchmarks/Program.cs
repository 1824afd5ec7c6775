using BenchmarkDotNet.Running;
using CheckIn.Benchmarks.Tracing;

// store-memory N: bytes a visit held live through VisitStore (a measurement, not a timing); anything else goes to BenchmarkDotNet.
if (args is ["store-memory", var count] && int.TryParse(count, out var visits) && visits > 0)
{
    StoreMemory.Run(visits);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
