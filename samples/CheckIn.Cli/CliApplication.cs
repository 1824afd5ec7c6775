using System.CommandLine;
using CheckIn.Cli.Commands;

namespace CheckIn.Cli;

/// <summary>Builds the <c>checkin</c> command tree; separate from Program so tests can run commands in-process.</summary>
public static class CliApplication
{
    public static RootCommand BuildRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("checkin: Vietnam's national QR check-in formats and contact tracing (CheckIn libraries).");
        root.Subcommands.Add(DemoCommand.Create(output, error));
        root.Subcommands.Add(PayloadCommand.Create(output, error));
        root.Subcommands.Add(TraceCommand.Create(output, error));
        root.Subcommands.Add(DeclarationCommand.Create(output, error));
        root.Subcommands.Add(QrCommand.Create(output, error));
        root.Subcommands.Add(DecodeCommand.Create(output, error));
        root.Subcommands.Add(SimulateCommand.Create(output, error));
        root.Subcommands.Add(StudyCommand.Create(output, error));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRootCommand(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage mistakes exit 2, so scripts can tell them from invalid input (1).
            foreach (var problem in parse.Errors)
            {
                error.WriteLine(problem.Message);
            }

            error.WriteLine("Run 'checkin --help' for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
