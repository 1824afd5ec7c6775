using CheckIn.Testing;

namespace CheckIn.Service.Tests;

/// <summary>Every service test with the event log in the embedded SQLite file.</summary>
public sealed class SqliteServiceTests() : ServiceTests(null);

/// <summary>Every service test with the event log in PostgreSQL, a fresh database per test on one real server.</summary>
[Collection("postgres")]
public sealed class PostgresServiceTests(PostgresFixture postgres) : ServiceTests(postgres.NewDatabase());

/// <summary>One real PostgreSQL server for the service tests.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A fresh database (test classes are made synchronously, so this blocks on the server's answer).</summary>
    public string NewDatabase() => (_server ?? throw new InvalidOperationException("The server has not started.")).CreateDatabaseAsync("service").GetAwaiter().GetResult();
}

[CollectionDefinition("postgres")]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresFixture>;
