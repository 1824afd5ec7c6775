using CheckIn.Testing;

namespace CheckIn.Store.PostgreSql.Tests;

/// <summary>One real PostgreSQL server for the test classes of the "postgres" collection; each test makes its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The connection string of the database <see cref="NewStoreAsync"/> made last.</summary>
    public string? LastDatabase { get; private set; }

    /// <summary>A store in a fresh database.</summary>
    public async Task<PostgresVisitStore> NewStoreAsync(PostgresStoreOptions? options = null)
    {
        var database = await Server.CreateDatabaseAsync();
        LastDatabase = database;
        return await PostgresVisitStore.ConnectAsync(database, options);
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresFixture>;
