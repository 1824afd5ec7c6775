using System.Text.Json;

namespace CheckIn.Cli.Tests;

public sealed class TraceCommandTests : IDisposable
{
    private const string Visits = """
        person,venue,check_in,check_out
        An,Chợ Đông Ba,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z
        Bình,Chợ Đông Ba,2021-09-01T08:30:00Z,2021-09-01T10:00:00Z
        Cường,"Quán cơm, Lê Lợi",2021-09-01T11:00:00Z,2021-09-01T12:00:00Z
        Bình,"Quán cơm, Lê Lợi",2021-09-01T11:10:00Z,2021-09-01T11:50:00Z
        Dung,Chợ Đông Ba,2021-09-01T09:00:00Z,2021-09-01T09:20:00Z
        Em,Trường Nguyễn Huệ,2021-09-01T07:00:00Z,2021-09-01T12:00:00Z
        An,Trường Nguyễn Huệ,2021-09-01T10:00:00Z,2021-09-01T10:10:00Z
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-trace-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_directory.FullName, "visits.csv");
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    [Fact]
    public void Trace_Csv_ContactsByLevelWithNamesAsInInput()
    {
        var result = CliRunner.Run("trace", "--visits", Write(Visits), "--case", "An", "--from", "2021-08-30T00:00:00Z", "--until", "2021-09-02T00:00:00Z");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(
            [
                "person,level,exposed_at,venue,overlap_minutes,source",
                "Bình,1,2021-09-01T08:30:00Z,Chợ Đông Ba,30,An",
                "Dung,2,2021-09-01T09:00:00Z,Chợ Đông Ba,20,Bình",
                "Cường,2,2021-09-01T11:10:00Z,\"Quán cơm, Lê Lợi\",40,Bình",
            ],
            result.Output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Trace_LingerAndMinOverlap_Applied()
    {
        // With 30 minutes of linger Dung (09:00–09:20) meets An directly; with a 25-minute minimum she does not.
        var linger = CliRunner.Run("trace", "--visits", Write(Visits), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", "--linger", "30m", "--depth", "1");
        Assert.Contains("Dung,1,2021-09-01T09:00:00Z,Chợ Đông Ba,20,An", linger.Output, StringComparison.Ordinal);
        var strict = CliRunner.Run("trace", "--visits", Write(Visits), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", "--linger", "30m", "--min-overlap", "25m", "--depth", "1");
        Assert.DoesNotContain("Dung", strict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_Json_HasEvidenceAndNotices()
    {
        var result = CliRunner.Run("trace", "--visits", Write(Visits), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", "--format", "json");
        using var json = JsonDocument.Parse(result.Output);
        var first = json.RootElement.GetProperty("contacts")[0];
        Assert.Equal("Bình", first.GetProperty("person").GetString());
        Assert.Equal("2021-09-01T08:00:00Z", first.GetProperty("sourceVisit").GetProperty("checkIn").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("notices").GetArrayLength());
        Assert.Equal("2021-09-01T12:00:00Z", json.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Trace_SeveralCases_EachWithItsWindow()
    {
        var result = CliRunner.Run("trace", "--visits", Write(Visits), "--depth", "1",
            "--case", "An@2021-09-01T09:30:00Z/2021-09-02T00:00:00Z", "--case", "Cường@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z");
        // An's window starts after the market: only Em (school, 10 min overlap < 15) would be reachable, so only Cường's contact Bình.
        Assert.Equal(["person,level,exposed_at,venue,overlap_minutes,source", "Bình,1,2021-09-01T11:10:00Z,\"Quán cơm, Lê Lợi\",40,Cường"], result.Output.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("person,venue,check_in,check_out\nAn,X,yesterday,2021-09-01T09:00:00Z", "not an ISO-8601 UTC instant such as 2021-09-01T08:00:00Z (line 2, field 2)")]
    [InlineData("person,venue,check_in,check_out\nAn,X,2021-09-01T09:00:00Z,2021-09-01T08:00:00Z", "must be after the check-in, within 18 hours, between 1952 and 2088 (line 2, field 3)")]
    [InlineData("person,venue,check_in,check_out\nAn,X,2021-09-01T09:00:00Z", "four fields: person,venue,check_in,check_out (line 2)")]
    [InlineData("name,place,in,out\nAn,X,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z", "header person,venue,check_in,check_out (line 1)")]
    public void Trace_BadFile_UsageErrorWithLine(string content, string message)
    {
        var result = CliRunner.Run("trace", "--visits", Write(content), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--min-overlap", "15 minutes")]
    [InlineData("--as-of", "now")]
    public void Trace_BadOption_UsageError(string option, string value)
    {
        var result = CliRunner.Run("trace", "--visits", Write(Visits), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public void Trace_CaseWithoutWindow_UsageError() =>
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("trace", "--visits", Write(Visits), "--case", "An").ExitCode);

    [Fact]
    public void Trace_UnknownCase_WarnsAndPrintsHeaderOnly()
    {
        var result = CliRunner.Run("trace", "--visits", Write(Visits), "--case", "Zed@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("no visits", result.Error, StringComparison.Ordinal);
        Assert.Equal("person,level,exposed_at,venue,overlap_minutes,source", result.Output.Trim());
    }
}
