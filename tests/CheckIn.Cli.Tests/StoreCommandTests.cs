using CheckIn.Testing;

namespace CheckIn.Cli.Tests;

/// <summary><c>checkin simulate --store</c> and <c>checkin trace --store</c> on a real PostgreSQL server.</summary>
public sealed class StoreCommandTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-store-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    [Fact]
    public async Task SimulateIntoStore_ThenTraceThere_SameContactsAsTheCsv()
    {
        var database = await postgres.Server.CreateDatabaseAsync("cli");
        var key = PathOf("store.key");
        string[] world = ["--residents", "1500", "--days", "5", "--seed", "3"];
        var simulated = CliRunner.Run(["simulate", .. world, "--store", database, "--key-file", key]);
        Assert.Equal(ExitCodes.Success, simulated.ExitCode);
        Assert.Matches(@"[\d,]+ recorded visits ingested into the store under province \d+, [\d,]+ of them new", simulated.Output);
        Assert.Contains("Made the pseudonymization key store.key", simulated.Error, StringComparison.Ordinal);
        var added = System.Text.RegularExpressions.Regex.Match(simulated.Output, @", ([\d,]+) of them new").Groups[1].Value;
        Assert.True(long.Parse(added, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 0, simulated.Output);

        // The same province again: nothing new (a repeated upload).
        var again = CliRunner.Run(["simulate", .. world, "--store", database, "--key-file", key]);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains(", 0 of them new", again.Output, StringComparison.Ordinal);

        var csv = PathOf("visits.csv");
        Assert.Equal(ExitCodes.Success, CliRunner.Run(["simulate", .. world, "--out", csv]).ExitCode);
        string[] trace = ["--case", "R0000007", "--from", "2021-09-06T00:00:00Z", "--until", "2021-09-11T00:00:00Z", "--as-of", "2021-09-11T00:00:00Z"];
        var fromCsv = CliRunner.Run(["trace", "--visits", csv, .. trace]);
        var fromStore = CliRunner.Run(["trace", "--store", database, "--key-file", key, .. trace]);
        Assert.Equal(ExitCodes.Success, fromCsv.ExitCode);
        Assert.True(fromStore.ExitCode == ExitCodes.Success, fromStore.Error);
        Assert.Contains("traced in PostgreSQL", fromStore.Error, StringComparison.Ordinal);

        // Persons print as names from the CSV and as pseudonyms from the store; each contact's level and exposure time
        // do not depend on the key.
        static string[] Contacts(string output) =>
            [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => string.Join(',', l.Split(',')[1..3])).Order(StringComparer.Ordinal)];
        Assert.NotEmpty(Contacts(fromCsv.Output));
        Assert.Equal(Contacts(fromCsv.Output), Contacts(fromStore.Output));
        Assert.DoesNotContain("R0000", fromStore.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TraceStore_WithoutItsKeyOrWithFiles_IsAUsageError_UnknownCaseWarned()
    {
        var database = await postgres.Server.CreateDatabaseAsync("cli");
        var key = PathOf("store.key");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("simulate", "--residents", "300", "--days", "2", "--store", database, "--key-file", key).ExitCode);

        Assert.Equal(ExitCodes.Usage, CliRunner.Run("trace", "--store", database, "--case", "R0000001@2021-09-06T00:00:00Z/2021-09-07T00:00:00Z").ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("trace", "--store", database, "--key-file", PathOf("missing.key"), "--case", "R0000001@2021-09-06T00:00:00Z/2021-09-07T00:00:00Z").ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("trace", "--store", database, "--key-file", key, "--visits", PathOf("x.csv"), "--case", "R0000001@2021-09-06T00:00:00Z/2021-09-07T00:00:00Z").ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("simulate", "--store", database, "--out", PathOf("x.csv"), "--key-file", key).ExitCode);

        var unknown = CliRunner.Run("trace", "--store", database, "--key-file", key, "--case", "R9999999@2021-09-06T00:00:00Z/2021-09-07T00:00:00Z");
        Assert.Equal(ExitCodes.Success, unknown.ExitCode);
        Assert.Contains("Trace.UnknownCase", unknown.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("R9999999", unknown.Error, StringComparison.Ordinal);

        var unreachable = CliRunner.Run("trace", "--store", "Host=127.0.0.1;Port=1;Timeout=2", "--key-file", key, "--case", "R0000001@2021-09-06T00:00:00Z/2021-09-07T00:00:00Z");
        Assert.Equal(ExitCodes.Invalid, unreachable.ExitCode);
    }
}
