using CheckIn.Tracing;
using CheckIn.Tracing.Tests.Support;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Store.PostgreSql.Tests;

/// <summary>
/// Provinces on shards, on three real servers (a coordinator joining two shards through postgres_fdw): the sharded
/// trace against the in-memory engine on random worlds, shards added later, and a shard that is down.
/// </summary>
public sealed class ShardedStoreTests(ShardedFixture servers) : IClassFixture<ShardedFixture>
{
    private const int Days = 3;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 6; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task TraceAsync_RandomWorldAcrossTwoShards_SameAsInMemoryEngine(int seed)
    {
        var visits = World.Generate(seed, seed % 2 == 0 ? 200 : 60, 12, Days, 6);
        var (coordinator, a, b) = await servers.NewDatabasesAsync();
        await using var sharded = await PostgresShardedStore.OpenAsync(coordinator, [a, b]);
        await IngestByProvinceAsync(sharded, visits);
        await Differential.AssertSameAsInMemoryAsync(visits, new StoreContactTracer(sharded), Days, randomSeed: seed * 977, caseSeed: seed * 100, $"seed {seed} sharded");
    }

    [Fact]
    public async Task AddShard_Later_TraceCrossesIntoItsProvinces()
    {
        var visits = World.Generate(21, 120, 12, Days, 6);
        var (coordinator, a, b) = await servers.NewDatabasesAsync();
        await using (var first = await PostgresShardedStore.OpenAsync(coordinator, [a]))
        {
            await first.IngestAsync(visits.Where(v => ShardedFixture.ProvinceOf(v.Venue) <= 2), 1);
            await Assert.ThrowsAsync<ArgumentException>(() => first.IngestAsync(visits, 3));
            await first.AddShardAsync(b);
            await first.IngestAsync(visits.Where(v => ShardedFixture.ProvinceOf(v.Venue) > 2), 3);
        }

        // Opened again with both: nothing is joined twice, and the trace crosses both shards.
        await using var sharded = await PostgresShardedStore.OpenAsync(coordinator, [a, b]);
        var cases = World.Cases(visits, 5, 3, Days);
        var options = new ContactTracerOptions { AsOf = World.Start + Duration.FromDays(Days) };
        var expected = Differential.Memory(visits).Trace(cases, options);
        var actual = await new StoreContactTracer(sharded).TraceAsync(cases, options);

        Assert.NotEmpty(actual.Contacts);
        Assert.Equal(expected.Contacts, actual.Contacts);
    }

    [Fact]
    public async Task Open_ProvinceOnTwoShardsOrMoved_IsRefused()
    {
        var (coordinator, a, b) = await servers.NewDatabasesAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresShardedStore.OpenAsync(coordinator, [a, b with { Provinces = [2, 3] }]));
        await (await PostgresShardedStore.OpenAsync(coordinator, [a])).DisposeAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresShardedStore.OpenAsync(coordinator, [a with { Provinces = [1] }]));
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresShardedStore.OpenAsync(coordinator, [a with { Name = "A-1" }]));
    }

    /// <summary>Provinces 1 and 2 on shard A, 3 and 4 on shard B.</summary>
    internal static async Task IngestByProvinceAsync(PostgresShardedStore sharded, List<Visit> visits)
    {
        foreach (var province in visits.GroupBy(v => ShardedFixture.ProvinceOf(v.Venue)))
        {
            await sharded.IngestAsync(province, province.Key);
        }
    }

}

/// <summary>A shard that is down: the trace says which provinces it could not reach, and holds what the others hold.</summary>
public sealed class ShardDownTests(ShardedFixture servers) : IClassFixture<ShardedFixture>
{
    private const int Days = 3;

    [Fact]
    public async Task TraceAsync_ShardDown_WarnsForItsProvincesAndTracesTheRest()
    {
        var visits = World.Generate(31, 200, 12, Days, 6);
        var (coordinator, a, b) = await servers.NewDatabasesAsync();
        await using var sharded = await PostgresShardedStore.OpenAsync(coordinator, [a, b]);
        await ShardedStoreTests.IngestByProvinceAsync(sharded, visits);
        var cases = World.Cases(visits, 7, 4, Days);
        var options = new ContactTracerOptions { AsOf = World.Start + Duration.FromDays(Days) };
        var tracer = new StoreContactTracer(sharded);
        var whole = await tracer.TraceAsync(cases, options);

        servers.ShardB.Kill();
        TraceResult partial;
        try
        {
            partial = await tracer.TraceAsync(cases, options);
        }
        finally
        {
            await servers.ShardB.RestartAsync();
        }

        // What the reachable provinces hold, traced in memory, with the same warnings for cases only shard B knew.
        var reachable = Differential.Memory(visits.Where(v => ShardedFixture.ProvinceOf(v.Venue) <= 2)).Trace(cases, options);
        Assert.DoesNotContain(partial.Contacts, c => ShardedFixture.ProvinceOf(c.Venue!) > 2);
        for (var i = 0; i < Math.Min(reachable.Contacts.Count, partial.Contacts.Count); i++)
        {
            Assert.True(reachable.Contacts[i] == partial.Contacts[i], $"first difference at {i} of {reachable.Contacts.Count}/{partial.Contacts.Count}\nexpected {reachable.Contacts[i]}\nactual   {partial.Contacts[i]}");
        }

        Assert.Equal(reachable.Contacts.Count, partial.Contacts.Count);
        Assert.Equal(
            reachable.Warnings.Select(w => (w.Code, w.Field)).Concat([(PostgreSqlErrorCodes.Shard.Unreachable, 3), (PostgreSqlErrorCodes.Shard.Unreachable, 4)]).Order(),
            partial.Warnings.Select(w => (w.Code, w.Field)).Distinct().Order());
        Assert.True(partial.Contacts.Count < whole.Contacts.Count, "the shard held contacts the partial trace could not find");
        Assert.DoesNotContain(whole.Warnings, w => w.Code == PostgreSqlErrorCodes.Shard.Unreachable);

        // Back up: whole again.
        var again = await tracer.TraceAsync(cases, options);
        Assert.Equal(whole.Contacts, again.Contacts);
    }
}
