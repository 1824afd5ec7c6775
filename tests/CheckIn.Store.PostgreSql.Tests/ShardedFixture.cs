using CheckIn.Testing;

namespace CheckIn.Store.PostgreSql.Tests;

/// <summary>
/// Three real PostgreSQL servers on their own loopback ports: a coordinator and two shards. Each test makes fresh
/// databases on all three, so tests share the servers but not the data.
/// </summary>
public sealed class ShardedFixture : IAsyncLifetime
{
    private readonly List<PostgresServer> _servers = [];

    public PostgresServer Coordinator => _servers[0];

    public PostgresServer ShardA => _servers[1];

    public PostgresServer ShardB => _servers[2];

    /// <summary>Provinces 1 and 2 on shard A, 3 and 4 on shard B.</summary>
    public static int ProvinceOf(string venue) => (int.Parse(venue.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) % 4) + 1;

    public async Task InitializeAsync()
    {
        var started = await Task.WhenAll(PostgresServer.StartAsync(), PostgresServer.StartAsync(), PostgresServer.StartAsync());
        _servers.AddRange(started);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Fresh databases on the three servers, and the shards' descriptions over them.</summary>
    public async Task<(string Coordinator, PostgresShard A, PostgresShard B)> NewDatabasesAsync() =>
        (await Coordinator.CreateDatabaseAsync("coordinator"),
         new PostgresShard("a", await ShardA.CreateDatabaseAsync("shard"), [1, 2]),
         new PostgresShard("b", await ShardB.CreateDatabaseAsync("shard"), [3, 4]));
}
