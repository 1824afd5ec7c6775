namespace CheckIn.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_Default_PrintsPackageVersionsAndExitsZero()
    {
        var result = CliRunner.Run("demo");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"CheckIn\.Core\s+\d+\.\d+\.\d+", result.Output);
        Assert.Matches(@"CheckIn\.Tracing\s+\d+\.\d+\.\d+", result.Output);
        Assert.Contains("NGUYEN THI MY HANH", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Output_NeverShowsTheFullIdNumber()
    {
        var result = CliRunner.Run("demo");
        Assert.DoesNotContain("001090123456", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_ReportsUsageError()
    {
        var result = CliRunner.Run("no-such-command");
        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.Contains("no-such-command", result.Error, StringComparison.Ordinal);
    }
}
