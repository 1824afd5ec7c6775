using CheckIn.Core.Places;
using CheckIn.Hosting.Log;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Hosting.Tests;

/// <summary>A temporary data folder, deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("checkin-hosting-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

internal static class Events
{
    public static readonly Instant Day = Instant.FromUtc(2021, 9, 1, 0, 0);

    public static PersonPseudonym P(int n) => new(9, (ulong)n);

    public static Instant At(int hour, int minute = 0) => Day + Duration.FromHours(hour) + Duration.FromMinutes(minute);

    public static EventEntry In(int person, string venue, Instant at, string? requestId = null, params PersonPseudonym[] links) =>
        new(new CheckInEvent(P(person), venue, VenueKind.Market, at, CheckInEventKind.CheckIn), EventChannel.StaffScan, "desk", links, requestId);

    public static EventEntry Out(int person, string venue, Instant at, string? requestId = null) =>
        new(new CheckInEvent(P(person), venue, VenueKind.Market, at, CheckInEventKind.CheckOut), EventChannel.App, null, [], requestId);

    /// <summary>A deterministic stream of events: people in and out of venues over a day, some links, some ticks.</summary>
    public static List<LogEntry> Stream(int seed, int count)
    {
        var random = new Random(seed);
        var entries = new List<LogEntry>();
        var time = At(6);
        for (var i = 0; i < count; i++)
        {
            time += Duration.FromSeconds(random.Next(1, 90));
            var person = random.Next(60);
            var venue = $"V{random.Next(8)}";
            entries.Add(random.Next(12) switch
            {
                0 => new LinkEntry(P(person), P(100 + random.Next(30)), $"link-{i}"),
                1 => new TickEntry(time),
                2 or 3 or 4 => Out(person, venue, time, $"e-{i}"),
                5 => In(100 + random.Next(30), venue, time, $"e-{i}"),
                _ => In(person, venue, time, $"e-{i}"),
            });
        }

        return entries;
    }
}
