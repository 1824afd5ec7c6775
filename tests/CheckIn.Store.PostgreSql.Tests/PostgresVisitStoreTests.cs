using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Testing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Tests.Support;
using CheckIn.Tracing.Venues;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace CheckIn.Store.PostgreSql.Tests;

/// <summary>The store's schema, ingest, retention, erasure and loading, on a real PostgreSQL server.</summary>
[Collection("postgres")]
public sealed class PostgresVisitStoreTests(StorePostgresFixture postgres)
{
    private static readonly Instant Day = Instant.FromUtc(2021, 9, 1, 0, 0);

    private static PersonPseudonym P(int n) => new(0, (ulong)n);

    private static Instant At(int hour, int minute = 0) => Day + Duration.FromHours(hour) + Duration.FromMinutes(minute);

    [Fact]
    public async Task Open_NewDatabase_AppliesTheSchemaOnce()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using (var first = await PostgresVisitStore.ConnectAsync(database))
        {
            Assert.Equal(PostgresVisitStore.SchemaVersion, await first.SchemaVersionAsync());
        }

        // Opened again, and by two processes at once: nothing is applied twice.
        var again = await Task.WhenAll(PostgresVisitStore.ConnectAsync(database), PostgresVisitStore.ConnectAsync(database));
        foreach (var store in again)
        {
            Assert.Equal(PostgresVisitStore.SchemaVersion, await store.SchemaVersionAsync());
            await store.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM checkin.schema_migrations", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Open_NewerSchema_IsRefused()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await (await PostgresVisitStore.ConnectAsync(database)).DisposeAsync();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var future = new NpgsqlCommand("INSERT INTO checkin.schema_migrations(version, description) VALUES (99, 'from the future')", connection);
            await future.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresVisitStore.ConnectAsync(database));
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_BadOptions_ListsEveryCode()
    {
        var options = new PostgresStoreOptions { Schema = "Robert'); DROP TABLE visits;--", PartitionDaysAhead = 0, CommandTimeout = Duration.Zero, OverlapIndex = (OverlapIndex)7, Clock = null! };
        var error = await Assert.ThrowsAsync<InvalidOptionsException>(() => PostgresVisitStore.ConnectAsync(postgres.Server.ConnectionString(), options));
        Assert.Equal(
            [PostgreSqlErrorCodes.Options.Schema, PostgreSqlErrorCodes.Options.PartitionDaysAhead, PostgreSqlErrorCodes.Options.CommandTimeout, PostgreSqlErrorCodes.Options.OverlapIndex, PostgreSqlErrorCodes.Options.Clock],
            error.Errors.Select(e => e.Code));
    }

    [Fact]
    public void ErrorCodes_CatalogComplete() => ErrorCatalogAssert.IsComplete(typeof(PostgreSqlErrorCodes), PostgreSqlErrorCodes.Messages, PostgreSqlErrorCodes.All());

    [Fact]
    public async Task Ingest_SameBatchTwice_AddsItOnce()
    {
        await using var store = await postgres.NewStoreAsync();
        var visits = World.Generate(3, persons: 200, venues: 20, days: 4, visitsPerPerson: 8);

        var added = await store.IngestAsync(visits);
        var again = await store.IngestAsync(visits);

        var distinct = visits.Distinct().Count();
        Assert.Equal(distinct, added);
        Assert.Equal(0, again);
        Assert.Equal(distinct, await store.CountAsync());
        Assert.Equal(visits.Select(v => v.CheckIn.InUtc().Date).Distinct().Order(), await store.PartitionDaysAsync());
    }

    [Fact]
    public async Task Add_LivePath_IsIdempotentAndMeetsTheBulkPath()
    {
        await using var store = await postgres.NewStoreAsync();
        Visit[] visits = [new(P(1), "A", At(9), At(10)), new(P(2), "A", At(9, 30), At(11), VisitClosure.DefaultLength)];

        Assert.Equal(2, await store.AddAsync(visits));
        Assert.Equal(0, await store.AddAsync(visits));
        Assert.Equal(0, await store.IngestAsync(visits));
        Assert.Equal(1, await store.AddAsync([new Visit(P(1), "A", At(9), At(10, 30))])); // another end: another visit
        Assert.Equal(3, await store.CountAsync());
    }

    [Fact]
    public async Task Ingest_VisitTooLong_WritesNothingOfItsBatch()
    {
        await using var store = await postgres.NewStoreAsync();
        Visit[] visits = [new(P(1), "A", At(9), At(10)), new(P(2), "A", At(0), At(0) + Duration.FromSeconds(65536))];

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.IngestAsync(visits));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.AddAsync([new Visit(P(3), "A", At(9), At(9) + Duration.FromMilliseconds(500))]));
        Assert.Equal(0, await store.CountAsync());
    }

    [Fact]
    public async Task Ingest_SubSecondTimes_AreKeptToTheSecondAsInMemory()
    {
        await using var store = await postgres.NewStoreAsync();
        await store.IngestAsync([new Visit(P(1), "A", At(9) + Duration.FromMilliseconds(900), At(10) + Duration.FromMilliseconds(100))]);
        var memory = new VisitStore();
        await store.LoadAsync(memory);

        Assert.Equal([new Visit(P(1), "A", At(9), At(10))], memory.Flush().AllVisits());
    }

    [Fact]
    public async Task Load_IntoMemory_GivesBackEveryVisit()
    {
        await using var store = await postgres.NewStoreAsync();
        var visits = World.Generate(5, persons: 300, venues: 25, days: 3, visitsPerPerson: 6);
        await store.IngestAsync(visits);
        var memory = new VisitStore();

        var loaded = await store.LoadAsync(memory);

        var expected = visits.Distinct().ToList();
        Assert.Equal(expected.Count, loaded.Visits);
        Assert.Equal(Sorted(expected), Sorted(memory.Flush().AllVisits()));
    }

    [Fact]
    public async Task CatchUp_AfterWritesAndAnErasure_MemoryHoldsWhatTheDatabaseHolds()
    {
        await using var store = await postgres.NewStoreAsync();
        var first = World.Generate(11, persons: 100, venues: 10, days: 2, visitsPerPerson: 5);
        await store.IngestAsync(first);
        var memory = new VisitStore();
        var load = await store.LoadAsync(memory);
        memory.Flush();

        var second = World.Generate(12, persons: 50, venues: 10, days: 2, visitsPerPerson: 5);
        await store.IngestAsync(second);
        var erased = first[0].Person;
        await store.EraseAsync(erased);
        var step = await store.CatchUpAsync(memory, load.Cursor);
        var idle = await store.CatchUpAsync(memory, step.Cursor);

        Assert.Equal(second.Distinct().Count(), step.Visits);
        Assert.Equal(1, step.Erased);
        Assert.Equal((0, 0), (idle.Visits, idle.Erased));
        var expected = first.Concat(second).Where(v => v.Person != erased).Distinct();
        Assert.Equal(Sorted(expected), Sorted(memory.Snapshot.AllVisits()));
    }

    [Fact]
    public async Task CatchUp_TransactionThatCommitsLate_IsNotSkipped()
    {
        await using var store = await postgres.NewStoreAsync();
        await store.IngestAsync([new Visit(P(1), "A", At(8), At(9))]);
        var memory = new VisitStore();
        var load = await store.LoadAsync(memory);

        // A writer opens its transaction and inserts; another commits after it; the first commits last.
        await using var slow = new NpgsqlConnection(postgres.LastDatabase);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO checkin.visits(person, venue, start_at, end_at, closure) VALUES ('00000000-0000-0000-0000-000000000002', 'A', '2021-09-01 09:00+00', '2021-09-01 10:00+00', 0)", slow, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await store.AddAsync([new Visit(P(3), "A", At(9), At(10))]);
        var before = await store.CatchUpAsync(memory, load.Cursor);
        await transaction.CommitAsync();
        var after = await store.CatchUpAsync(memory, before.Cursor);

        Assert.Equal(1, before.Visits);
        Assert.Equal(1, after.Visits);
        Assert.Equal([P(1), P(2), P(3)], memory.Snapshot.AllVisits().Select(v => v.Person).Order(Comparer<PersonPseudonym>.Create((a, b) => a.Low.CompareTo(b.Low))));
    }

    [Fact]
    public async Task Follow_WriterCommits_CopyIsCurrentWithoutPolling()
    {
        await using var store = await postgres.NewStoreAsync();
        var memory = new VisitStore();
        var load = await store.LoadAsync(memory);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var follow = store.FollowAsync(memory, load.Cursor, Duration.FromHours(1), stop.Token).GetAsyncEnumerator(stop.Token);

        // The first catch-up finds nothing and waits for a notification (the poll is an hour: only NOTIFY wakes it).
        var next = follow.MoveNextAsync().AsTask();
        await Task.Delay(300);
        await store.AddAsync([new Visit(P(1), "A", At(9), At(10))]);

        Assert.True(await next);
        Assert.Equal(1, follow.Current.Visits);
        Assert.Equal([P(1)], memory.Snapshot.AllVisits().Select(v => v.Person));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task DropPartitionsBefore_DropsWholeDaysOnly()
    {
        await using var store = await postgres.NewStoreAsync();
        await store.IngestAsync([
            new Visit(P(1), "A", At(9), At(10)),
            new Visit(P(1), "A", At(9) + Duration.FromDays(1), At(10) + Duration.FromDays(1)),
            new Visit(P(1), "A", At(9) + Duration.FromDays(2), At(10) + Duration.FromDays(2)),
        ]);

        // The cut falls inside the second day: the first is dropped, the second stays until it has passed.
        var dropped = await store.DropPartitionsBeforeAsync(Day + Duration.FromDays(1) + Duration.FromHours(12));

        Assert.Equal(1, dropped);
        Assert.Equal(2, await store.CountAsync());
        Assert.Equal([new LocalDate(2021, 9, 2), new LocalDate(2021, 9, 3)], await store.PartitionDaysAsync());

        // A visit on a dropped day is taken again (its partition is made anew).
        Assert.Equal(1, await store.IngestAsync([new Visit(P(2), "A", At(9), At(10))]));
    }

    [Fact]
    public async Task Maintain_MakesPartitionsAhead()
    {
        var clock = new FakeClock(Instant.FromUtc(2021, 9, 10, 23, 59));
        await using var store = await postgres.NewStoreAsync(new PostgresStoreOptions { Clock = clock, PartitionDaysAhead = 3 });

        await store.MaintainAsync();

        var today = new LocalDate(2021, 9, 10);
        Assert.Equal([today, today.PlusDays(1), today.PlusDays(2), today.PlusDays(3)], await store.PartitionDaysAsync());
    }

    [Fact]
    public async Task Erase_RemovesThePersonUnderEveryLinkedPseudonym()
    {
        await using var store = await postgres.NewStoreAsync();
        await store.IngestAsync([
            new Visit(P(1), "A", At(9), At(10)),
            new Visit(P(2), "B", At(9), At(10)),
            new Visit(P(3), "C", At(9), At(10)),
            new Visit(P(4), "A", At(9), At(10)),
        ]);
        Assert.Equal(2, await store.SaveLinksAsync([(P(2), P(1)), (P(2), P(3)), (P(3), P(2))]));

        var erased = await store.EraseAsync(P(3));

        Assert.Equal(3, erased);
        var memory = new VisitStore();
        await store.LoadAsync(memory);
        Assert.Equal([P(4)], memory.Flush().AllVisits().Select(v => v.Person));
        var registry = new PersonRegistry();
        Assert.Equal(0, await store.LoadLinksAsync(registry));
    }

    [Fact]
    public async Task VenuesAndLinks_RoundTripIntoTheInMemoryRegistries()
    {
        await using var store = await postgres.NewStoreAsync();
        var venues = new VenueRegistry();
        var market = venues.Register("tokhaiyte:5F8A1C2B3D4E5F6A7B8C9D0E", VenueKind.Market, AdministrativeUnits.Default.Communes(AdministrativeEra.Legacy)[0].Code, "Chợ Đông Ba").Value;
        var school = venues.Register("school-1", VenueKind.School).Value;
        await store.SaveVenuesAsync([market, school]);
        await store.SaveVenuesAsync([school with { Kind = VenueKind.Office }]);
        await store.SaveLinksAsync([(P(1), P(2))]);

        var loaded = new VenueRegistry();
        var refused = await store.LoadVenuesAsync(loaded);
        var persons = new PersonRegistry();
        await store.LoadLinksAsync(persons);

        Assert.Empty(refused);
        Assert.Equal(market, loaded.Find(market.Key));
        Assert.Equal(VenueKind.Office, loaded.KindOf("school-1"));
        Assert.Equal(persons.Resolve(P(1)), persons.Resolve(P(2)));
    }

    [Fact]
    public async Task Ingest_Cancelled_Throws()
    {
        await using var store = await postgres.NewStoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.IngestAsync([new Visit(P(1), "A", At(9), At(10))], cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task Store_HoldsPseudonymsOnly()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var store = await PostgresVisitStore.ConnectAsync(database);
        var pseudonymizer = new PersonPseudonymizer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var person = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "079301000456");
        await store.IngestAsync([new Visit(person, "A", At(9), At(10))]);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var dump = new NpgsqlCommand("SELECT person::text FROM checkin.visits", connection);
        var stored = (string)(await dump.ExecuteScalarAsync())!;
        Assert.DoesNotContain("079301000456", stored, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(Bytes(person)), stored.Replace("-", "", StringComparison.Ordinal));
    }

    private static byte[] Bytes(PersonPseudonym person)
    {
        var bytes = new byte[PersonPseudonym.SizeInBytes];
        person.WriteBytes(bytes);
        return bytes;
    }

    private static List<Visit> Sorted(IEnumerable<Visit> visits) =>
        [.. visits.OrderBy(v => v.Person.High).ThenBy(v => v.Person.Low).ThenBy(v => v.CheckIn).ThenBy(v => v.Venue, StringComparer.Ordinal).ThenBy(v => v.CheckOut).ThenBy(v => v.Closure)];
}
