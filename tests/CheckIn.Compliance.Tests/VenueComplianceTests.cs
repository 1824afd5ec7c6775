using System.Text.Json;
using CheckIn.Core;
using CheckIn.Declarations;
using CheckIn.Testing;
using CheckIn.Tracing.Csv;
using NodaTime;

namespace CheckIn.Compliance.Tests;

public sealed class VenueComplianceTests
{
    private static readonly LocalDate Start = new(2021, 9, 6); // a Monday

    private static readonly ComplianceRule Daily = ComplianceRule.Default with { JudgeDays = 1, WarningIntervalDays = 1 };

    /// <summary>Check-ins for one venue, one count a day, at 10:00 in Vietnam, through the app.</summary>
    private static IEnumerable<VenueCheckIn> Days(string venue, params int[] counts) =>
        counts.SelectMany((n, d) => Enumerable.Range(0, n).Select(i =>
            new VenueCheckIn(venue, VietnamTime.Zone.AtStrictly(Start.PlusDays(d).At(new LocalTime(10, 0))).ToInstant() + Duration.FromSeconds(i), EventChannel.App)));

    private static DateInterval Period(int days) => new(Start, Start.PlusDays(days - 1));

    private static VenueStatus[] Statuses(ComplianceReport report) => [.. report.Days.Select(d => d.Status)];

    [Fact]
    public void ThreeShortfalls_RecommendSuspension_ThreeGoodDaysLiftIt()
    {
        var venue = new VenueProfile("V1", ExpectedDailyCheckIns: 40);
        var report = VenueCompliance.Evaluate(Days("V1", 30, 10, 10, 10, 30, 30, 30), [venue], Period(7), Daily);
        Assert.Equal([VenueStatus.Compliant, VenueStatus.Warned, VenueStatus.Warned, VenueStatus.SuspensionRecommended,
            VenueStatus.SuspensionRecommended, VenueStatus.SuspensionRecommended, VenueStatus.Compliant], Statuses(report));
        var summary = Assert.Single(report.Venues);
        Assert.Equal((3, 0, Start.PlusDays(3), Start.PlusDays(6)), (summary.Warnings, summary.ActiveWarnings, summary.SuspensionRecommendedOn, summary.LiftedOn));
    }

    [Fact]
    public void Warnings_LapseAfterTheirWindow()
    {
        var rule = Daily with { WarningWindowDays = 2 };
        var report = VenueCompliance.Evaluate(Days("V1", 10, 40, 10, 40, 10), [new VenueProfile("V1", ExpectedDailyCheckIns: 40)], Period(5), rule);
        Assert.DoesNotContain(VenueStatus.SuspensionRecommended, Statuses(report));
        Assert.Equal(3, report.Venues[0].Warnings);
    }

    [Fact]
    public void Window_OneQuietDayIsNotAShortfall()
    {
        var report = VenueCompliance.Evaluate(Days("V1", 30, 30, 5, 30, 30), [new VenueProfile("V1", ExpectedDailyCheckIns: 40)], Period(5));
        Assert.DoesNotContain(report.Days, d => d.Shortfall);
        Assert.Equal([false, false, true, true, true], report.Days.Select(d => d.Judged));
    }

    [Fact]
    public void ClosedDays_AndSmallVenues_AreNotJudged()
    {
        var closed = new VenueProfile("V1", ExpectedDailyCheckIns: 40) { ClosedOn = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday] };
        var small = new VenueProfile("V2", ExpectedDailyCheckIns: 5);
        var report = VenueCompliance.Evaluate(Days("V1", 40, 40, 40, 40, 40, 0, 0).Concat(Days("V2", 0, 0, 0, 0, 0, 0, 0)), [closed, small], Period(7), Daily);
        Assert.All(report.Days.Where(d => d.Venue == "V1" && d.Date.DayOfWeek >= IsoDayOfWeek.Saturday), d => Assert.False(d.Judged));
        Assert.Equal(VenueStatus.Compliant, report.Venues.Single(v => v.Profile.Venue == "V1").Status);
        Assert.Equal(VenueStatus.NotJudged, report.Venues.Single(v => v.Profile.Venue == "V2").Status);
    }

    [Fact]
    public void History_FindsAVenueThatStopsCheckingPeopleIn()
    {
        var counts = new[] { 40, 42, 38, 41, 39, 40, 3, 2, 4, 1, 2, 3, 2, 1 };
        var report = VenueCompliance.Evaluate(Days("V9", counts), [], Period(counts.Length));
        var summary = Assert.Single(report.Venues);
        Assert.Equal(VenueStatus.SuspensionRecommended, summary.Status);
        Assert.Null(report.Days[4].Expected);
        Assert.Equal(40, report.Days[5].Expected);
    }

    [Fact]
    public void ChannelShares_AndIgnoredCheckIns()
    {
        var at = VietnamTime.Zone.AtStrictly(Start.At(new LocalTime(9, 0))).ToInstant();
        var report = VenueCompliance.Evaluate(
            [new("V1", at, EventChannel.App), new("V1", at, EventChannel.App), new("V1", at, EventChannel.StaffScan), new("V1", at, EventChannel.Paper), new("V1", at + Duration.FromDays(30), EventChannel.App)],
            [], Period(1));
        var v = Assert.Single(report.Venues);
        Assert.Equal((4, 0.5, 0.25, 0.25), (v.CheckIns, v.AppShare, v.StaffShare, v.PaperShare));
        Assert.Equal(1, report.Ignored);
    }

    [Fact]
    public void Rule_OutOfRange_CodedException()
    {
        var bad = ComplianceRule.Default with { MinimumShare = 0, ResumeDays = 0 };
        Assert.Equal([ComplianceCodes.Rule.MinimumShare, ComplianceCodes.Rule.ResumeDays], bad.Validate().Select(e => e.Code));
        Assert.Throws<InvalidOptionsException>(() => VenueCompliance.Evaluate([], [], Period(1), bad));
        var tooLong = Assert.Throws<InvalidOptionsException>(() => VenueCompliance.Evaluate([], [], Period(400)));
        Assert.Equal(ComplianceCodes.Rule.Days, Assert.Single(tooLong.Errors).Code);
    }

    [Fact]
    public void Cancellation_IsHonoured()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => VenueCompliance.Evaluate(Days("V1", 70_000), [], Period(1), null, cancelled.Token));
    }

    private static VenueSafetyCheck Check(string venue, LocalDate date, SafetyCriterion[] failed, int reports = 0) => new()
    {
        VenueId = venue,
        Date = date,
        Items = new([.. Enum.GetValues<SafetyCriterion>().Select(c => new SafetyCheckItem { Criterion = c, Passed = !failed.Contains(c) })]),
        Reports = new([.. Enumerable.Range(0, reports).Select(_ => new SafetyReport { ReportedAt = VietnamTime.Zone.AtStartOfDay(date).ToInstant() + Duration.FromHours(9), Criterion = SafetyCriterion.DistancingKept })]),
    };

    [Theory]
    [InlineData(0, new SafetyCriterion[0], 0, SafetyStatus.Safe, "")]
    [InlineData(0, new[] { SafetyCriterion.Ventilated }, 0, SafetyStatus.NeedsAttention, ComplianceCodes.Safety.ItemsFailed)]
    [InlineData(0, new[] { SafetyCriterion.MasksWorn }, 0, SafetyStatus.Unsafe, ComplianceCodes.Safety.CriticalItemFailed)]
    [InlineData(0, new[] { SafetyCriterion.Ventilated, SafetyCriterion.DistancingKept, SafetyCriterion.SurfacesDisinfected }, 0, SafetyStatus.Unsafe, ComplianceCodes.Safety.ItemsFailed)]
    [InlineData(0, new SafetyCriterion[0], 1, SafetyStatus.NeedsAttention, ComplianceCodes.Safety.Reported)]
    [InlineData(0, new SafetyCriterion[0], 3, SafetyStatus.Unsafe, ComplianceCodes.Safety.ManyReports)]
    [InlineData(3, new SafetyCriterion[0], 0, SafetyStatus.NeedsAttention, ComplianceCodes.Safety.NoRecentChecklist)]
    public void Safety_StatusFollowsTheRule(int daysOld, SafetyCriterion[] failed, int reports, SafetyStatus status, string reason)
    {
        var today = Start.PlusDays(5);
        var safety = SafetyMap.Assess(new VenueProfile("V1"), [Check("V1", today.PlusDays(-daysOld), failed, reports), Check("V2", today, [SafetyCriterion.MasksWorn])], null, today);
        Assert.Equal(status, safety.Status);
        Assert.Equal(reason.Length == 0 ? [] : [reason], safety.Reasons);
    }

    [Fact]
    public void Safety_CheckInWarningsAndSuspension_Count()
    {
        var report = VenueCompliance.Evaluate(Days("V1", 30, 10, 10, 10), [new VenueProfile("V1", "Quán Hoa", 312, Core.Places.VenueKind.Restaurant, 40)], Period(4), Daily);
        var safety = SafetyMap.AssessAll(report, [Check("V1", Start.PlusDays(3), [])], Start.PlusDays(3));
        Assert.Equal(SafetyStatus.Unsafe, Assert.Single(safety).Status);
        Assert.Equal([ComplianceCodes.Safety.SuspensionRecommended], safety[0].Reasons);
    }

    [Fact]
    public void Export_CsvAndJson_WithCommuneCodes()
    {
        var report = VenueCompliance.Evaluate(Days("V1", 30, 30, 30), [new VenueProfile("V1", "=Quán, \"Hoa\"", 312, Core.Places.VenueKind.Restaurant, 40)], Period(3));
        var safety = SafetyMap.AssessAll(report, [Check("V1", Start.PlusDays(2), [])], Start.PlusDays(2));
        using var csv = new StringWriter();
        SafetyMap.WriteCsv(csv, safety);
        var lines = csv.ToString().Split('\n');
        Assert.Equal(SafetyMap.CsvHeader, lines[0]);
        Assert.Equal("V1,\"'=Quán, \"\"Hoa\"\"\",00312,Restaurant,Safe,,Compliant,0.750,1.000,0.000,0.000,0,2021-09-08,0", lines[1]);

        using var stream = new MemoryStream();
        SafetyMap.WriteJson(stream, safety);
        using var json = JsonDocument.Parse(stream.ToArray());
        var row = json.RootElement[0];
        Assert.Equal("00312", row.GetProperty("communeCode").GetString());
        Assert.Equal("Safe", row.GetProperty("status").GetString());
        Assert.Equal(0.75, row.GetProperty("checkInShare").GetDouble());
    }

    [Fact]
    public void Catalog_IsComplete() => ErrorCatalogAssert.IsComplete(typeof(ComplianceCodes), ComplianceCodes.Messages, ComplianceCodes.All());
}
