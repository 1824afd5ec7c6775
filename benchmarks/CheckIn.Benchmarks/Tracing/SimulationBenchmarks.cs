using BenchmarkDotNet.Attributes;
using CheckIn.Simulation;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Generating a synthetic province's visits (100,000 residents over 7 days, about 1.3 million visits), against the
/// floor of writing the same visits, already in memory, as 16-byte records: the ratio is what generating them costs
/// over merely emitting them. Output goes to <see cref="Stream.Null"/>, so disks do not enter the figures.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class SimulationBenchmarks
{
    private static readonly SimulationOptions Options = SimulationOptions.Default with { Residents = 100_000, Days = 7 };
    private SyntheticProvince _province = null!;
    private SimulatedVisit[] _visits = [];

    [GlobalSetup]
    public void Setup()
    {
        _province = SyntheticProvince.Generate(Options);
        _visits = [.. new ProvinceSimulation(_province).Run().SelectMany(d => d.Visits)];
        Console.WriteLine($"// {_visits.Length:N0} visits, {_province.Venues.Count:N0} venues");
    }

    [Benchmark(Baseline = true)]
    public long WriteReadyVisitsFloor()
    {
        var start = _province.StartInstant;
        Span<byte> record = stackalloc byte[16];
        using var stream = new BufferedStream(Stream.Null, 1 << 16);
        foreach (var visit in _visits)
        {
            SimulationFiles.Encode(record, visit, start);
            stream.Write(record);
        }

        return stream.Position;
    }

    [Benchmark]
    public object MakeProvince() => SyntheticProvince.Generate(Options);

    [Benchmark]
    public long RunDays()
    {
        long count = 0;
        foreach (var day in new ProvinceSimulation(_province).Run())
        {
            count += day.Visits.Count;
        }

        return count;
    }

    [Benchmark]
    public long SimulateToBinary() => SimulationFiles.WriteBinary(new ProvinceSimulation(_province), Stream.Null).WrittenVisits;

    [Benchmark]
    public long SimulateToCsv() => SimulationFiles.WriteCsv(new ProvinceSimulation(_province), Stream.Null).WrittenVisits;
}
