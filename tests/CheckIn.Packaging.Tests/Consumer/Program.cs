// A consumer that knows CheckIn only through its NuGet packages: each package README's snippet, compiled and run.
using CheckIn.Consumer.Snippets;

var folder = Directory.CreateTempSubdirectory("checkin-consumer-").FullName;
try
{
    Run("CheckIn.Core", CoreSnippet.Run);
    Run("CheckIn.Declarations", DeclarationsSnippet.Run);
    Run("CheckIn.Qr", () => QrSnippet.Run(folder));
    Run("CheckIn.Qr.ZXing", ZXingSnippet.Run);
    Run("CheckIn.Qr.Skia", () => SkiaSnippet.Run(folder));
    Run("CheckIn.Tracing", TracingSnippet.Run);
    Run("CheckIn.Simulation", SimulationSnippet.Run);
    Run("CheckIn.Parquet", () => ParquetSnippet.Run(folder));
    Run("CheckIn.Hosting", () => HostingSnippet.RunAsync(folder).GetAwaiter().GetResult());
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
