// Records check-ins through a host with AddCheckIn, printing "ack <request id> <sequence>" once each is durable, until
// killed. Arguments: the data directory, the first and the last event number, the first event's time (Unix seconds).
// Event i is person i % 500 checking in (or out, for odd i) at venue V(i % 40) 50 ms after event i - 1, request id
// "r<i>": a rerun with the same arguments repeats the same requests.
using CheckIn.Hosting;
using CheckIn.Hosting.Log;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddCheckIn(options =>
{
    options.DataDirectory = args[0];
    options.MaintenanceInterval = TimeSpan.FromSeconds(1);
    options.SnapshotInterval = TimeSpan.FromMinutes(1);
});
using var host = builder.Build();
await host.StartAsync();
var runtime = host.Services.GetRequiredService<CheckInRuntime>();
var engine = await runtime.WhenReadyAsync();
Console.WriteLine($"ready {engine.LastSequence}");
var first = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var last = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var start = Instant.FromUnixTimeSeconds(long.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
for (var i = first; i <= last; i++)
{
    Console.WriteLine($"ack r{i} {(await engine.RecordAsync(Entry(runtime.Pseudonymizer, start, i))).Value.Sequence}");
}

Console.WriteLine("done");
await host.StopAsync();

static EventEntry Entry(PersonPseudonymizer pseudonymizer, Instant start, int i) => new(
    new CheckInEvent(pseudonymizer.Pseudonymize(IdentifierKind.Phone, $"09{10_000_000 + (i % 500):D8}"), $"V{i % 40}", CheckIn.Core.Places.VenueKind.Market,
        start + Duration.FromMilliseconds(50 * i), i % 2 == 0 ? CheckInEventKind.CheckIn : CheckInEventKind.CheckOut),
    EventChannel.StaffScan, "desk-1", [], $"r{i}");
