using BenchmarkDotNet.Attributes;
using CheckIn.Compliance;
using CheckIn.Simulation;
using CheckIn.Tracing.Csv;
using NodaTime;

namespace CheckIn.Benchmarks.Compliance;

/// <summary>
/// Venue compliance over a simulated province's recorded check-ins (30,000 residents, 14 days, a fifth of the venues not
/// enforcing check-in). The baseline counts the same check-ins per venue and day with a LINQ group-by, the first thing
/// one would write; the rule's day-by-day walk and the safety map come on top.
/// </summary>
[MemoryDiagnoser]
public class ComplianceBenchmarks
{
    private List<VenueCheckIn> _checkIns = [];
    private List<VenueProfile> _profiles = [];
    private DateInterval _period = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = SimulationOptions.Default with { Residents = 30_000, Days = 14, NonCompliantVenueShare = 0.2, Outbreak = null, Seed = 46 };
        var province = SyntheticProvince.Generate(options);
        var visits = new ProvinceSimulation(province).Run().SelectMany(d => d.Visits).ToList();
        _period = new DateInterval(options.Start, options.Start.PlusDays(options.Days - 1));
        _checkIns = [.. visits.Where(v => v.Channel != RecordingChannel.Unrecorded).Select(v => new VenueCheckIn(SimulatedVenue.IdOf(v.Venue), v.Arrival,
            v.Channel == RecordingChannel.App ? EventChannel.App : v.Channel == RecordingChannel.CardScan ? EventChannel.StaffScan : EventChannel.Paper))];
        var perVenue = visits.GroupBy(v => v.Venue).ToDictionary(g => g.Key, g => g.Count() / (double)options.Days);
        _profiles = [.. province.Venues.Select(v => new VenueProfile(v.Id, v.Name, v.CommuneCode, v.Kind, perVenue.GetValueOrDefault(v.Index)))];
    }

    [Benchmark(Baseline = true)]
    public int GroupByVenueAndDay() => _checkIns.GroupBy(c => (c.Venue, CheckIn.Core.VietnamTime.DateAt(c.At))).Count();

    [Benchmark]
    public ComplianceReport Evaluate() => VenueCompliance.Evaluate(_checkIns, _profiles, _period);

    [Benchmark]
    public IReadOnlyList<VenueSafety> EvaluateAndSafetyMap() => SafetyMap.AssessAll(VenueCompliance.Evaluate(_checkIns, _profiles, _period), [], _period.End);
}
