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
        root.Subcommands.Add(NoticesCommand.Create(output, error));
        root.Subcommands.Add(RecordCommand.Create(output, error));
        root.Subcommands.Add(DeclarationCommand.Create(output, error));
        root.Subcommands.Add(QrCommand.Create(output, error));
        root.Subcommands.Add(DecodeCommand.Create(output, error));
        root.Subcommands.Add(PassCommand.Create(output, error));
        root.Subcommands.Add(VenuesCommand.Create(output, error));
        root.Subcommands.Add(SimulateCommand.Create(output, error));
        root.Subcommands.Add(StudyCommand.Create(output, error));
        root.Subcommands.Add(FollowUpCommand.Create(output, error));
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

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliProblem problem)
        {
            error.WriteLine($"{problem.Code}  {problem.Message}");
            return problem.ExitCode;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file problem a command did not name (an output folder that does not exist, a full disk): the type,
            // not the message, which may quote a path holding personal data.
            error.WriteLine($"{CliProblem.FileUnreadable}  a file could not be read or written ({exception.GetType().Name}).");
            return ExitCodes.Usage;
        }
        catch (Exception exception)
        {
            // A bug: no stack trace or message (either may hold personal data); the type helps a report.
            error.WriteLine($"{CliProblem.Internal}  unexpected {exception.GetType().Name}; please report it with the command you ran.");
            return ExitCodes.Internal;
        }
    }
}
