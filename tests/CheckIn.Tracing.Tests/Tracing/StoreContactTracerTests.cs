using CheckIn.Core;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Tests.Support;
using CheckIn.Tracing.Visits;
using NodaTime;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Tracing;

/// <summary>
/// The hop-by-hop tracer over a store gives the in-memory engine's contacts: the store here is the pairwise reference,
/// so what is tested is the tracer's half (levels, ties, scores, caps, expansion); the PostgreSQL store's half is tested
/// against a real server in its own project.
/// </summary>
public sealed class StoreContactTracerTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 25; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task TraceAsync_RandomWorld_SameAsInMemoryEngine(int seed)
    {
        const int Days = 3;
        var visits = World.Generate(seed, seed % 3 == 0 ? 120 : 40, seed % 2 == 0 ? 12 : 5, Days, 6);
        var store = new VisitStore();
        store.AddRange(visits);
        var memory = new ContactTracer(store.Flush());
        var tracer = new StoreContactTracer(new ListTraceStore(visits));
        var random = new Random(seed * 17);
        for (var round = 0; round < 4; round++)
        {
            var cases = World.Cases(visits, seed * 10 + round, 1 + random.Next(3), Days);
            var options = World.StoreTraceOptions(random, Days);
            var expected = memory.Trace(cases, options);
            var actual = await tracer.TraceAsync(cases, options);
            Assert.Equal(expected.Contacts, actual.Contacts);
            Assert.Equal(expected.Notices, actual.Notices);
            Assert.Equal(expected.Warnings, actual.Warnings);
            Assert.Equal(expected.Hops.Select(h => (h.Level, h.Sources, h.Exposures, h.Contacts, h.BelowMinScore, h.BeyondTop, h.Expanded)),
                actual.Hops.Select(h => (h.Level, h.Sources, h.Exposures, h.Contacts, h.BelowMinScore, h.BeyondTop, h.Expanded)));
        }
    }

    [Fact]
    public async Task TraceAsync_ChainOfThree_FindsEachLevelWithEvidence()
    {
        Visit[] visits =
        [
            new(P(1), "A", At(9), At(10)),
            new(P(2), "A", At(9, 30), At(11)),
            new(P(2), "B", At(12), At(13), VisitClosure.DefaultLength),
            new(P(3), "B", At(12, 30), At(14)),
        ];
        var tracer = new StoreContactTracer(new ListTraceStore(visits));
        var result = await tracer.TraceAsync([new TraceCase(P(1), At(0), At(23))], new ContactTracerOptions { AsOf = At(23) });

        Assert.Collection(result.Contacts,
            c => Assert.Equal((P(2), 1, At(9, 30), "A", Duration.FromMinutes(30), P(1)), (c.Person, c.Level, c.ExposedAt, c.Venue!, c.Overlap, c.Source)),
            c =>
            {
                Assert.Equal((P(3), 2, At(12, 30), "B"), (c.Person, c.Level, c.ExposedAt, c.Venue!));
                Assert.True(c.SourceVisit!.Value.IsAssumed);
            });
        Assert.Equal([new CheckIn.Tracing.Notices.ExposureNotice("A", At(9), At(10))], result.Notices);
    }

    [Fact]
    public async Task TraceAsync_UnknownCaseAndStoreWarnings_AreReported()
    {
        var unreachable = new CheckInError("PostgreSql.ShardUnreachable", TracingErrorCodes.Messages);
        var tracer = new StoreContactTracer(new ListTraceStore([new(P(1), "A", At(9), At(10))], [unreachable]));
        var result = await tracer.TraceAsync([new TraceCase(P(9), At(0), At(23)), new TraceCase(P(1), At(0), At(23))], new ContactTracerOptions { AsOf = At(23) });

        Assert.Contains(result.Warnings, w => w.Code == TracingErrorCodes.Trace.UnknownCase && (int?)w.Field == 0);
        Assert.Contains(result.Warnings, w => w.Code == "PostgreSql.ShardUnreachable");
        Assert.Empty(result.Contacts);
    }

    [Fact]
    public async Task TraceAsync_Crowding_IsRefused()
    {
        var tracer = new StoreContactTracer(new ListTraceStore([]));
        await Assert.ThrowsAsync<ArgumentException>(() => tracer.TraceAsync([new TraceCase(P(1), At(0), At(1))], new ContactTracerOptions { Risk = RiskModel.Default with { UseCrowding = true } }));
    }

    [Fact]
    public async Task TraceAsync_CaseTwice_IsRefused()
    {
        var tracer = new StoreContactTracer(new ListTraceStore([]));
        await Assert.ThrowsAsync<ArgumentException>(() => tracer.TraceAsync([new TraceCase(P(1), At(0), At(1)), new TraceCase(P(1), At(2), At(3))]));
    }

    [Fact]
    public async Task TraceAsync_Cancelled_Throws()
    {
        var tracer = new StoreContactTracer(new ListTraceStore([new(P(1), "A", At(9), At(10))]));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tracer.TraceAsync([new TraceCase(P(1), At(0), At(23))], cancellationToken: cancelled.Token));
    }
}
