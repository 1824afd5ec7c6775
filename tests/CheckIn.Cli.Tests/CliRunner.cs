namespace CheckIn.Cli.Tests;

/// <summary>Runs the checkin command tree in-process and captures what it writes.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApplication.Run(args, output, error);
        return new Result(exitCode, output.ToString(), error.ToString());
    }
}
