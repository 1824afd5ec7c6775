namespace CheckIn.Cli.Tests;

public sealed class FollowUpCommandTests : IDisposable
{
    private const string Visits = """
        person,venue,check_in,check_out
        0912345678,Chợ Đông Ba,2021-09-01T01:00:00Z,2021-09-01T02:00:00Z
        0913000001,Chợ Đông Ba,2021-09-01T01:30:00Z,2021-09-01T03:00:00Z
        0913000002,Chợ Đông Ba,2021-09-01T01:10:00Z,2021-09-01T01:50:00Z
        0913000003,Quán cơm,2021-09-01T05:00:00Z,2021-09-01T06:00:00Z
        0913000001,Quán cơm,2021-09-01T05:10:00Z,2021-09-01T05:40:00Z
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-followup-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    private string Trace(string store, string actor)
    {
        File.WriteAllText(PathOf("visits.csv"), Visits.ReplaceLineEndings("\n") + "\n");
        var result = CliRunner.Run("trace", "--visits", PathOf("visits.csv"), "--case", "0912345678@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", "--followup", store, "--actor", actor);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        return result.Error;
    }

    [Fact]
    public void Followup_FromTraceToQuarantineTestAndCase()
    {
        var store = PathOf("followup.json");
        Assert.Contains("3 follow-up records opened in followup.json.", Trace(store, "tracer-1"), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store));
        }

        // A second trace opens nobody twice.
        Assert.Contains("0 follow-up records opened", Trace(store, "tracer-2"), StringComparison.Ordinal);

        var list = CliRunner.Run("followup", "list", "--store", store);
        Assert.Equal(ExitCodes.Success, list.ExitCode);
        var lines = list.Output.TrimEnd('\n').Split('\n');
        Assert.Equal("person,level,last_exposure,commune,state,protection,quarantine_until,tests_due,last_change_at,last_change_by", lines[0]);
        Assert.Equal(["0913000001", "0913000002", "0913000003"], lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Contains(",identified,unknown,", l, StringComparison.Ordinal));

        // Notified as fully protected on 1 September (Vietnam): 2022's rule, tests by the day; the store keeps it.
        var notify = CliRunner.Run("followup", "notify", "--store", store, "--person", "0913 000 001", "--protection", "fully-protected", "--actor", "tracer-1", "--at", "2021-09-01T12:00:00Z");
        Assert.Equal(ExitCodes.Success, notify.ExitCode);
        Assert.StartsWith("quarantined; quarantine until 2021-09-", notify.Output, StringComparison.Ordinal);
        var due = CliRunner.Run("followup", "list", "--store", store, "--due", "2021-09-01");
        Assert.DoesNotContain("0913000001,", due.Output, StringComparison.Ordinal);
        Assert.Contains("0913000002,", due.Output, StringComparison.Ordinal);

        // A positive test: a case to trace on, with its window.
        var positive = CliRunner.Run("followup", "test", "--store", store, "--person", "0913000001", "--result", "positive", "--actor", "lab", "--at", "2021-09-03T02:00:00Z");
        Assert.Equal(ExitCodes.Success, positive.ExitCode);
        Assert.Contains("now a case: trace with --case \"0913000001@2021-09-01T02:00:00Z/2021-09-03T02:00:00Z\"", positive.Output, StringComparison.Ordinal);

        // Refusals are coded and leave the store as it was.
        var before = File.ReadAllBytes(store);
        var again = CliRunner.Run("followup", "close", "--store", store, "--person", "0913000001", "--actor", "tracer-1");
        Assert.Equal(ExitCodes.Invalid, again.ExitCode);
        Assert.Contains("FollowUp.Transition", again.Error, StringComparison.Ordinal);
        var unknown = CliRunner.Run("followup", "unreachable", "--store", store, "--person", "0999999999", "--actor", "tracer-1");
        Assert.Contains("FollowUp.UnknownPerson", unknown.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("0999999999", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("followup", "close", "--store", store, "--person", " ", "--actor", "tracer-1").ExitCode);
        Assert.Equal(before, File.ReadAllBytes(store));

        var json = CliRunner.Run("followup", "list", "--store", store, "--format", "json");
        Assert.Contains("\"state\": \"tested-positive\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("\"by\": \"lab\"", json.Output, StringComparison.Ordinal);
        var communes = CliRunner.Run("followup", "list", "--store", store, "--by-commune");
        Assert.Equal(["commune,state,records", ",identified,2", ",tested-positive,1"], communes.Output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Followup_BadStore_CodedAndNamed()
    {
        var store = PathOf("broken.json");
        File.WriteAllText(store, """[{"person":"0913000001","level":"one"}]""");
        var result = CliRunner.Run("followup", "list", "--store", store);
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.Contains("FollowUpJson.Record", result.Error, StringComparison.Ordinal);
        Assert.Contains("(record 0, level)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("0913000001", result.Error, StringComparison.Ordinal);
        File.WriteAllText(PathOf("empty.json"), "[]");
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("followup", "list", "--store", PathOf("empty.json"), "--due", "yesterday").ExitCode);
        Assert.Equal("person,level,last_exposure,commune,state,protection,quarantine_until,tests_due,last_change_at,last_change_by\n", CliRunner.Run("followup", "list", "--store", PathOf("empty.json")).Output);
        Assert.NotEqual(ExitCodes.Success, CliRunner.Run("followup", "list", "--store", PathOf("missing.json")).ExitCode);
    }
}
