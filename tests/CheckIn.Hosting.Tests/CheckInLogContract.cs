using CheckIn.Hosting.Log;
using NodaTime;
using static CheckIn.Hosting.Tests.Events;

namespace CheckIn.Hosting.Tests;

/// <summary>
/// What every <see cref="ICheckInLog"/> must do, run against each real one (SQLite here, PostgreSQL in
/// CheckIn.Hosting.PostgreSql.Tests, which links this file).
/// </summary>
public abstract class CheckInLogContract
{
    /// <summary>Opens the test's log: a second call opens the same log again (a restart).</summary>
    protected abstract Task<ICheckInLog> OpenLogAsync();

    [Fact]
    public async Task Append_ThenReopen_EveryEntryBackInOrder()
    {
        var entries = Stream(1, 300);
        await using (var log = await OpenLogAsync())
        {
            var appended = await log.AppendAsync(entries, At(23));
            Assert.All(appended, a => Assert.False(a.Value.Repeated));
            Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), appended.Select(a => a.Value.Sequence));
        }

        await using var reopened = await OpenLogAsync();
        var read = await reopened.ReadAfterAsync(0).ToListAsync();
        Assert.Equal(entries, read.Select(r => r.Entry), new EntryComparer());
        Assert.All(read, r => Assert.Equal(At(23), r.RecordedAt));
        Assert.Equal(300, await reopened.LastSequenceAsync());
        Assert.Equal(entries.Skip(250), (await reopened.ReadAfterAsync(250).ToListAsync()).Select(r => r.Entry), new EntryComparer());
    }

    [Fact]
    public async Task Append_ManyPages_ReadBackInOrder()
    {
        var entries = Stream(2, 9000);
        await using var log = await OpenLogAsync();
        foreach (var chunk in entries.Chunk(1000))
        {
            await log.AppendAsync(chunk, At(23));
        }

        var read = await log.ReadAfterAsync(0).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 9000).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.Equal(entries, read.Select(r => r.Entry), new EntryComparer());
    }

    [Fact]
    public async Task Append_SameRequestIdAgain_RepeatedNotAdded_OtherEntryRefused()
    {
        await using var log = await OpenLogAsync();
        var first = await log.AppendAsync([In(1, "V", At(8), "req-1")], At(8));
        var again = await log.AppendAsync([In(1, "V", At(8), "req-1"), In(2, "V", At(8), "req-2")], At(9));
        Assert.Equal(new LogAppend(1, false), first[0].Value);
        Assert.Equal(new LogAppend(1, true), again[0].Value);
        Assert.Equal(new LogAppend(2, false), again[1].Value);

        var reused = await log.AppendAsync([In(3, "V", At(8), "req-1")], At(9));
        Assert.Equal(HostingErrorCodes.Record.RequestIdReused, reused[0].Error.Code);
        Assert.Equal(2, await log.LastSequenceAsync());
        Assert.Equal(new LogAppend(1, true), (await log.FindAsync(In(1, "V", At(8), "req-1")))!.Value.Value);
        Assert.Equal(HostingErrorCodes.Record.RequestIdReused, (await log.FindAsync(In(4, "V", At(8), "req-2")))!.Value.Error.Code);
        Assert.Null(await log.FindAsync(In(1, "V", At(8), "req-9")));
    }

    [Fact]
    public async Task Append_RequestIdTwiceInOneBatch_SecondIsTheFirstsRetry()
    {
        await using var log = await OpenLogAsync();
        var appended = await log.AppendAsync([In(1, "V", At(8), "req-1"), In(1, "V", At(8), "req-1"), In(2, "V", At(8), "req-1")], At(8));
        Assert.Equal(new LogAppend(1, false), appended[0].Value);
        Assert.Equal(new LogAppend(1, true), appended[1].Value);
        Assert.Equal(HostingErrorCodes.Record.RequestIdReused, appended[2].Error.Code);
        Assert.Single(await log.ReadAfterAsync(0).ToListAsync());
    }

    [Fact]
    public async Task DeleteEventsBefore_LinksAndLaterEventsStay()
    {
        await using var log = await OpenLogAsync();
        await log.AppendAsync([In(1, "V", At(8)), new LinkEntry(P(1), P(2)), In(2, "V", At(12)), In(3, "V", At(8) - Duration.FromDays(3)), new TickEntry(At(12))], At(12));
        Assert.Equal(2, await log.DeleteEventsBeforeAsync(At(10)));
        Assert.Equal([2L, 3L, 5L], (await log.ReadAfterAsync(0).ToListAsync()).Select(e => e.Sequence));
        Assert.Equal(5, await log.LastSequenceAsync());
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
