using CheckIn.Core.Places;
using CheckIn.Hosting;
using CheckIn.Hosting.Log;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CheckIn.Consumer.Snippets;

internal static class HostingSnippet
{
    public static async Task RunAsync(string folder)
    {
        var dataDirectory = Path.Combine(folder, "checkin-data");
        #region readme
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCheckIn(options => options.DataDirectory = dataDirectory);   // or AddCheckIn(builder.Configuration.GetSection("CheckIn"))
        using var host = builder.Build();
        await host.StartAsync();                                                        // the index is rebuilt from the durable log
        var checkIn = host.Services.GetRequiredService<CheckInRuntime>();
        var engine = await checkIn.WhenReadyAsync();
        var person = checkIn.Pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "079301000456");
        var scan = new CheckInEvent(person, "tokhaiyte:5f8a1c2b3d4e5f6a7b8c9d0e", VenueKind.Market, SystemClock.Instance.GetCurrentInstant(), CheckInEventKind.CheckIn);
        var receipt = await engine.RecordAsync(new EventEntry(scan, EventChannel.StaffScan, "desk-1", [], RequestId: "scan-0001"));
        Console.WriteLine($"recorded as log entry {receipt.Value.Sequence}");           // durable now; a retry of scan-0001 is a no-op
        await host.StopAsync();                                                         // writes the index snapshot
        #endregion
    }
}
