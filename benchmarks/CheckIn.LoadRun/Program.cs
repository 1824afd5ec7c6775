// A bounded load run against the check-in service on 127.0.0.1: starts samples/CheckIn.Service on a free port with
// its own data folder, registers a venue, then sends N app check-ins (each with its own request id and time) from one
// client and from C concurrent clients, and reports check-ins per second for each, measured in the same run. Then it
// stops the service and reads its event log: every acknowledged check-in must be there once, and nothing else.
//
//   dotnet run -c Release --project benchmarks/CheckIn.LoadRun -- [N] [C]
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CheckIn.Hosting.Log;

var total = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 4000;
var clients = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
var root = FindRoot();
var service = Path.Combine(root, "samples", "CheckIn.Service", "bin", "Release", "net10.0", "CheckIn.Service.dll");
if (!File.Exists(service))
{
    Console.Error.WriteLine($"Build the service first: dotnet build -c Release samples/CheckIn.Service ({service} is missing).");
    return 2;
}

var data = Directory.CreateTempSubdirectory("checkin-load-").FullName;
var port = FreePort();
var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = data };
foreach (var argument in new[] { service, "--urls", $"http://127.0.0.1:{port}", "--CheckIn:DataDirectory", data, "--Service:RequestsPerMinute", "1000000", "--Logging:LogLevel:Default", "Warning" })
{
    start.ArgumentList.Add(argument);
}

using var process = Process.Start(start)!;
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
for (var attempt = 0; ; attempt++)
{
    try
    {
        if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
        {
            break;
        }
    }
    catch (HttpRequestException) when (attempt < 100)
    {
    }

    await Task.Delay(200);
}

var venueJson = """{"kind":"venue","registeredAt":"2026-12-01T01:00:00Z","name":"Chợ Đông Ba","venueKind":"market","address":{"provinceCode":46,"communeCode":19885,"street":"2 Trần Hưng Đạo"},"registrantName":"Trần Thị Bích","registrantPhone":"0987654321"}""";
var venue = await (await http.PostAsync("/venues", new StringContent(venueJson, System.Text.Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JsonElement>();
var code = venue.GetProperty("code").GetString()!;
var at0 = DateTimeOffset.UtcNow.AddHours(-1);
var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();

async Task<int> Send(int from, int to)
{
    var failures = 0;
    for (var i = from; i < to; i++)
    {
        var body = new { direction = "app", code, visitor = new { kind = "phone", id = $"09{10_000_000 + i:D8}" }, @event = "in", at = at0.AddMilliseconds(i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture), requestId = $"load-{i}" };
        var response = await http.PostAsJsonAsync("/checkins", body);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            acknowledged[$"load-{i}"] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sequence").GetInt64();
        }
        else
        {
            failures++;
        }
    }

    return failures;
}

// Warm up, then one client (the baseline), then C clients, over the same number of requests each.
await Send(total * 2, total * 2 + 200);
var single = Stopwatch.StartNew();
var singleFailures = await Send(0, total / 2);
single.Stop();
var concurrent = Stopwatch.StartNew();
var share = (total - (total / 2)) / clients;
var failures = (await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => Send((total / 2) + (c * share), (total / 2) + ((c + 1) * share)))))).Sum();
concurrent.Stop();

// Stopped with SIGKILL: what was acknowledged must be in the log anyway.
process.Kill(entireProcessTree: true);
await process.WaitForExitAsync();

await using var log = await SqliteCheckInLog.OpenAsync(Path.Combine(data, "checkin.db"));
var logged = await log.ReadAfterAsync(0).Where(e => e.Entry.RequestId?.StartsWith("load-", StringComparison.Ordinal) == true).ToListAsync();
var ids = logged.Select(e => e.Entry.RequestId!).ToList();
var inLog = ids.ToHashSet(StringComparer.Ordinal);
var lost = acknowledged.Keys.Count(k => !inLog.Contains(k));
var duplicated = ids.Count - ids.Distinct().Count();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores; service with synchronous=FULL on {data}");
Console.WriteLine($"1 client:  {total / 2} check-ins in {single.Elapsed.TotalSeconds:F2} s = {total / 2 / single.Elapsed.TotalSeconds:F0} check-ins/s ({singleFailures} failed)");
Console.WriteLine($"{clients} clients: {share * clients} check-ins in {concurrent.Elapsed.TotalSeconds:F2} s = {share * clients / concurrent.Elapsed.TotalSeconds:F0} check-ins/s ({failures} failed); ratio {(share * clients / concurrent.Elapsed.TotalSeconds) / (total / 2 / single.Elapsed.TotalSeconds):F2}");
Console.WriteLine($"acknowledged {acknowledged.Count}, in the log {ids.Count}; lost {lost}, duplicated {duplicated}");
Directory.Delete(data, recursive: true);
return lost == 0 && duplicated == 0 ? 0 : 1;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "CheckIn.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}
