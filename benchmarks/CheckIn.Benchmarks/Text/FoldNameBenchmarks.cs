using BenchmarkDotNet.Attributes;
using CheckIn.Core.Text;

namespace CheckIn.Benchmarks.Text;

/// <summary>Folding a paper-log name for matching; the baseline is a plain upper-casing (no diacritics removal).</summary>
[MemoryDiagnoser]
public class FoldNameBenchmarks
{
    private string _name = string.Empty;

    [GlobalSetup]
    public void Setup() => _name = "  Nguyễn Thị   Mỹ Hạnh ";

    [Benchmark(Baseline = true)]
    public string UpperInvariant() => _name.ToUpperInvariant();

    [Benchmark]
    public string FoldName() => VietnameseText.FoldName(_name);
}
