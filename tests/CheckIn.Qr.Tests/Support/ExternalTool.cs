using System.Diagnostics;

namespace CheckIn.Qr.Tests.Support;

/// <summary>Runs a command-line tool the test command installs (zbarimg, qrencode) and fails clearly when it is missing.</summary>
internal static class ExternalTool
{
    public static bool IsInstalled(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

    public static void Require(string program, string package) =>
        Assert.True(IsInstalled(program), $"{program} is missing: the test command (./test.sh) installs the Debian package {package}; elsewhere run `apt-get install {package}`.");

    /// <summary>Runs the program, feeding <paramref name="input"/> on standard input; returns the exit code and standard output.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, byte[]? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in two minutes.");
        }

        _ = errors.Result;
        return (process.ExitCode, output.Result);
    }
}
