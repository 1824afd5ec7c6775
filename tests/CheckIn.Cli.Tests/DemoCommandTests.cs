namespace CheckIn.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_SmallTown_RunsEveryStageAndExitsZero()
    {
        var result = CliRunner.Run("demo", "--residents", "500");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"CheckIn\.Core\s+\d+\.\d+\.\d+", result.Output);
        Assert.Matches(@"CheckIn\.Tracing\s+\d+\.\d+\.\d+", result.Output);
        Assert.Contains("CitizenCard {", result.Output, StringComparison.Ordinal);
        Assert.Contains("HealthInsuranceCard {", result.Output, StringComparison.Ordinal);
        Assert.Contains("PersonalQr {", result.Output, StringComparison.Ordinal);
        Assert.Contains("TokhaiyteVenue {", result.Output, StringComparison.Ordinal);
        Assert.Contains("rejected: CitizenCard.DateOfBirth", result.Output, StringComparison.Ordinal);
        Assert.Contains("signature Valid", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"3 cases traced to F2 in [\d.,]+ ms: [\d,]+ F1, [\d,]+ F2", result.Output);
    }

    [Fact]
    public void Demo_SameSeed_SameCounts()
    {
        static string Counts(string output) =>
            string.Join('\n', output.Split('\n').Where(l => l.Contains(" F1, ", StringComparison.Ordinal) || l.Contains("visits in", StringComparison.Ordinal))
                .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"in [\d.,]+ ms", "in _ ms")));
        var first = CliRunner.Run("demo", "--residents", "300", "--seed", "7").Output;
        var second = CliRunner.Run("demo", "--residents", "300", "--seed", "7").Output;
        Assert.Equal(Counts(first), Counts(second));
        Assert.NotEmpty(Counts(first));
    }

    [Fact]
    public void Demo_Output_NeverShowsAFullIdNumberOrName()
    {
        var result = CliRunner.Run("demo", "--residents", "200");
        Assert.DoesNotContain("079301000456", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị B", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0120878811", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_TooFewResidents_UsageError() => Assert.Equal(ExitCodes.Usage, CliRunner.Run("demo", "--residents", "3").ExitCode);

    [Fact]
    public void UnknownCommand_ReportsUsageError()
    {
        var result = CliRunner.Run("no-such-command");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no-such-command", result.Error, StringComparison.Ordinal);
    }
}
