using CheckIn.Compliance;
using CheckIn.Core;
using CheckIn.Tracing.Csv;
using NodaTime;

namespace CheckIn.Consumer.Snippets;

internal static class ComplianceSnippet
{
    public static void Run()
    {
        var start = new LocalDate(2021, 9, 6);
        var twoWeeks = new DateInterval(start, start.PlusDays(13));
        var checkIns = Enumerable.Range(0, 14).SelectMany(d => Enumerable.Range(0, d < 3 ? 30 : 4).Select(i =>
            new VenueCheckIn("V000042", VietnamTime.Zone.AtStartOfDay(start.PlusDays(d)).ToInstant() + Duration.FromHours(9) + Duration.FromMinutes(i), EventChannel.App))).ToList();
        #region readme
        var profiles = new[] { new VenueProfile("V000042", "Quán Hoa", CommuneCode: 19901, ExpectedDailyCheckIns: 40) }; // registered footfall
        var report = VenueCompliance.Evaluate(checkIns, profiles, twoWeeks); // ComplianceRule.Default: Hà Đông's three warnings
        var map = SafetyMap.AssessAll(report, checks: [], today: twoWeeks.End); // with the day's AntoanCovid checklists
        using var csv = new StringWriter();
        SafetyMap.WriteCsv(csv, map); // venue,name,commune_code,kind,status,reasons,check_in_status,… (or WriteJson)
        Console.WriteLine($"{report.Venues[0].Status}, {map[0].Status}"); // SuspensionRecommended, Unsafe
        #endregion
    }
}
