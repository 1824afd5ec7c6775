using CheckIn.Testing;

namespace CheckIn.Service.Tests;

/// <summary>Every service test with the event log in the embedded SQLite file.</summary>
public sealed class SqliteServiceTests() : ServiceTests(null);

/// <summary>
/// Every service test with the event log in PostgreSQL, a fresh database per test on one real server (test classes are
/// made synchronously, so the database is made by blocking on the server's answer).
/// </summary>
[Collection("postgres")]
public sealed class PostgresServiceTests(PostgresFixture postgres) : ServiceTests(postgres.Server.CreateDatabaseAsync("service").GetAwaiter().GetResult());

[CollectionDefinition("postgres")]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresFixture>;
