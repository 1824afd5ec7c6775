// A consumer that knows CheckIn only through its NuGet packages: each package README's snippet, compiled and run.
using CheckIn.Consumer.Snippets;

var folder = Directory.CreateTempSubdirectory("checkin-consumer-").FullName;
try
{
    Run("CheckIn.Core", CoreSnippet.Run);
    Run("CheckIn.Declarations", DeclarationsSnippet.Run);
    Run("CheckIn.Checkpoints", CheckpointsSnippet.Run);
    Run("CheckIn.Qr", () => QrSnippet.Run(folder));
    Run("CheckIn.Qr.ZXing", ZXingSnippet.Run);
    Run("CheckIn.Qr.Skia", () => SkiaSnippet.Run(folder));
    Run("CheckIn.Tracing", TracingSnippet.Run);
    Run("CheckIn.Simulation", SimulationSnippet.Run);
    Run("CheckIn.Parquet", () => ParquetSnippet.Run(folder));
    Run("CheckIn.Compliance", ComplianceSnippet.Run);
    Run("CheckIn.Hosting", () => HostingSnippet.RunAsync(folder).GetAwaiter().GetResult());
    // The smoke test starts a PostgreSQL server for this one and names its database here.
    var postgres = Environment.GetEnvironmentVariable("CHECKIN_POSTGRES") ?? throw new InvalidOperationException("CHECKIN_POSTGRES names no database.");
    Run("CheckIn.Store.PostgreSql", () => PostgreSqlSnippet.RunAsync(postgres).GetAwaiter().GetResult());
    Run("CheckIn.Hosting.PostgreSql", () => HostingPostgreSqlSnippet.RunAsync(folder, postgres).GetAwaiter().GetResult());
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static void Run(string package, Action snippet)
{
    Console.WriteLine($"== {package}");
    snippet();
}
