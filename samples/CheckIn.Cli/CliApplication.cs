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
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRootCommand(output, error);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(configuration);
    }
}
