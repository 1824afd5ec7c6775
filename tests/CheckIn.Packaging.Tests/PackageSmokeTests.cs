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

    /// <summary>Every package and the dependencies its nuspec may declare (the design's table; versions aside).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Packages = new Dictionary<string, string[]>
    {
        ["CheckIn.Core"] = ["NodaTime", "System.Formats.Cbor", "System.Security.Cryptography.Cose"],
        ["CheckIn.Declarations"] = ["CheckIn.Core", "FluentValidation", "NodaTime.Serialization.SystemTextJson"],
        ["CheckIn.Checkpoints"] = ["CheckIn.Declarations"],
        ["CheckIn.Qr"] = ["CheckIn.Core", "QRCoder"],
        ["CheckIn.Qr.ZXing"] = ["CheckIn.Qr", "ZXing.Net"],
        ["CheckIn.Qr.Skia"] = ["CheckIn.Qr", "SkiaSharp"],
        ["CheckIn.Tracing"] = ["CheckIn.Core"],
        ["CheckIn.Simulation"] = ["CheckIn.Tracing", "System.IO.Hashing"],
        ["CheckIn.Parquet"] = ["CheckIn.Tracing", "Parquet.Net"],
        ["CheckIn.Compliance"] = ["CheckIn.Tracing", "CheckIn.Declarations"],
        ["CheckIn.Hosting"] = ["CheckIn.Tracing", "Microsoft.Data.Sqlite", "Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Options.ConfigurationExtensions",
            "Microsoft.Extensions.Diagnostics.HealthChecks", "Microsoft.Extensions.Logging.Abstractions", "SQLitePCLRaw.core", "SQLitePCLRaw.bundle_e_sqlite3"],
        ["CheckIn.Store.PostgreSql"] = ["CheckIn.Tracing", "Npgsql", "Microsoft.Extensions.Logging.Abstractions"],
        ["CheckIn.Hosting.PostgreSql"] = ["CheckIn.Hosting", "CheckIn.Store.PostgreSql"],
    };

    [Fact]
    public async Task Packages_ConsumedFromLocalFeed_EveryReadmeSnippetBuildsAndRuns()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("consumer");
        var feed = Path.Combine(_workspace, "feed");
        foreach (var package in Packages.Keys)
        {
            Pack($"src/{package}/{package}.csproj", feed);
        }

        var version = string.Empty;
        foreach (var (package, allowed) in Packages)
        {
            var file = Directory.GetFiles(feed, package + ".*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal) && char.IsDigit(Path.GetFileName(p)[package.Length + 1]));
            version = Path.GetFileNameWithoutExtension(file)[(package.Length + 1)..];
            AssertPackageContains(file, $"lib/net10.0/{package}.dll", $"lib/net10.0/{package}.xml", "README.md");
            // Every direct dependency the table names, and nothing outside what the table allows through them (central
            // transitive pinning lists pinned packages of the closure too, such as Core's NodaTime in every package above it).
            var dependencies = Dependencies(file).ToHashSet(StringComparer.Ordinal);
            Assert.Subset(dependencies, allowed.ToHashSet(StringComparer.Ordinal));
            Assert.Subset(Closure(package), dependencies);
        }

        var consumer = Path.Combine(_workspace, "consumer");
        Directory.CreateDirectory(consumer);
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", "Consumer.csproj.template"));
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), template
            .Replace("$(CheckInVersion)", version, StringComparison.Ordinal)
            .Replace("$(SkiaSharpVersion)", SkiaSharpVersion(), StringComparison.Ordinal));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", "Program.cs"), Path.Combine(consumer, "Program.cs"));
        Directory.CreateDirectory(Path.Combine(consumer, "Snippets"));
        foreach (var snippet in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumer", "Snippets")))
        {
            File.Copy(snippet, Path.Combine(consumer, "Snippets", Path.GetFileName(snippet)));
        }

        WriteNuGetConfig(consumer, feed);

        // A private packages folder: the consumer must get CheckIn from the fresh feed, never from a cache.
        var packages = Path.Combine(_workspace, "packages");
        Dotnet($"restore --packages \"{packages}\"", consumer);
        Dotnet("build --no-restore -c Release", consumer);
        var run = Dotnet("run --no-build -c Release", consumer, new Dictionary<string, string> { ["CHECKIN_POSTGRES"] = database }).Output;

        Assert.Contains("CitizenCard { idNumber = **********56", run, StringComparison.Ordinal);
        Assert.Contains("CitizenCard.DateOfBirth: The date of birth is not a valid ddMMyyyy date (field 3, position 25).", run, StringComparison.Ordinal);
        Assert.Contains("Time.EndBeforeStart checkOut: Thời điểm kết thúc phải sau thời điểm bắt đầu", run, StringComparison.Ordinal);
        Assert.Contains("8-H: https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e", run, StringComparison.Ordinal);
        Assert.Matches(@"\d+-[LMQH]: PersonalQr \{ document = ", run);
        Assert.DoesNotContain("001090123456", run, StringComparison.Ordinal);
        Assert.Contains("== CheckIn.Qr.Skia" + Environment.NewLine + "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e", run, StringComparison.Ordinal);
        Assert.Contains("F1 at Chợ Đông Ba from 2021-09-01T08:30:00Z for 30 min", run, StringComparison.Ordinal);
        Assert.Contains("ĐƯỢC QUA: Đã kiểm tra danh tính; Đã tiêm đủ liều và qua đủ thời gian; Đã khai báo y tế trong thời hạn", run, StringComparison.Ordinal);
        Assert.Matches(@"[\d,]+ visits, [\d,]+ recorded; F1 recall \d+ ?%, precision \d+ ?%", run);
        Assert.Contains("recorded as log entry 1", run, StringComparison.Ordinal);
        Assert.Matches(@"contacts\.parquet: \d+ bytes, 1 contact", run);
        Assert.Contains("SuspensionRecommended, Unsafe", run, StringComparison.Ordinal);
        Assert.Contains("F1 at Chợ Đông Ba from 2021-09-01T08:30:00Z, traced in PostgreSQL", run, StringComparison.Ordinal);
        Assert.Contains("recorded in PostgreSQL as log entry 1", run, StringComparison.Ordinal);
    }

    /// <summary>Each package's README shows its snippet exactly as the consumer compiles and runs it.</summary>
    [Fact]
    public void PackageReadmes_ShowTheSnippetTheConsumerRuns()
    {
        var snippets = new Dictionary<string, string>
        {
            ["CheckIn.Core"] = "CoreSnippet.cs",
            ["CheckIn.Declarations"] = "DeclarationsSnippet.cs",
            ["CheckIn.Checkpoints"] = "CheckpointsSnippet.cs",
            ["CheckIn.Qr"] = "QrSnippet.cs",
            ["CheckIn.Qr.ZXing"] = "ZXingSnippet.cs",
            ["CheckIn.Qr.Skia"] = "SkiaSnippet.cs",
            ["CheckIn.Tracing"] = "TracingSnippet.cs",
            ["CheckIn.Simulation"] = "SimulationSnippet.cs",
            ["CheckIn.Parquet"] = "ParquetSnippet.cs",
            ["CheckIn.Compliance"] = "ComplianceSnippet.cs",
            ["CheckIn.Hosting"] = "HostingSnippet.cs",
            ["CheckIn.Store.PostgreSql"] = "PostgreSqlSnippet.cs",
            ["CheckIn.Hosting.PostgreSql"] = "HostingPostgreSqlSnippet.cs",
        };
        Assert.Equal(Packages.Keys.Order(), snippets.Keys.Order());
        foreach (var (package, file) in snippets)
        {
            var source = File.ReadAllText(RepositoryRoot.Combine("tests", "CheckIn.Packaging.Tests", "Consumer", "Snippets", file)).ReplaceLineEndings("\n");
            var region = System.Text.RegularExpressions.Regex.Match(source, @"\n([ \t]*)#region readme\n(.*?)\n[ \t]*#endregion", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(region.Success, $"{file} has no readme region");
            var indent = region.Groups[1].Value;
            var code = string.Join('\n', region.Groups[2].Value.Split('\n').Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart()));
            var readme = File.ReadAllText(RepositoryRoot.Combine("src", package, "README.md")).ReplaceLineEndings("\n");
            Assert.True(readme.Contains("```csharp\n" + code + "\n```", StringComparison.Ordinal), $"src/{package}/README.md does not show {file}'s readme region");
        }
    }

    /// <summary>What a package may bring, directly or through the CheckIn packages it depends on.</summary>
    private static HashSet<string> Closure(string package)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dependency in Packages[package])
        {
            closure.Add(dependency);
            if (Packages.ContainsKey(dependency))
            {
                closure.UnionWith(Closure(dependency));
            }
        }

        return closure;
    }

    private static IEnumerable<string> Dependencies(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var document = System.Xml.Linq.XDocument.Load(stream);
        return document.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Distinct();
    }

    private static string SkiaSharpVersion()
    {
        var props = System.Xml.Linq.XDocument.Load(RepositoryRoot.Combine("Directory.Packages.props"));
        return props.Descendants().Single(e => e.Name.LocalName == "SkiaSharpVersion").Value;
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

    private ProcessRunner.Result Dotnet(string arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = ProcessRunner.Run("dotnet", arguments, workingDirectory, StepTimeout, environment);
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
