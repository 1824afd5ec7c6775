using System.Diagnostics;
using CheckIn.Hosting.Log;
using CheckIn.Testing;

namespace CheckIn.Hosting.Tests;

/// <summary>
/// Nothing acknowledged is lost: a host records check-ins and is killed with SIGKILL mid-ingest; after restart every
/// acknowledged check-in is in the log and the index, none twice, and re-sending the same requests adds nothing.
/// </summary>
public sealed class KillTests
{
    private static string TargetDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        return RepositoryRoot.Combine("tests", "Tools", "CheckIn.Hosting.KillTarget", "bin", configuration, "net10.0", "CheckIn.Hosting.KillTarget.dll");
    }

    [Fact]
    public async Task KilledMidIngest_EveryAcknowledgedCheckInSurvives_NoneTwice()
    {
        using var folder = new TempFolder();
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        // Inside the recorder's horizon of the host's ticks (10 minutes): 4,000 events 50 ms apart end before now.
        var start = NodaTime.SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds() - 240;
        for (var round = 0; round < 3; round++)
        {
            // Each round asks for the same 4,000 requests again (a client retrying after the crash) and is killed early.
            await RunAndKill(folder.Path, 0, 3999, 200 + (round * 300), start, acknowledged);
        }

        await using var log = await SqliteCheckInLog.OpenAsync(System.IO.Path.Combine(folder.Path, "checkin.db"));
        var entries = await log.ReadAfterAsync(0).ToListAsync();
        var requests = entries.Where(e => e.Entry.RequestId is not null).Select(e => e.Entry.RequestId!).ToList();
        Assert.Equal(requests.Count, requests.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(requests.ToHashSet(StringComparer.Ordinal), acknowledged);
        Assert.True(acknowledged.Count >= 800, $"{acknowledged.Count} requests acknowledged over three runs");

        // The engine restarts over what survived and indexes it.
        var engine = await CheckInEngine.OpenAsync(log, new CheckInEngineSettings(System.IO.Path.Combine(folder.Path, "index.snapshot"),
            new Tracing.Visits.VisitRecorderOptions(), NodaTime.Duration.FromDays(21), NodaTime.SystemClock.Instance));
        Assert.Equal(entries.Count, engine.Start.Replayed + engine.Start.SnapshotSequence);
    }

    /// <summary>Starts the target and kills it (SIGKILL) once it has acknowledged <paramref name="killAfter"/> requests.</summary>
    private static async Task RunAndKill(string dataDirectory, int first, int last, int killAfter, long firstTime, HashSet<string> acknowledged)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { TargetDll(), dataDirectory, first.ToString(System.Globalization.CultureInfo.InvariantCulture), last.ToString(System.Globalization.CultureInfo.InvariantCulture), firstTime.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var count = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ack ", StringComparison.Ordinal))
            {
                acknowledged.Add(line.Split(' ')[1]);
                if (++count >= killAfter)
                {
                    process.Kill(entireProcessTree: true); // SIGKILL: no flush, no finally, no shutdown
                    break;
                }
            }
            else if (line == "done")
            {
                break;
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
        Assert.True(count >= killAfter, $"the target acknowledged {count} of {killAfter} before it stopped (exit {process.ExitCode}): {errors}");
    }
}
