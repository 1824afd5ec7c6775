using CheckIn.Testing;

namespace CheckIn.Store.PostgreSql.Tests;

/// <summary>The shared server fixture with a store in a fresh database per test.</summary>
public sealed class StorePostgresFixture : PostgresFixture
{
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
public sealed class PostgresServerGroup : ICollectionFixture<StorePostgresFixture>;
