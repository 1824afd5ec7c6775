using BenchmarkDotNet.Attributes;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// One crowded venue-hour (a market, a stadium gate): N people arrive within one hour and stay 20–60 minutes; a case
/// there for the first 45 minutes is traced to F2 (about half the crowd is F1, the rest F2). The second hop has about N sources at the venue, so matching every source against
/// every visit costs N². <see cref="PairSweep"/> is that matching (the tracer's sweep before issue 12, kept as an
/// internal strategy for this comparison and the differential tests); <see cref="Trace"/> is the tracer's own choice.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CrowdTraceBenchmarks
{
    private ContactTracer _tracer = null!;
    private TraceCase[] _case = [];
    private ContactTracerOptions _options = ContactTracerOptions.Default;

    [Params(25_000, 100_000)]
    public int People { get; set; }

    /// <summary>The crowd: person i arrives at 10:00 plus a spread over the hour and stays 20 to 60 minutes.</summary>
    internal static VisitIndexSnapshot Crowd(int people, out PersonPseudonym firstPerson, out Instant hour)
    {
        hour = Instant.FromUtc(2021, 9, 1, 3, 0);
        var store = new VisitStore();
        var random = new Random(people);
        var visits = new List<CheckIn.Tracing.Visits.Visit>(people);
        for (var i = 0; i < people; i++)
        {
            var arrival = hour + Duration.FromSeconds(i == 0 ? 0 : random.Next(3600));
            visits.Add(new CheckIn.Tracing.Visits.Visit(new PersonPseudonym(1, (ulong)i), "crowd", arrival, arrival + Duration.FromMinutes(i == 0 ? 45 : 20 + random.Next(41))));
        }

        store.AddRange(visits);
        firstPerson = new PersonPseudonym(1, 0);
        return store.Flush();
    }

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = Crowd(People, out var first, out var hour);
        _tracer = new ContactTracer(snapshot);
        _case = [new TraceCase(first, hour, hour + Duration.FromHours(1))];
        _options = new ContactTracerOptions { AsOf = hour + Duration.FromDays(1), MaxDepth = 2 };
        var result = _tracer.Trace(_case, _options);
        Console.WriteLine($"// {People:N0} people: F1 {result.AtLevel(1).Count():N0}, F2 {result.AtLevel(2).Count():N0}; candidates per hop {string.Join(", ", result.Hops.Select(h => h.Candidates.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Benchmark(Baseline = true)]
    public int PairSweep() => _tracer.Trace(_case, _options with { Strategy = TraceStrategy.PairSweep }).Contacts.Count;

    [Benchmark]
    public int Trace() => _tracer.Trace(_case, _options).Contacts.Count;
}
