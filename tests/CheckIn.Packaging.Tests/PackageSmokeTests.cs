using System.IO.Compression;
using CheckIn.Testing;

namespace CheckIn.Packaging.Tests;

/// <summary>
/// Proves the packages work when embedded elsewhere: pack them into a temporary feed, then restore, build
/// and run a consumer project that references them as NuGet packages.
/// </summary>
public sealed class PackageSmokeTests : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(6);

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _workspace = Directory.CreateTempSubdirectory("checkin-smoke-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    [Fact]
    public void Packages_ConsumedFromLocalFeed_BuildAndRun()
    {
        var feed = Path.Combine(_workspace, "feed");
        Pack("src/CheckIn.Core/CheckIn.Core.csproj", feed);
        Pack("src/CheckIn.Tracing/CheckIn.Tracing.csproj", feed);

        var corePackage = Directory.GetFiles(feed, "CheckIn.Core.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        var version = Path.GetFileNameWithoutExtension(corePackage)["CheckIn.Core.".Length..];
        AssertPackageContains(corePackage, "lib/net10.0/CheckIn.Core.dll", "lib/net10.0/CheckIn.Core.xml", "README.md");

        var consumer = Path.Combine(_workspace, "consumer");
        Directory.CreateDirectory(consumer);
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", "Consumer.csproj.template"));
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), template.Replace("$(CheckInVersion)", version, StringComparison.Ordinal));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", "Program.cs"), Path.Combine(consumer, "Program.cs"));
        WriteNuGetConfig(consumer, feed);

        // A private packages folder: the consumer must get CheckIn from the fresh feed, never from a cache.
        var packages = Path.Combine(_workspace, "packages");
        Dotnet($"restore --packages \"{packages}\"", consumer);
        Dotnet("build --no-restore -c Release", consumer);
        var run = Dotnet("run --no-build -c Release", consumer);

        Assert.Contains("core:TRAN THI BICH", run.Output, StringComparison.Ordinal);
        Assert.Matches("tracing:[0-9a-f]{32}", run.Output);
    }

    [Fact]
    public void CliTool_InstalledFromLocalFeed_PrintsVersion()
    {
        var feed = Path.Combine(_workspace, "feed");
        Pack("samples/CheckIn.Cli/CheckIn.Cli.csproj", feed);
        var toolPath = Path.Combine(_workspace, "tools");
        Dotnet($"tool install CheckIn.Cli --tool-path \"{toolPath}\" --add-source \"{feed}\" --prerelease", _workspace);

        var result = ProcessRunner.Run(Path.Combine(toolPath, "checkin"), "--version", _workspace, StepTimeout);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }

    private void Pack(string project, string feed) =>
        Dotnet($"pack \"{RepositoryRoot.Combine(project)}\" -c {Configuration} -o \"{feed}\"", RepositoryRoot.Path);

    private ProcessRunner.Result Dotnet(string arguments, string workingDirectory)
    {
        var result = ProcessRunner.Run("dotnet", arguments, workingDirectory, StepTimeout);
        Assert.True(result.ExitCode == 0, $"dotnet {arguments} failed with exit code {result.ExitCode}:\n{result.Output}");
        return result;
    }

    private static void WriteNuGetConfig(string directory, string feed) =>
        // Keeps the machine's configured sources (for NodaTime and friends) and adds the local feed first.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="checkin-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);

    private static void AssertPackageContains(string package, params string[] entries)
    {
        using var zip = ZipFile.OpenRead(package);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            Assert.Contains(entry, names);
        }
    }
}
