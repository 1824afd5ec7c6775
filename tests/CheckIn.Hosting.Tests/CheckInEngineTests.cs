using CheckIn.Hosting.Log;
using CheckIn.Hosting.Snapshots;
using CheckIn.Tracing;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Testing;
using static CheckIn.Hosting.Tests.Events;

namespace CheckIn.Hosting.Tests;

public sealed class CheckInEngineTests
{
    private static readonly FakeClock Clock = new(At(24 * 3));

    private static CheckInEngineSettings Settings(TempFolder folder, bool snapshot = true) =>
        new(snapshot ? folder.File("index.snapshot") : null, new VisitRecorderOptions { Horizon = Duration.FromMinutes(10) }, Duration.FromDays(21), Clock);

    private static async Task<CheckInEngine> Open(TempFolder folder, bool snapshot = true) =>
        await CheckInEngine.OpenAsync(await SqliteCheckInLog.OpenAsync(folder.File("checkin.db")), Settings(folder, snapshot));

    /// <summary>The engine's state, in comparable form: every visit with its closure, and who is who.</summary>
    private static (string Visits, string Registry) State(CheckInEngine engine)
    {
        var visits = engine.Flush().AllVisits().Select(v => $"{engine.Registry.Resolve(v.Person)} {v.Venue} {v.CheckIn} {v.CheckOut} {v.Closure}").Order(StringComparer.Ordinal);
        var registry = engine.Registry.Export().Select(p => $"{p.Pseudonym}>{p.Representative}");
        return (string.Join('\n', visits), string.Join('\n', registry));
    }

    [Fact]
    public async Task Restart_FromTheLogAlone_AndFromASnapshotMidway_SameState()
    {
        using var folder = new TempFolder();
        var entries = Stream(3, 1500);
        (string, string) live;
        await using (var engine = await Open(folder))
        {
            foreach (var chunk in entries.Take(900).Chunk(37))
            {
                await engine.RecordManyAsync(chunk);
            }

            await engine.WriteSnapshotAsync();
            foreach (var entry in entries.Skip(900))
            {
                await engine.RecordAsync(entry);
            }

            await engine.TickAsync();
            live = State(engine);
            Assert.NotEmpty(live.Item1);
        }

        await using (var fromSnapshot = await Open(folder))
        {
            Assert.Equal((900L, (string?)null, 601L), (fromSnapshot.Start.SnapshotSequence, fromSnapshot.Start.SnapshotRefused, fromSnapshot.Start.Replayed));
            Assert.Equal(live, State(fromSnapshot));
        }

        await using var fromLog = await Open(folder, snapshot: false);
        Assert.Equal((0L, 1501L), (fromLog.Start.SnapshotSequence, fromLog.Start.Replayed));
        Assert.Equal(live, State(fromLog));
    }

    [Theory]
    [InlineData("truncate", HostingErrorCodes.Snapshot.Truncated)]
    [InlineData("flip", HostingErrorCodes.Snapshot.Checksum)]
    [InlineData("version", HostingErrorCodes.Snapshot.Version)]
    [InlineData("magic", HostingErrorCodes.Snapshot.Magic)]
    [InlineData("ahead", HostingErrorCodes.Snapshot.AheadOfLog)]
    public async Task Restart_BadSnapshot_RefusedWithItsCode_RebuiltFromTheLog(string damage, string code)
    {
        using var folder = new TempFolder();
        (string, string) live;
        await using (var engine = await Open(folder))
        {
            await engine.RecordManyAsync(Stream(5, 400));
            await engine.WriteSnapshotAsync();
            live = State(engine);
        }

        var path = folder.File("index.snapshot");
        var bytes = await File.ReadAllBytesAsync(path);
        switch (damage)
        {
            case "truncate": bytes = bytes[..(bytes.Length / 2)]; break;
            case "flip": bytes[bytes.Length / 2] ^= 0x40; break;
            case "version": bytes[8] = 99; break;
            case "magic": bytes[0] = (byte)'X'; break;
            default:
                // A snapshot of a longer log laid over this one.
                using (var other = new TempFolder())
                {
                    await using var longer = await Open(other);
                    await longer.RecordManyAsync(Stream(5, 800));
                    await longer.WriteSnapshotAsync();
                    bytes = await File.ReadAllBytesAsync(other.File("index.snapshot"));
                }

                break;
        }

        await File.WriteAllBytesAsync(path, bytes);
        await using var restarted = await Open(folder);
        Assert.Equal((code, 0L, 400L), (restarted.Start.SnapshotRefused, restarted.Start.SnapshotSequence, restarted.Start.Replayed));
        Assert.Equal(live, State(restarted));
    }

    [Fact]
    public async Task Snapshot_MutatedBytes_NeverThrow_OnlyCodes()
    {
        using var folder = new TempFolder();
        await using (var engine = await Open(folder))
        {
            await engine.RecordManyAsync(Stream(8, 200));
            await engine.WriteSnapshotAsync();
        }

        var valid = await File.ReadAllBytesAsync(folder.File("index.snapshot"));
        Assert.True(IndexSnapshotFile.Decode(valid).Success);
        var random = new Random(17);
        var codes = new HashSet<string>();
        for (var i = 0; i < 2000; i++)
        {
            var bytes = (byte[])valid.Clone();
            switch (random.Next(3))
            {
                case 0: bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes = bytes[..random.Next(bytes.Length)]; break;
                default: bytes = [.. bytes, .. new byte[random.Next(1, 9)]]; break;
            }

            var read = IndexSnapshotFile.Decode(bytes);
            if (!read.Success)
            {
                codes.Add(read.Error.Code);
            }
        }

        Assert.Subset(HostingErrorCodes.All().Where(c => c.StartsWith("Snapshot.", StringComparison.Ordinal)).ToHashSet(), codes);
        Assert.Contains(HostingErrorCodes.Snapshot.Checksum, codes);
        Assert.Contains(HostingErrorCodes.Snapshot.Truncated, codes);
    }

    [Fact]
    public async Task Record_RepeatedRequest_AcknowledgedOnce_FutureAndBadIdsRefusedUnlogged()
    {
        using var folder = new TempFolder();
        await using var engine = await Open(folder);
        var first = await engine.RecordAsync(In(1, "V", At(8), "req-1"));
        var again = await engine.RecordAsync(In(1, "V", At(8), "req-1"));
        Assert.Equal(new RecordReceipt(1, false), first.Value);
        Assert.Equal(new RecordReceipt(1, true), again.Value);
        Assert.Equal(VisitErrorCode(EventRejection.InFuture), (await engine.RecordAsync(In(2, "V", At(24 * 4)))).Error.Code);
        Assert.Equal(HostingErrorCodes.Record.RequestId, (await engine.RecordAsync(In(2, "V", At(8), " "))).Error.Code);
        Assert.Equal(HostingErrorCodes.Record.RequestIdReused, (await engine.RecordAsync(In(3, "V", At(8), "req-1"))).Error.Code);
        Assert.Equal(1, engine.LastSequence);

        // Later events move the watermark past req-1's time: a retry is still the same request, a new event that old is refused.
        await engine.RecordAsync(In(4, "V", At(12)));
        Assert.Equal(new RecordReceipt(1, true), (await engine.RecordAsync(In(1, "V", At(8), "req-1"))).Value);
        Assert.Equal(HostingErrorCodes.Record.RequestIdReused, (await engine.RecordAsync(In(5, "V", At(8), "req-1"))).Error.Code);
        Assert.Equal("Visit.TooLate", (await engine.RecordAsync(In(5, "V", At(8), "req-5"))).Error.Code);

        static string VisitErrorCode(EventRejection rejection) => new RejectedEvent(default, rejection).Error.Code;
    }

    [Fact]
    public async Task ConcurrentRecords_CommittedTogether_EachOnce_SameStateAsAReplay()
    {
        using var folder = new TempFolder();
        var entries = Stream(11, 400).Where(e => e is not TickEntry).ToList();
        (string, string) live;
        await using (var engine = await Open(folder, snapshot: false))
        {
            // Two clients each send every entry (the second is a retry storm), all at once.
            var sends = entries.Concat(entries).Select(e => Task.Run(() => engine.RecordAsync(e))).ToList();
            var results = await Task.WhenAll(sends);
            Assert.All(results, r => Assert.True(r.Success || r.Error.Code == "Visit.TooLate", r.Success ? null : r.Error.Code));
            var receipts = results.Where(r => r.Success).Select(r => r.Value).ToList();
            Assert.Equal(receipts.Count(r => !r.Repeated), receipts.Select(r => r.Sequence).Distinct().Count());
            Assert.Equal(engine.LastSequence, receipts.Max(r => r.Sequence));
            live = State(engine);
        }

        await using var replayed = await Open(folder, snapshot: false);
        Assert.Equal(live, State(replayed));
    }

    [Fact]
    public async Task LogRetention_DeletesOnlyEventsNoVisitInTheIndexNeeds_AReplayMakesTheSameIndex()
    {
        using var folder = new TempFolder();
        var clock = new FakeClock(At(7));
        var settings = Settings(folder, snapshot: false) with { Clock = clock };
        (string, string) live;
        await using (var engine = await CheckInEngine.OpenAsync(await SqliteCheckInLog.OpenAsync(folder.File("checkin.db")), settings))
        {
            // Day 0: a visit and a link; day 22 and day 40: a visit each. On day 40 the index keeps 21 days; the log's
            // cut lies a day and ten minutes earlier still (the longest visit, the late check-out window, the horizon).
            await engine.RecordManyAsync([In(1, "market", At(6)), Out(1, "market", At(7)), new LinkEntry(P(1), P(2))]);
            clock.Reset(At((24 * 22) + 7));
            await engine.RecordManyAsync([In(3, "school", At((24 * 22) + 6)), Out(3, "school", At((24 * 22) + 7))]);
            clock.Reset(At((24 * 40) + 7));
            await engine.RecordManyAsync([In(4, "clinic", At((24 * 40) + 6)), Out(4, "clinic", At((24 * 40) + 7))]);
            clock.Reset(At((24 * 40) + 8));
            await engine.TickAsync();

            Assert.Equal(2, await engine.ApplyLogRetentionAsync());
            Assert.Equal(0, await engine.ApplyLogRetentionAsync());
            live = State(engine);
            Assert.Equal(["clinic", "school"], engine.Flush().AllVisits().Select(v => v.Venue).Order(StringComparer.Ordinal));
        }

        // The log left replays to the same index, and the link (kept) still makes 1 and 2 one person.
        await using var replayed = await CheckInEngine.OpenAsync(await SqliteCheckInLog.OpenAsync(folder.File("checkin.db")), settings);
        Assert.Equal(live, State(replayed));
        Assert.Equal(replayed.Registry.Resolve(P(1)), replayed.Registry.Resolve(P(2)));
    }

    [Fact]
    public async Task LinkMidVisit_CheckOutUnderTheOtherCard_ClosesTheVisit_AndTraceFindsTheContact()
    {
        using var folder = new TempFolder();
        await using var engine = await Open(folder);

        // Checked in by chip card (P1); a 1405 code links it to the insurance card (P2), which checks out.
        await engine.RecordAsync(In(1, "clinic", At(8)));
        await engine.RecordAsync(In(3, "clinic", At(8, 10)));
        await engine.RecordAsync(new LinkEntry(P(2), P(1)));
        await engine.RecordAsync(Out(2, "clinic", At(9, 30)));
        await engine.RecordAsync(Out(3, "clinic", At(9, 30)));
        await engine.TickAsync();

        var person = engine.Registry.Resolve(P(1));
        Assert.Equal(person, engine.Registry.Resolve(P(2)));
        var visit = Assert.Single(engine.Index.VisitsOf(person));
        Assert.Equal((At(8), At(9, 30), VisitClosure.CheckedOut), (visit.CheckIn, visit.CheckOut, visit.Closure));

        var result = engine.Trace([new TraceCase(P(2), At(0), At(23))], new ContactTracerOptions { AsOf = At(23) });
        Assert.Equal(P(3), Assert.Single(result.Contacts).Person);

        // Without a time of its own the trace is as of the engine's clock, not the machine's.
        var now = engine.Trace([new TraceCase(P(2), At(0), At(23))], new ContactTracerOptions { MaxDepth = 1 });
        Assert.Equal(Clock.GetCurrentInstant(), now.AsOf);
        Assert.Equal(result.Contacts, now.Contacts);
    }
}
