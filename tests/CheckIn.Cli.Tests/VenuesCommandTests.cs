using System.Globalization;
using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Hosting.Log;
using CheckIn.Hosting.PostgreSql;
using CheckIn.Testing;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Cli.Tests;

/// <summary><c>checkin venues compliance</c> over a real store (the service's SQLite file, a PostgreSQL server) and an events CSV.</summary>
public sealed class VenuesCommandTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly LocalDate Start = new(2021, 9, 6);
    private const string Venues = "venue,kind,commune,name,expected_daily,closed_on\nV1,restaurant,19901,Quán Hoa,40,\nV2,market,19903,Chợ Bến Ngự,40,\n";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-cli-venues-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    private string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text);
        return PathOf(name);
    }

    /// <summary>V1 records 30 check-ins a day for three days, then 4 a day; V2 records 40 a day throughout; staff and paper share V2's.</summary>
    private static List<(string Venue, Instant At, EventChannel Channel, int Person)> World()
    {
        var rows = new List<(string, Instant, EventChannel, int)>();
        for (var d = 0; d < 14; d++)
        {
            var morning = VietnamTime.Zone.AtStartOfDay(Start.PlusDays(d)).ToInstant() + Duration.FromHours(9);
            for (var i = 0; i < (d < 3 ? 30 : 4); i++)
            {
                rows.Add(("V1", morning + Duration.FromMinutes(i), EventChannel.App, (d * 100) + i));
            }

            for (var i = 0; i < 40; i++)
            {
                rows.Add(("V2", morning + Duration.FromMinutes(i), i % 4 == 0 ? EventChannel.Paper : i % 4 == 1 ? EventChannel.StaffScan : EventChannel.App, 5000 + (d * 100) + i));
            }
        }

        return rows;
    }

    private static List<LogEntry> Entries()
    {
        var pseudonymizer = new PersonPseudonymizer("venues-command-test-key-of-32-bytes!"u8);
        return [.. World().Select(r => (LogEntry)new EventEntry(
            new CheckInEvent(pseudonymizer.Pseudonymize(r.Person.ToString(CultureInfo.InvariantCulture)), r.Venue, VenueKind.Restaurant, r.At, CheckInEventKind.CheckIn),
            r.Channel, null, []))];
    }

    private void AssertReport(CliRunner.Result result, string outFile)
    {
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("2 venues, 2021-09-06 – 2021-09-19: 1 suspension recommended, 0 warned, 1 compliant, 0 not judged", result.Output, StringComparison.Ordinal);
        Assert.Contains("V1\tUnsafe\tSuspensionRecommended\t", result.Output, StringComparison.Ordinal);
        var csv = File.ReadAllLines(outFile);
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("V1,Quán Hoa,19901,Restaurant,Unsafe,Safety.SuspensionRecommended Safety.NoRecentChecklist,SuspensionRecommended,0.154,1.000,0.000,0.000,4,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("V2,Chợ Bến Ngự,19903,Market,NeedsAttention,Safety.NoRecentChecklist,Compliant,1.000,0.500,0.250,0.250,", csv[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteStore_ServiceLog_Judged()
    {
        var file = PathOf("checkin.db");
        await using (var log = await SqliteCheckInLog.OpenAsync(file))
        {
            await log.AppendAsync(Entries(), Instant.FromUtc(2021, 9, 20, 0, 0));
        }

        var result = CliRunner.Run("venues", "compliance", "--store", file, "--venues", Write("venues.csv", Venues), "--lang", "en", "--out", PathOf("map.csv"));
        AssertReport(result, PathOf("map.csv"));
    }

    [Fact]
    public async Task PostgreSqlStore_ServiceLog_Judged()
    {
        var database = await postgres.Server.CreateDatabaseAsync("venues");
        await using (var log = await PostgresCheckInLog.OpenAsync(database))
        {
            await log.AppendAsync(Entries(), Instant.FromUtc(2021, 9, 20, 0, 0));
        }

        var result = CliRunner.Run("venues", "compliance", "--store", database, "--venues", Write("venues.csv", Venues), "--lang", "en", "--out", PathOf("map.csv"));
        AssertReport(result, PathOf("map.csv"));
    }

    [Fact]
    public void EventsCsv_SameJudgement_AndJsonOut()
    {
        var lines = World().Select(r => string.Create(CultureInfo.InvariantCulture,
            $"cccd,0460900{r.Person:D5},{r.Venue},in,{r.At},{(r.Channel == EventChannel.App ? "app" : r.Channel == EventChannel.StaffScan ? "staff" : "paper")}"));
        var events = Write("events.csv", "id_kind,id,venue,event,at,channel\n" + string.Join('\n', lines) + "\n");
        var result = CliRunner.Run("venues", "compliance", "--events", events, "--venues", Write("venues.csv", Venues), "--lang", "en", "--out", PathOf("map.csv"));
        AssertReport(result, PathOf("map.csv"));

        var json = CliRunner.Run("venues", "compliance", "--events", events, "--venues", PathOf("venues.csv"), "--out", PathOf("map.json"));
        Assert.Equal(ExitCodes.Success, json.ExitCode);
        Assert.StartsWith("2 địa điểm", json.Output, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PathOf("map.json")));
        Assert.Equal("19901", document.RootElement[0].GetProperty("communeCode").GetString());
    }

    [Fact]
    public void BadInput_UsageOrInvalid()
    {
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("venues", "compliance").ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("venues", "compliance", "--store", PathOf("missing.db")).ExitCode);
        Assert.False(File.Exists(PathOf("missing.db")));
        var events = Write("events.csv", "id_kind,id,venue,event,at,channel\n");
        var badVenues = CliRunner.Run("venues", "compliance", "--events", events, "--venues", Write("v.csv", "venue,kind\nV1,spaceport\n"), "--lang", "en");
        Assert.Equal(ExitCodes.Invalid, badVenues.ExitCode);
        Assert.StartsWith("v.csv: VenueProfileCsv.Kind  line 2, field 1", badVenues.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("venues", "compliance", "--events", events, "--days", "400").ExitCode);
    }
}
