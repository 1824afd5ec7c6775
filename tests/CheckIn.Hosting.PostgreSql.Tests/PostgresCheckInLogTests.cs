using CheckIn.Hosting.Log;
using CheckIn.Hosting.Tests;
using CheckIn.Testing;
using Npgsql;
using static CheckIn.Hosting.Tests.Events;

namespace CheckIn.Hosting.PostgreSql.Tests;

[CollectionDefinition("postgres")]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresFixture>;

/// <summary>The log contract on a real PostgreSQL server, and what only a server can get wrong.</summary>
[Collection("postgres")]
public sealed class PostgresCheckInLogTests(PostgresFixture postgres) : CheckInLogContract, IAsyncLifetime
{
    private string _database = string.Empty;

    public async Task InitializeAsync() => _database = await postgres.Server.CreateDatabaseAsync("log");

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<ICheckInLog> OpenLogAsync() => await PostgresCheckInLog.OpenAsync(_database);

    [Fact]
    public async Task Append_EventsByDay_EachDayItsPartition_RetentionDropsWholeDays()
    {
        await using var log = await PostgresCheckInLog.OpenAsync(_database);
        await log.AppendAsync([In(1, "V", At(8) - NodaTime.Duration.FromDays(2)), In(2, "V", At(8) - NodaTime.Duration.FromDays(1)), In(3, "V", At(8))], At(9));
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        Assert.Equal(3, (await Store.PostgreSql.PostgresDayPartitions.DaysAsync(connection, "checkin", "log_events")).Count);

        Assert.Equal(2, await log.DeleteEventsBeforeAsync(At(0)));
        Assert.Equal([At(8).InUtc().Date], await Store.PostgreSql.PostgresDayPartitions.DaysAsync(connection, "checkin", "log_events"));
        Assert.Equal([3L], (await log.ReadAfterAsync(0).ToListAsync()).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Append_TwoLogsOnOneDatabase_SequencesInCommitOrder()
    {
        // Two hosts writing one log: every sequence is given once, and a reader sees them in order with no gap.
        await using var first = await PostgresCheckInLog.OpenAsync(_database);
        await using var second = await PostgresCheckInLog.OpenAsync(_database);
        var writes = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).AppendAsync([In(i, "V", At(8), $"r-{i}")], At(8)));
        var appended = (await Task.WhenAll(writes)).Select(r => r[0].Value.Sequence).Order().ToList();

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), appended);
        Assert.Equal(appended, (await first.ReadAfterAsync(0).ToListAsync()).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Open_NewerSchema_IsRefused()
    {
        await (await PostgresCheckInLog.OpenAsync(_database)).DisposeAsync();
        await using (var connection = new NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            await using var future = new NpgsqlCommand("INSERT INTO checkin.log_migrations(version) VALUES (7)", connection);
            await future.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await PostgresCheckInLog.OpenAsync(_database));
        await Assert.ThrowsAsync<ArgumentException>(async () => await PostgresCheckInLog.OpenAsync(_database, "Bad-Schema"));
    }

    [Fact]
    public async Task Log_HoldsPseudonymsOnly()
    {
        var pseudonymizer = new Tracing.Privacy.PersonPseudonymizer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var person = pseudonymizer.Pseudonymize(Tracing.Privacy.IdentifierKind.CitizenId, "079301000456");
        await using var log = await PostgresCheckInLog.OpenAsync(_database);
        await log.AppendAsync([new EventEntry(new Tracing.Visits.CheckInEvent(person, "V", Core.Places.VenueKind.Market, At(8), Tracing.Visits.CheckInEventKind.CheckIn), Tracing.Csv.EventChannel.StaffScan, "desk", [])], At(8));

        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var dump = new NpgsqlCommand("SELECT string_agg(t::text, ' ') FROM checkin.log_events t", connection);
        var text = (string)(await dump.ExecuteScalarAsync())!;
        Assert.DoesNotContain("079301000456", text, StringComparison.Ordinal);
    }
}
