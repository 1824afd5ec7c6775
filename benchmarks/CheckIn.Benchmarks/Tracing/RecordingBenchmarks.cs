using BenchmarkDotNet.Attributes;
using CheckIn.Core.Places;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Live recording: N check-in and check-out events of a province's day (20,000 people, three visits each, a quarter of
/// check-outs missing, arrivals up to two minutes late) recorded one at a time by <see cref="VisitRecorder"/>, against
/// <see cref="VisitBuilder"/> turning the same events into the same visits in one batch. Events per second = N / time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class RecordingBenchmarks
{
    private CheckInEvent[] _events = [];
    private VisitBuilderOptions _rules = VisitBuilderOptions.Default;

    [Params(120_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(13);
        var day = Instant.FromUtc(2021, 9, 1, 0, 0);
        var events = new List<(CheckInEvent Event, Instant Arrival)>();
        var venues = Enumerable.Range(0, 2000).Select(i => $"V{i:D4}").ToArray();
        var people = Events / 6;
        for (var p = 0; p < people; p++)
        {
            var person = new PersonPseudonym(7, (ulong)p);
            var time = day + Duration.FromMinutes(random.Next(300, 600));
            for (var v = 0; v < 3; v++)
            {
                var venue = venues[random.Next(venues.Length)];
                var stay = Duration.FromMinutes(random.Next(10, 120));
                events.Add((new CheckInEvent(person, venue, VenueKind.Market, time, CheckInEventKind.CheckIn), time + Duration.FromSeconds(random.Next(120))));
                var checkOut = random.Next(4) == 0 ? CheckInEventKind.CheckIn : CheckInEventKind.CheckOut;
                events.Add((new CheckInEvent(person, checkOut == CheckInEventKind.CheckOut ? venue : venues[random.Next(venues.Length)], VenueKind.Market, time + stay, checkOut),
                    time + stay + Duration.FromSeconds(random.Next(120))));
                time += stay + Duration.FromMinutes(random.Next(5, 120));
            }
        }

        _events = [.. events.OrderBy(e => e.Arrival).Select(e => e.Event)];
        _rules = VisitBuilderOptions.Default; // the day lies in the past: no event is "in the future"
    }

    [Benchmark(Baseline = true)]
    public int BatchBuild() => new VisitBuilder(_rules).Build(_events).Visits.Count;

    [Benchmark]
    public int RecordOneByOne()
    {
        var recorder = new VisitRecorder(new VisitRecorderOptions { Visits = _rules, Horizon = Duration.FromMinutes(5) });
        var visits = 0;
        foreach (var e in _events)
        {
            visits += recorder.Record(e).Closed.Count;
        }

        return visits + recorder.Complete().Closed.Count;
    }
}
