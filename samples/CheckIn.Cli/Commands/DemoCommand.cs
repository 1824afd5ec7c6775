using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using CheckIn.Cli.Demo;
using CheckIn.Cli.Io;
using CheckIn.Core.Payloads;
using CheckIn.Declarations;
using CheckIn.Qr;
using CheckIn.Simulation;
using CheckIn.Tracing;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin demo</c>: the README's main job. On embedded defaults, a synthetic province of 200,000 residents over
/// 14 days: posters and cards printed and read back, declarations validated, check-ins indexed, an outbreak traced
/// to F2 and scored against the ground truth, and a report folder with an HTML page.
/// </summary>
public static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var residents = new Option<int>("--residents") { Description = "Residents of the synthetic province (100 to 2,000,000).", DefaultValueFactory = _ => 200_000 };
        var days = new Option<int>("--days") { Description = "Days simulated (3 to 60).", DefaultValueFactory = _ => 14 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed makes the same province, visits and outbreak.", DefaultValueFactory = _ => 2021 };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "The report folder (created if missing).", DefaultValueFactory = _ => new DirectoryInfo("checkin-demo") };
        var command = new Command("demo", "Run the end-to-end demonstration on a synthetic province and write a report folder.") { residents, days, seed, outDirectory };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(residents);
            var dayCount = parse.GetValue(days);
            if (count is < 100 or > 2_000_000)
            {
                error.WriteLine("--residents must be between 100 and 2,000,000.");
                return ExitCodes.Usage;
            }

            if (dayCount is < 3 or > 60)
            {
                error.WriteLine("--days must be between 3 and 60.");
                return ExitCodes.Usage;
            }

            var options = SimulationOptions.Default with { Residents = count, Days = dayCount, Seed = parse.GetValue(seed) };
            return Run(output, error, options, parse.GetValue(outDirectory)!);
        });
        return command;
    }

    private static int Run(TextWriter output, TextWriter error, SimulationOptions options, DirectoryInfo outDirectory)
    {
        output.WriteLine("CheckIn demo");
        foreach (var assembly in new[] { typeof(PayloadReader).Assembly, typeof(DeclarationValidator).Assembly, typeof(ManagedQrReader).Assembly, typeof(ContactTracer).Assembly, typeof(RecordedWorld).Assembly })
        {
            output.WriteLine($"  {assembly.GetName().Name,-20} {VersionOf(assembly)}");
        }
        output.WriteLine();

        var stopwatch = Stopwatch.StartNew();
        try
        {
            // A progress display on a terminal; plain step lines when the output is a file, a pipe or a test.
            if (Terminal.IsInteractive(output))
            {
                using var results = new StringWriter();
                SpectreSteps.Show(steps => new DemoRun(options, outDirectory, results).Run(steps));
                output.WriteLine();
                output.Write(results.ToString());
            }
            else
            {
                new DemoRun(options, outDirectory, output).Run(new PlainSteps(output));
            }
        }
        catch (IOException exception)
        {
            error.WriteLine($"Cannot write the report to {outDirectory.Name}: {exception.Message}");
            return ExitCodes.Invalid;
        }
        catch (UnauthorizedAccessException exception)
        {
            error.WriteLine($"Cannot write the report to {outDirectory.Name}: {exception.Message}");
            return ExitCodes.Invalid;
        }

        output.WriteLine($"Done in {stopwatch.Elapsed.TotalSeconds:N1} s.");
        return ExitCodes.Success;
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
