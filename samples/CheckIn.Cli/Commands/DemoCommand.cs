using System.CommandLine;
using System.Reflection;
using System.Text;
using CheckIn.Core.Text;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin demo</c>: the README's main job. Runs what the libraries can do today, end to end, on
/// embedded defaults.
/// </summary>
public static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("demo", "Run the end-to-end demonstration of the CheckIn libraries on embedded defaults.");
        command.SetAction(_ => Run(output));
        return command;
    }

    private static int Run(TextWriter output)
    {
        output.WriteLine("CheckIn demo");
        output.WriteLine($"  CheckIn.Core    {VersionOf(typeof(VietnameseText).Assembly)}");
        output.WriteLine($"  CheckIn.Tracing {VersionOf(typeof(PersonPseudonymizer).Assembly)}");
        output.WriteLine();

        const string paperLogName = "Nguyễn Thị Mỹ Hạnh";
        output.WriteLine("Name folded for the national personal QR (CheckIn.Core):");
        output.WriteLine($"  {paperLogName} -> {VietnameseText.FoldName(paperLogName)}");

        // A demo key; a deployment keeps its own secret key outside the code.
        var pseudonymizer = new PersonPseudonymizer(Encoding.ASCII.GetBytes("checkin-demo-key-not-for-production"));
        output.WriteLine("Synthetic ID number pseudonymized before indexing (CheckIn.Tracing):");
        output.WriteLine($"  001090******  -> {pseudonymizer.Pseudonymize("001090123456")}");
        return ExitCodes.Success;
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
