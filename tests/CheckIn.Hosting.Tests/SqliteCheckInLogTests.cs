using CheckIn.Hosting.Log;
using static CheckIn.Hosting.Tests.Events;

namespace CheckIn.Hosting.Tests;

public sealed class SqliteCheckInLogTests
{
    [Fact]
    public async Task Append_ThenReopen_EveryEntryBackInOrder()
    {
        using var folder = new TempFolder();
        var entries = Stream(1, 300);
        await using (var log = await SqliteCheckInLog.OpenAsync(folder.File("checkin.db")))
        {
            var appended = await log.AppendAsync(entries, At(23));
            Assert.All(appended, a => Assert.False(a.Value.Repeated));
            Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), appended.Select(a => a.Value.Sequence));
        }

        await using var reopened = await SqliteCheckInLog.OpenAsync(folder.File("checkin.db"));
        var read = await reopened.ReadAfterAsync(0).ToListAsync();
        Assert.Equal(entries, read.Select(r => r.Entry), new EntryComparer());
        Assert.All(read, r => Assert.Equal(At(23), r.RecordedAt));
        Assert.Equal(300, await reopened.LastSequenceAsync());
        Assert.Equal(entries.Skip(250), (await reopened.ReadAfterAsync(250).ToListAsync()).Select(r => r.Entry), new EntryComparer());
    }

    [Fact]
    public async Task Append_SameRequestIdAgain_RepeatedNotAdded_OtherEntryRefused()
    {
        using var folder = new TempFolder();
        await using var log = await SqliteCheckInLog.OpenAsync(folder.File("checkin.db"));
        var first = await log.AppendAsync([In(1, "V", At(8), "req-1")], At(8));
        var again = await log.AppendAsync([In(1, "V", At(8), "req-1"), In(2, "V", At(8), "req-2")], At(9));
        Assert.Equal(new LogAppend(1, false), first[0].Value);
        Assert.Equal(new LogAppend(1, true), again[0].Value);
        Assert.Equal(new LogAppend(2, false), again[1].Value);

        var reused = await log.AppendAsync([In(3, "V", At(8), "req-1")], At(9));
        Assert.Equal(HostingErrorCodes.Record.RequestIdReused, reused[0].Error.Code);
        Assert.Equal(2, await log.LastSequenceAsync());
    }

    [Fact]
    public async Task DeleteEventsBefore_LinksAndLaterEventsStay()
    {
        using var folder = new TempFolder();
        await using var log = await SqliteCheckInLog.OpenAsync(folder.File("checkin.db"));
        await log.AppendAsync([In(1, "V", At(8)), new LinkEntry(P(1), P(2)), In(2, "V", At(12))], At(12));
        Assert.Equal(1, await log.DeleteEventsBeforeAsync(At(10)));
        Assert.Equal([2L, 3L], (await log.ReadAfterAsync(0).ToListAsync()).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Open_NotADatabase_Throws()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("checkin.db"), "this is not SQLite, it is a text file of some length");
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(async () => await SqliteCheckInLog.OpenAsync(folder.File("checkin.db")));
    }
}

/// <summary>Entries compared by content (the links list by its items).</summary>
internal sealed class EntryComparer : IEqualityComparer<LogEntry>
{
    public bool Equals(LogEntry? x, LogEntry? y) => (x, y) switch
    {
        (EventEntry a, EventEntry b) => a.Event == b.Event && a.Channel == b.Channel && a.Device == b.Device && a.RequestId == b.RequestId && a.Links.SequenceEqual(b.Links),
        _ => Equals((object?)x, y),
    };

    public int GetHashCode(LogEntry obj) => 0;
}
