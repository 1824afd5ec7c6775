using CheckIn.Core.Places;
using CheckIn.Hosting;
using CheckIn.Hosting.Log;
using CheckIn.Hosting.PostgreSql;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CheckIn.Consumer.Snippets;

internal static class HostingPostgreSqlSnippet
{
    public static async Task RunAsync(string folder, string connectionString)
    {
        var dataDirectory = Path.Combine(folder, "checkin-data-postgresql");
        #region readme
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCheckIn(options => options.DataDirectory = dataDirectory);
        builder.Services.AddCheckInPostgreSql(connectionString);                       // the event log in PostgreSQL
        using var host = builder.Build();
        await host.StartAsync();
        var engine = await host.Services.GetRequiredService<CheckInRuntime>().WhenReadyAsync();
        var scan = new CheckInEvent(new PersonPseudonym(1, 2), "tokhaiyte:5f8a1c2b3d4e5f6a7b8c9d0e", VenueKind.Market, SystemClock.Instance.GetCurrentInstant(), CheckInEventKind.CheckIn);
        var receipt = await engine.RecordAsync(new EventEntry(scan, EventChannel.StaffScan, "desk-1", [], RequestId: "scan-0001"));
        Console.WriteLine($"recorded in PostgreSQL as log entry {receipt.Value.Sequence}");
        await host.StopAsync();
        #endregion
    }
}
