using CheckIn.Simulation;
using CheckIn.Tracing.Csv;
using NodaTime;
using Xunit.Abstractions;

namespace CheckIn.Compliance.Tests;

/// <summary>
/// Compliance over a simulated province in which a known share of venues does not enforce check-in
/// (<see cref="SimulationOptions.NonCompliantVenueShare"/>): the rule must find those venues, and only those.
/// </summary>
public sealed class SimulatedProvinceComplianceTests(ITestOutputHelper output)
{
    [Fact]
    public void KnownNonCompliantVenues_AreFound_WithFewFalseAlarms()
    {
        var options = SimulationOptions.Default with { Residents = 30_000, Days = 14, NonCompliantVenueShare = 0.2, Outbreak = null, Seed = 46 };
        var province = SyntheticProvince.Generate(options);
        var visits = new ProvinceSimulation(province).Run().SelectMany(d => d.Visits).ToList();
        var period = new DateInterval(options.Start, options.Start.PlusDays(options.Days - 1));

        // Registered footfall: each venue's true visitors a day it is open, as registered give or take 20 %.
        var random = new Random(7);
        var trueVisits = visits.GroupBy(v => v.Venue).ToDictionary(g => g.Key, g => g.Count());
        var profiles = province.Venues.Select(v =>
        {
            var closed = new List<IsoDayOfWeek>();
            if (!v.OpenOnSaturday)
            {
                closed.Add(IsoDayOfWeek.Saturday);
            }

            if (!v.OpenOnSunday)
            {
                closed.Add(IsoDayOfWeek.Sunday);
            }

            var openDays = period.Count(d => !closed.Contains(d.DayOfWeek));
            var expected = trueVisits.GetValueOrDefault(v.Index) / (double)Math.Max(1, openDays) * (0.8 + (0.4 * random.NextDouble()));
            return new VenueProfile(v.Id, v.Name, v.CommuneCode, v.Kind, expected) { ClosedOn = closed };
        }).ToList();

        var recorded = visits.Where(v => v.Channel != RecordingChannel.Unrecorded).Select(v => new VenueCheckIn(SimulatedVenue.IdOf(v.Venue), v.Arrival, v.Channel switch
        {
            RecordingChannel.App => EventChannel.App,
            RecordingChannel.CardScan => EventChannel.StaffScan,
            _ => EventChannel.Paper,
        })).ToList();
        var enforces = province.Venues.ToDictionary(v => v.Id, v => v.EnforcesCheckIn);
        (ComplianceReport Report, List<VenueComplianceSummary> Judged, int NonCompliant, double Precision, double Recall) Score(ComplianceRule rule, string name)
        {
            var report = VenueCompliance.Evaluate(recorded, profiles, period, rule);
            var judged = report.Venues.Where(v => v.JudgedDays >= 5).ToList();
            var flagged = judged.Where(v => v.Status == VenueStatus.SuspensionRecommended).ToList();
            var truePositives = flagged.Count(v => !enforces[v.Profile.Venue]);
            var nonCompliant = judged.Count(v => !enforces[v.Profile.Venue]);
            var precision = truePositives / (double)Math.Max(1, flagged.Count);
            var recall = truePositives / (double)Math.Max(1, nonCompliant);
            var warnedCompliant = judged.Count(v => enforces[v.Profile.Venue] && v.Warnings > 0);
            output.WriteLine($"{name}: check-ins {recorded.Count:N0}, venues {province.Venues.Count}, judged {judged.Count}, non-compliant judged {nonCompliant}, flagged {flagged.Count}, " +
                $"precision {precision:P1}, recall {recall:P1}, compliant venues warned at least once {warnedCompliant}");
            return (report, judged, nonCompliant, precision, recall);
        }

        // Judging each day on its own (the baseline) warns compliant venues on quiet days and weekdays; the default window does not.
        var daily = Score(ComplianceRule.Default with { JudgeDays = 1, WarningIntervalDays = 1 }, "each day alone");
        var (report, judged, nonCompliant, precision, recall) = Score(ComplianceRule.Default, "default (3-day window)");
        Assert.True(daily.Precision < precision, "the window should cut false alarms");

        Assert.True(nonCompliant >= 20, $"too few non-compliant venues judged ({nonCompliant}) for the test to mean anything");
        Assert.True(recall >= 0.95, $"recall {recall:P1}");
        Assert.True(precision >= 0.95, $"precision {precision:P1}");

        // Channel shares: compliant venues record through all three channels; non-compliant ones almost only through apps.
        Assert.All(judged.Where(v => !enforces[v.Profile.Venue] && v.CheckIns > 0), v => Assert.Equal(1.0, v.AppShare));
        Assert.Contains(judged, v => enforces[v.Profile.Venue] && v.StaffShare > 0 && v.PaperShare > 0);

        // The safety map sees the suspensions.
        var map = SafetyMap.AssessAll(report, [], period.End);
        Assert.All(map.Where(s => s.Compliance?.Status == VenueStatus.SuspensionRecommended), s => Assert.Equal(SafetyStatus.Unsafe, s.Status));
    }
}
