using BenchmarkDotNet.Attributes;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using NodaTime;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Whole traces over N visits of a province of communes (<see cref="LocalWorkload"/>, which a trace does not saturate):
/// one case to F1, one case to F2, and a 1,000-case outbreak cluster to F2, against a naive F1 trace (every case visit
/// scanned against all visits) measured in the same run. The contacts each finds are printed at setup.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 8)]
public class TraceBenchmarks
{
    private LocalWorkload _workload = null!;
    private int _casePerson;
    private ContactTracer _tracer = null!;
    private TraceCase[] _oneCase = [];
    private TraceCase[] _outbreak = [];
    private ContactTracerOptions _options = ContactTracerOptions.Default;

    [Params(1_000_000, 10_000_000)]
    public int Visits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = LocalWorkload.Create(Visits);
        _tracer = new ContactTracer(_workload.ToStore().Snapshot);
        var from = LocalWorkload.Start + Duration.FromDays(5);
        _casePerson = new Random(3).Next(_workload.PersonCount);
        _oneCase = [new TraceCase(LocalWorkload.PersonKey(_casePerson), from, from + Duration.FromDays(3))];
        _outbreak = _workload.Outbreak(1_000, seed: 5);
        _options = new ContactTracerOptions { AsOf = LocalWorkload.Start + Duration.FromDays(LocalWorkload.Days) };
        var f1 = TraceF1();
        var f2 = TraceF1F2();
        var outbreak = Outbreak1000F1F2();
        Console.WriteLine($"// one case: {f1} F1; F1+F2 {f2} contacts; outbreak of 1,000: {outbreak} contacts of {_workload.PersonCount:N0} people; naive F1 finds {NaiveF1()}");
    }

    [Benchmark(Baseline = true)]
    public int NaiveF1()
    {
        var visits = _workload.Visits;
        var person = _casePerson;
        var from = IndexTime.ToSeconds(_oneCase[0].From);
        var until = IndexTime.ToSeconds(_oneCase[0].Until);
        var best = new Dictionary<int, int>();
        const int MinOverlap = 15 * 60;
        foreach (var source in visits)
        {
            if (source.Person != person)
            {
                continue;
            }

            var start = Math.Max(source.Start, from);
            var end = Math.Min(source.Start + source.Length, until);
            if (end <= start)
            {
                continue;
            }

            foreach (var v in visits)
            {
                if (v.Venue == source.Venue && v.Person != person && Math.Min(v.Start + v.Length, end) - Math.Max(v.Start, start) >= MinOverlap)
                {
                    var exposedAt = Math.Max(v.Start, start);
                    best[v.Person] = best.TryGetValue(v.Person, out var current) ? Math.Min(current, exposedAt) : exposedAt;
                }
            }
        }

        return best.Count;
    }

    [Benchmark]
    public int TraceF1() => _tracer.Trace(_oneCase, _options with { MaxDepth = 1 }).Contacts.Count;

    [Benchmark]
    public int TraceF1F2() => _tracer.Trace(_oneCase, _options).Contacts.Count;

    [Benchmark]
    public int Outbreak1000F1F2() => _tracer.Trace(_outbreak, _options).Contacts.Count;

    /// <summary>The same outbreak with crowding in the score: one probe of the index per contact to count the others present.</summary>
    [Benchmark]
    public int Outbreak1000F1F2Crowded() => _tracer.Trace(_outbreak, _options with { Risk = RiskModel.Default with { UseCrowding = true } }).Contacts.Count;
}
