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
                // Scores (docs/tracing-risk.md): Bình 1 − e^(−0.001 × 30); Dung and Cường Bình's score times 1 − e^(−0.001 × 20) and × 40.
                "person,level,exposed_at,venue,overlap_minutes,source,assumed,score,evidence,distance",
                "Bình,1,2021-09-01T08:30:00Z,Chợ Đông Ba,30,An,false,0.029554,venue,",
                "Dung,2,2021-09-01T09:00:00Z,Chợ Đông Ba,20,Bình,false,0.000585,venue,",
                "Cường,2,2021-09-01T11:10:00Z,\"Quán cơm, Lê Lợi\",40,Bình,false,0.001159,venue,",
            ],
            result.Output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Trace_Encounters_ContactsByProximityAndBoth()
    {
        var encounters = Path.Combine(_directory.FullName, "encounters.csv");
        File.WriteAllText(encounters, """
            person,other,start,minutes,distance
            Giang,An,2021-09-01T13:00:00Z,30,close
            An,Bình,2021-09-01T08:30:00Z,30,1.5
            An,Hải,2021-09-01T13:00:00Z,10,close
            An,Bình,not a time,30,near
            """.ReplaceLineEndings("\n"));
        var result = CliRunner.Run("trace", "--visits", Write(Visits), "--encounters", encounters, "--case", "An", "--from", "2021-08-30T00:00:00Z", "--until", "2021-09-02T00:00:00Z");

        // The bad row is reported by line and skipped (exit 4); Hải's 10 minutes are under the 15 that make a contact.
        Assert.Equal(ExitCodes.Partial, result.ExitCode);
        Assert.Contains("EncounterCsv.Instant", result.Error, StringComparison.Ordinal);
        Assert.Contains("3 encounters of 4 Bluezone users read from encounters.csv", result.Error, StringComparison.Ordinal);
        var rows = result.Output.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        Assert.Equal(["Bình", "Cường", "Dung", "Giang"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Giang", "1", "2021-09-01T13:00:00Z", string.Empty, "30", "An", "false", "0.044003", "proximity", "close"], rows["Giang"]);
        // Bình: at the market and near An's phone from the same minute: both kinds of evidence, the venue's kept, the scores combined.
        Assert.Equal(("Chợ Đông Ba", "both", "near"), (rows["Bình"][3], rows["Bình"][8], rows["Bình"][9]));
        Assert.True(double.Parse(rows["Bình"][7], System.Globalization.CultureInfo.InvariantCulture) > 0.029554);
    }

    [Fact]
    public void Trace_TopMinScoreAndExpandAbove_KeepTheRiskiest()
    {
        string[] Persons(params string[] extra)
        {
            var result = CliRunner.Run(["trace", "--visits", Write(Visits), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", .. extra]);
            Assert.Equal(ExitCodes.Success, result.ExitCode);
            return [.. result.Output.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')[0] + ":" + l.Split(',')[1])];
        }

        // F2 by score: Cường (40 min with Bình, 0.001159) above Dung (20 min, 0.000585).
        Assert.Equal(["Bình:1", "Cường:2"], Persons("--top", "1"));
        Assert.Equal(["Bình:1", "Cường:2"], Persons("--min-score", "0.001"));
        Assert.Equal(["Bình:1"], Persons("--expand-above", "0.03"));
        Assert.Equal(["Bình:1", "Dung:2", "Cường:2"], Persons("--expand-above", "0.02"));

        foreach (var bad in new[] { new[] { "--min-score", "2" }, ["--expand-above", "x"], ["--top", "0"] })
        {
            var refused = CliRunner.Run(["trace", "--visits", Write(Visits), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", .. bad]);
            Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        }
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
        Assert.Equal(["person,level,exposed_at,venue,overlap_minutes,source,assumed,score,evidence,distance", "Bình,1,2021-09-01T11:10:00Z,\"Quán cơm, Lê Lợi\",40,Cường,false,0.039211,venue,"], result.Output.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("person,venue,check_in,check_out\nAn,X,yesterday,2021-09-01T09:00:00Z", "VisitCsv.Instant", "not an ISO-8601 UTC instant such as 2021-09-01T08:00:00Z (line 2, field 2)")]
    [InlineData("person,venue,check_in,check_out\nAn,X,2021-09-01T09:00:00Z,2021-09-01T08:00:00Z", "VisitCsv.Interval", "must be after the check-in, within 18 hours, between 1952 and 2088 (line 2, field 3)")]
    [InlineData("person,venue,check_in,check_out\nAn,X,2021-09-01T09:00:00Z", "VisitCsv.FieldCount", "fields: person,venue,check_in,check_out (and closure when the header has it) (line 2)")]
    public void Trace_BadRow_ReportedWithLineRestTracedExitPartial(string content, string code, string message)
    {
        var result = CliRunner.Run("trace", "--visits", Write(Visits + content[content.IndexOf('\n', StringComparison.Ordinal)..]), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z");
        Assert.Equal(ExitCodes.Partial, result.ExitCode);
        Assert.Contains(code + "  visits.csv: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message.Replace("line 2", "line 9", StringComparison.Ordinal), result.Error, StringComparison.Ordinal);
        Assert.Contains("Bình,1,2021-09-01T08:30:00Z,Chợ Đông Ba,30,An", result.Output, StringComparison.Ordinal);

        var strict = CliRunner.Run("trace", "--visits", Write(content), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", "--strict");
        Assert.Equal(ExitCodes.Invalid, strict.ExitCode);
        Assert.Contains(message, strict.Error, StringComparison.Ordinal);
        Assert.Empty(strict.Output);
    }

    /// <summary>Regression: one bad row aborted the whole run; now every bad row is listed and the rest traced.</summary>
    [Fact]
    public void Trace_SeveralBadRows_EachListedOnce()
    {
        var content = Visits + "\nAn,X,x,y\nBình\nCường,Y,2021-09-01T09:00:00Z,2021-09-01T08:00:00Z";
        var result = CliRunner.Run("trace", "--visits", Write(content), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z");
        Assert.Equal(ExitCodes.Partial, result.ExitCode);
        Assert.Equal(["VisitCsv.Instant", "VisitCsv.FieldCount", "VisitCsv.Interval"], result.Error.Split('\n').Where(l => l.StartsWith("VisitCsv.", StringComparison.Ordinal)).Select(l => l.Split("  ")[0]));
        Assert.Contains("3 bad rows skipped; 7 visits traced.", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, result.Output.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Trace_WrongHeader_InvalidEvenWithoutStrict()
    {
        var result = CliRunner.Run("trace", "--visits", Write("name,place,in,out\nAn,X,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z"), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z");
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.Contains("header person,venue,check_in,check_out (optionally ,closure) (line 1)", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Regression: venue and person keys were compared raw: four spellings of one venue, three of one phone.</summary>
    [Fact]
    public void Trace_SpellingsOfOneVenueAndPhone_OneVenueOnePerson()
    {
        const string Content = """
            person,venue,check_in,check_out
            0912 345 678,V1,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z
            +84913000001, V1,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z
            0913.000.002,V1​,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z
            0913000003,Ｖ1,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z
            +84 912 345 678,V2,2021-09-01T10:00:00Z,2021-09-01T11:00:00Z
            0913000004,V2,2021-09-01T10:00:00Z,2021-09-01T11:00:00Z
            """;
        var result = CliRunner.Run("trace", "--visits", Write(Content), "--case", "0912.345.678@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", "--depth", "1");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(
            ["0913000001,1,2021-09-01T08:00:00Z,V1,60,0912345678,false,0.058235,venue,", "0913000002,1,2021-09-01T08:00:00Z,V1,60,0912345678,false,0.058235,venue,",
             "0913000003,1,2021-09-01T08:00:00Z,V1,60,0912345678,false,0.058235,venue,", "0913000004,1,2021-09-01T10:00:00Z,V2,60,0912345678,false,0.058235,venue,"],
            result.Output.TrimEnd('\n').Split('\n').Skip(1));

        // --exact-keys: as before, no other spelling of V1 is V1, and the case's other spelling is another person.
        var exact = CliRunner.Run("trace", "--visits", Write(Content), "--case", "0912 345 678@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", "--depth", "1", "--exact-keys");
        Assert.Equal(ExitCodes.Success, exact.ExitCode);
        Assert.Empty(exact.Output.TrimEnd('\n').Split('\n').Skip(1));
    }

    /// <summary>Regression: text from the visits file that starts like a formula reached the output CSV as it was.</summary>
    [Fact]
    public void Trace_FormulaInInput_EscapedInCsv()
    {
        var content = Visits + "\n=HYPERLINK(\"http://evil/\"),Chợ Đông Ba,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z";
        var result = CliRunner.Run("trace", "--visits", Write(content), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", "--depth", "1");
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil/\"\")\",1,", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_MissingFile_CodedError()
    {
        var result = CliRunner.Run("trace", "--visits", Path.Combine(_directory.FullName, "none.csv"), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("Cli.FileMissing  none.csv: no such file.", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Error messages never carry a case's identifier in full.</summary>
    [Fact]
    public void Trace_CaseErrorsAndWarnings_MaskTheIdentifier()
    {
        var bad = CliRunner.Run("trace", "--visits", Write(Visits), "--case", "079301000456@2021-09-02T00:00:00Z/2021-08-30T00:00:00Z");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.DoesNotContain("079301000456", bad.Error, StringComparison.Ordinal);
        var unknown = CliRunner.Run("trace", "--visits", Write(Visits), "--case", "079301000456@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z");
        Assert.Contains("Trace.UnknownCase", unknown.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("079301000456", unknown.Error, StringComparison.Ordinal);
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
        Assert.Equal("person,level,exposed_at,venue,overlap_minutes,source,assumed,score,evidence,distance", result.Output.Trim());
    }
}
