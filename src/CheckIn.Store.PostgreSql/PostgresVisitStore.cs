using System.Collections.Concurrent;
using System.Globalization;
using CheckIn.Core;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Venues;
using CheckIn.Tracing.Visits;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CheckIn.Store.PostgreSql;

/// <summary>
/// The national store of visits on PostgreSQL: the system of record that many apps write to and tracers read from.
/// Visits are kept under pseudonymized person keys (a <see cref="PersonPseudonym"/> as a <c>uuid</c>; never an ID
/// number) in one partition per UTC day, with the venue registry and the links between pseudonyms of one person.
/// Thread-safe: every call takes its own pooled connection.
/// </summary>
/// <remarks>
/// <para>The schema is applied by <see cref="OpenAsync(NpgsqlDataSource, PostgresStoreOptions?, CancellationToken)"/>
/// as numbered migrations under an advisory lock, so several processes can open one database at once.</para>
/// <para>A visit is the row <c>(person, venue, start, end, closure)</c>, times to the second; the same row written
/// twice is kept once (re-ingesting a batch adds nothing), and, as in the in-memory index, a visit is at least one
/// second and at most 18 h 12 min 15 s long.</para>
/// <para>The store answers traces where the visits are (<see cref="ITraceStore"/>, for <see cref="StoreContactTracer"/>):
/// one query per hop, with exactly the in-memory engine's matching rule.</para>
/// </remarks>
public sealed class PostgresVisitStore : ITraceStore, IAsyncDisposable
{
    /// <summary>The newest schema version this class applies and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The longest visit, in seconds (the in-memory index's limit).</summary>
    internal const int MaxVisitSeconds = ushort.MaxValue;

    private const int BatchSize = 50_000;
    private static readonly Instant Earliest = Instant.FromUtc(2020, 1, 1, 0, 0) - Duration.FromSeconds(-(long)int.MinValue);
    private static readonly Instant Latest = Instant.FromUtc(2020, 1, 1, 0, 0) + Duration.FromSeconds(int.MaxValue);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly ConcurrentDictionary<LocalDate, bool> _partitions = new();

    private PostgresVisitStore(NpgsqlDataSource dataSource, bool ownsDataSource, PostgresStoreOptions options)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Options = options;
        Sql = new StoreSql(options.Schema, options.OverlapIndex);
    }

    /// <summary>The options the store was opened with.</summary>
    public PostgresStoreOptions Options { get; }

    internal StoreSql Sql { get; }

    internal int CommandTimeoutSeconds => (int)Options.CommandTimeout.TotalSeconds;

    /// <summary>Connects to the database a connection string names and opens the store there, applying the schema.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="options">The layout, or null for <see cref="PostgresStoreOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops opening.</param>
    /// <returns>The store; dispose it to close its connections.</returns>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The database holds a newer schema version than this class knows.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refused a statement.</exception>
    public static async Task<PostgresVisitStore> ConnectAsync(string connectionString, PostgresStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            return await OpenAsync(dataSource, options, ownsDataSource: true, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens the store over a data source the host owns (and disposes), applying the schema.</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="options">The layout, or null for <see cref="PostgresStoreOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The database holds a newer schema version than this class knows.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refused a statement.</exception>
    public static Task<PostgresVisitStore> OpenAsync(NpgsqlDataSource dataSource, PostgresStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return OpenAsync(dataSource, options, ownsDataSource: false, cancellationToken);
    }

    private static async Task<PostgresVisitStore> OpenAsync(NpgsqlDataSource dataSource, PostgresStoreOptions? options, bool ownsDataSource, CancellationToken cancellationToken)
    {
        options ??= PostgresStoreOptions.Default;
        InvalidOptionsException.ThrowIfAny(options.Validate(), nameof(options));
        var store = new PostgresVisitStore(dataSource, ownsDataSource, options);
        await Migrations.ApplyAsync(dataSource, store.Sql, store.CommandTimeoutSeconds, cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>The schema version the database is at (after opening, <see cref="SchemaVersion"/>).</summary>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The version.</returns>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT COALESCE(MAX(version), 0) FROM {Sql.Schema}.schema_migrations");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Bulk ingest by binary <c>COPY</c>: each batch of 50,000 visits is copied into a staging table and inserted in one
    /// transaction, skipping rows the store already holds, so re-ingesting a batch (a retried upload, a replayed file)
    /// adds nothing. Partitions for the batch's days are made first.
    /// </summary>
    /// <param name="visits">The visits (read once, a batch at a time).</param>
    /// <param name="province">
    /// The province code of the visits' venues (1 to 999; 0, the default, for none): what a sharded deployment routes
    /// by (<see cref="PostgresShardedStore"/>).
    /// </param>
    /// <param name="cancellationToken">Stops between and during batches; batches committed before stay.</param>
    /// <returns>How many visits were new.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A visit is longer than 18 h 12 min 15 s, shorter than a second once cut to whole seconds, or outside 1952–2088;
    /// nothing of its batch was written. Or the province code is out of range.
    /// </exception>
    public async Task<long> IngestAsync(IEnumerable<Visit> visits, int province = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visits);
        CheckProvince(province);
        long added = 0;
        foreach (var batch in visits.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Rows(batch, province);
            added += await WithPartitionsAsync(rows, (connection, ct) => CopyAsync(connection, rows, ct), cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>
    /// The live path: adds a few visits (a service's group commit) with one prepared statement, in one transaction,
    /// skipping rows the store already holds.
    /// </summary>
    /// <param name="visits">The visits (at most 50,000).</param>
    /// <param name="province">The province code of the visits' venues (0, the default, for none).</param>
    /// <param name="cancellationToken">Stops before the commit (then nothing was added).</param>
    /// <returns>How many visits were new.</returns>
    /// <exception cref="ArgumentException">More than 50,000 visits.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A visit does not fit the store (as for <see cref="IngestAsync"/>), or the province code is out of range; nothing was written.</exception>
    public async Task<long> AddAsync(IReadOnlyList<Visit> visits, int province = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visits);
        CheckProvince(province);
        if (visits.Count > BatchSize)
        {
            throw new ArgumentException($"The live path takes at most {BatchSize:N0} visits a call; use IngestAsync for bulk loads.", nameof(visits));
        }

        if (visits.Count == 0)
        {
            return 0;
        }

        var rows = Rows(visits, province);
        return await WithPartitionsAsync(rows, (connection, ct) => InsertAsync(connection, rows, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the partitions from today (UTC, by <see cref="PostgresStoreOptions.Clock"/>) to
    /// <see cref="PostgresStoreOptions.PartitionDaysAhead"/> days ahead, so live inserts never wait for one. Run it daily
    /// (the hosting package's maintenance does).
    /// </summary>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>A task that completes when the partitions exist.</returns>
    public Task MaintainAsync(CancellationToken cancellationToken = default)
    {
        var today = Options.Clock.GetCurrentInstant().InUtc().Date;
        return EnsurePartitionsAsync(Enumerable.Range(0, Options.PartitionDaysAhead + 1).Select(today.PlusDays), cancellationToken);
    }

    /// <summary>The days (UTC) the store has a partition for, oldest first.</summary>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The days.</returns>
    public async Task<IReadOnlyList<LocalDate>> PartitionDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await PostgresDayPartitions.DaysAsync(connection, Sql.Schema, "visits", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Retention by whole days: drops every partition whose day ends at or before <paramref name="before"/> (a drop is
    /// instant and leaves no dead rows behind, unlike a delete). Visits of the day that contains the cut stay until
    /// that day has passed. Erasure notes older than the cut are forgotten too.
    /// </summary>
    /// <param name="before">The retention cut (for example now less 21 days).</param>
    /// <param name="cancellationToken">Stops the work (days dropped already stay dropped).</param>
    /// <returns>How many days were dropped.</returns>
    public async Task<int> DropPartitionsBeforeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var dropped = await PostgresDayPartitions.DropBeforeAsync(connection, Sql.Schema, "visits", before, CommandTimeoutSeconds, cancellationToken).ConfigureAwait(false);
        await using (var forget = Command(connection, $"DELETE FROM {Sql.Schema}.erasures WHERE erased_at < @before"))
        {
            forget.Parameters.Add(new NpgsqlParameter<DateTime>("before", before.ToDateTimeUtc()));
            await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var day in dropped)
        {
            _partitions.TryRemove(day, out _);
        }

        return dropped.Count;
    }

    /// <summary>
    /// Erases one person: every visit under the pseudonym and under every pseudonym linked to it
    /// (<see cref="SaveLinksAsync"/>), and the links themselves, in one transaction. The pseudonyms erased are noted
    /// for the in-memory caches (<see cref="CatchUpAsync"/> erases them there too) until retention drops the note.
    /// </summary>
    /// <param name="person">Any of the person's pseudonyms.</param>
    /// <param name="cancellationToken">Stops before the commit (then nothing was erased).</param>
    /// <returns>How many visits were erased.</returns>
    public async Task<long> EraseAsync(PersonPseudonym person, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"""
            WITH RECURSIVE linked(person) AS (
              SELECT @person::uuid
              UNION
              SELECT CASE WHEN l.first = linked.person THEN l.second ELSE l.first END
              FROM {Sql.Schema}.person_links l JOIN linked ON l.first = linked.person OR l.second = linked.person
            ),
            gone_links AS (
              DELETE FROM {Sql.Schema}.person_links l USING linked WHERE l.first = linked.person OR l.second = linked.person
            ),
            gone AS (
              DELETE FROM {Sql.Schema}.visits v USING linked WHERE v.person = linked.person RETURNING 1
            ),
            told AS (
              INSERT INTO {Sql.Schema}.erasures(person) SELECT person FROM linked
            )
            SELECT count(*) FROM gone
            """, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("person", PseudonymUuid.Of(person)));
        var erased = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await NotifyAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return erased;
    }

    /// <summary>How many visits the store holds.</summary>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <returns>The count.</returns>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT count(*) FROM {Sql.Schema}.visits");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Loads every visit into an in-memory store (one consistent snapshot of the database, streamed by binary
    /// <c>COPY</c>), so an in-memory tracer node serves traces from the database's visits; the cursor it returns is where
    /// <see cref="CatchUpAsync"/> and <see cref="FollowAsync"/> go on from.
    /// </summary>
    /// <param name="target">The in-memory store to add to (flush it after, or let it publish as its segments fill).</param>
    /// <param name="cancellationToken">Stops the load (what was added stays in the target).</param>
    /// <returns>How many visits were loaded, and the cursor after them.</returns>
    public async Task<VisitLoad> LoadAsync(VisitStore target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var cursor = await SnapshotAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using var export = await connection.BeginBinaryExportAsync(
            $"COPY (SELECT person, venue, start_at, end_at, closure FROM {Sql.Schema}.visits) TO STDOUT (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        export.Timeout = Options.CommandTimeout.ToTimeSpan();
        var batch = new List<Visit>(BatchSize);
        long loaded = 0;
        while (await export.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
        {
            var person = PseudonymUuid.ToPseudonym(await export.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false));
            var venue = await export.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            var start = Instant.FromDateTimeUtc(await export.ReadAsync<DateTime>(NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false));
            var end = Instant.FromDateTimeUtc(await export.ReadAsync<DateTime>(NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false));
            var closure = ClosureCode.ToClosure(await export.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false));
            batch.Add(new Visit(person, venue, start, end, closure));
            if (batch.Count == BatchSize)
            {
                target.AddRange(batch);
                loaded += batch.Count;
                batch.Clear();
            }
        }

        target.AddRange(batch);
        return new VisitLoad(loaded + batch.Count, 0, cursor);
    }

    /// <summary>
    /// Brings an in-memory store up to date from a cursor: erases there the persons erased since, then adds and publishes
    /// (flushes) the visits committed since (in whatever order their transactions committed: the cursor is a transaction snapshot, not a
    /// sequence number, so a long transaction that commits late is not skipped).
    /// </summary>
    /// <param name="target">The in-memory store <see cref="LoadAsync"/> filled.</param>
    /// <param name="after">The cursor of the last load or catch-up.</param>
    /// <param name="cancellationToken">Stops the catch-up (nothing was added then; erasures already applied stay).</param>
    /// <returns>How many visits were added and persons erased, and the new cursor.</returns>
    public async Task<VisitLoad> CatchUpAsync(VisitStore target, VisitCursor after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(after);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var cursor = await SnapshotAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        const string Since = "xid >= pg_snapshot_xmin(@after::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, @after::pg_snapshot)";
        var erased = new List<PersonPseudonym>();
        await using (var erasures = Command(connection, $"SELECT DISTINCT person FROM {Sql.Schema}.erasures WHERE {Since}", transaction))
        {
            erasures.Parameters.AddWithValue("after", after.Snapshot);
            await using var reader = await erasures.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                erased.Add(PseudonymUuid.ToPseudonym(reader.GetGuid(0)));
            }
        }

        var visits = new List<Visit>();
        await using (var added = Command(connection, $"SELECT person, venue, start_at, end_at, closure FROM {Sql.Schema}.visits WHERE {Since}", transaction))
        {
            added.Parameters.AddWithValue("after", after.Snapshot);
            await using var reader = await added.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                visits.Add(new Visit(PseudonymUuid.ToPseudonym(reader.GetGuid(0)), reader.GetString(1), Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(2)),
                    Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(3)), ClosureCode.ToClosure(reader.GetInt16(4))));
            }
        }

        if (erased.Count > 0)
        {
            target.Erase(erased);
        }

        if (visits.Count > 0)
        {
            target.AddRange(visits);
            target.Flush(cancellationToken);
        }

        return new VisitLoad(visits.Count, erased.Count, cursor);
    }

    /// <summary>
    /// Keeps an in-memory store current: catches up at once, then each time a writer commits visits or an erasure
    /// (<c>LISTEN</c>/<c>NOTIFY</c>, which the store's own writes send), and at least every <paramref name="poll"/> in case a
    /// notification was missed (a dropped connection: it is opened again). Yields after each catch-up that changed
    /// something; ends when cancelled.
    /// </summary>
    /// <param name="target">The in-memory store <see cref="LoadAsync"/> filled.</param>
    /// <param name="from">The cursor of that load.</param>
    /// <param name="poll">The longest wait between catch-ups (1 second to 1 hour).</param>
    /// <param name="cancellationToken">Ends the loop.</param>
    /// <returns>Each catch-up's counts and cursor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The poll interval is out of range.</exception>
    public async IAsyncEnumerable<VisitLoad> FollowAsync(VisitStore target, VisitCursor from, Duration poll, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(poll, Duration.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(poll, Duration.FromHours(1));
        var cursor = from;
        NpgsqlConnection? listener = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                listener ??= await ListenAsync(cancellationToken).ConfigureAwait(false);
                var step = await CatchUpAsync(target, cursor, cancellationToken).ConfigureAwait(false);
                cursor = step.Cursor;
                if (step.Visits > 0 || step.Erased > 0)
                {
                    yield return step;
                }

                try
                {
                    await listener.WaitAsync(poll.ToTimeSpan(), cancellationToken).ConfigureAwait(false);
                }
                catch (NpgsqlException)
                {
                    await listener.DisposeAsync().ConfigureAwait(false);
                    listener = null;
                }
            }
        }
        finally
        {
            if (listener is not null)
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Registers venues, or updates them (the kind, the commune's code, the name).</summary>
    /// <param name="venues">The venues, as a <see cref="VenueRegistry"/> holds them.</param>
    /// <param name="cancellationToken">Stops before the commit.</param>
    /// <returns>How many were written.</returns>
    public async Task<int> SaveVenuesAsync(IEnumerable<VenueRecord> venues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(venues);
        var list = venues.ToList();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"""
            INSERT INTO {Sql.Schema}.venues(venue, kind, commune, name)
            SELECT * FROM unnest(@venue::text[], @kind::smallint[], @commune::int[], @name::text[])
            ON CONFLICT (venue) DO UPDATE SET kind = excluded.kind, commune = excluded.commune, name = excluded.name
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("venue", [.. list.Select(v => v.Key)]));
        command.Parameters.Add(new NpgsqlParameter<short[]>("kind", [.. list.Select(v => (short)v.Kind)]));
        command.Parameters.Add(new NpgsqlParameter<int?[]>("commune", [.. list.Select(v => v.Commune?.Code)]));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("name", [.. list.Select(v => v.Name)]));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads the venue registry into an in-memory one (for default visit lengths and reports by commune).</summary>
    /// <param name="target">The registry to register into.</param>
    /// <param name="cancellationToken">Stops the load.</param>
    /// <returns>The venues the target refused (a commune code of another era, for example), each as a coded error with its row.</returns>
    public async Task<IReadOnlyList<CheckInError>> LoadVenuesAsync(VenueRegistry target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT venue, kind, commune, name FROM {Sql.Schema}.venues ORDER BY venue");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var refused = new List<CheckInError>();
        var row = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = (Core.Places.VenueKind)reader.GetInt16(1);
            var result = target.Register(reader.GetString(0), Enum.IsDefined(kind) ? kind : Core.Places.VenueKind.Unspecified, reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3));
            if (!result.Success)
            {
                refused.Add(result.Error with { Line = row + 1 });
            }

            row++;
        }

        return refused;
    }

    /// <summary>Keeps pairs of pseudonyms known to be one person (a chip card's two numbers, a declaration's ID and phone).</summary>
    /// <param name="links">The pairs; a pair already kept, in either order, is skipped.</param>
    /// <param name="cancellationToken">Stops before the commit.</param>
    /// <returns>How many pairs were new.</returns>
    public async Task<int> SaveLinksAsync(IEnumerable<(PersonPseudonym First, PersonPseudonym Second)> links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        var pairs = links.Where(l => l.First != l.Second).Select(l => (l.First.High, l.First.Low).CompareTo((l.Second.High, l.Second.Low)) < 0 ? l : (l.Second, l.First)).ToList();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"""
            INSERT INTO {Sql.Schema}.person_links(first, second)
            SELECT * FROM unnest(@first::uuid[], @second::uuid[]) ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("first", [.. pairs.Select(p => PseudonymUuid.Of(p.Item1))]));
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("second", [.. pairs.Select(p => PseudonymUuid.Of(p.Item2))]));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads the links into an in-memory person registry, which merges each linked set into one person.</summary>
    /// <param name="target">The registry.</param>
    /// <param name="cancellationToken">Stops the load.</param>
    /// <returns>How many links were read.</returns>
    public async Task<long> LoadLinksAsync(PersonRegistry target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT first, second FROM {Sql.Schema}.person_links ORDER BY linked_at, first, second");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        long read = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            target.Link(PseudonymUuid.ToPseudonym(reader.GetGuid(0)), PseudonymUuid.ToPseudonym(reader.GetGuid(1)));
            read++;
        }

        return read;
    }

    /// <inheritdoc/>
    public async Task<ITraceSession> OpenTraceAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostgresTraceSession.OpenAsync(connection, Sql, CommandTimeoutSeconds, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the data source when the store opened it from a connection string.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null) =>
        new(sql, connection, transaction) { CommandTimeout = CommandTimeoutSeconds };

    /// <summary>The visits as rows: whole seconds, checked against the in-memory index's limits, every one before any is written.</summary>
    private static void CheckProvince(int province) => ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)province, 999u, nameof(province));

    private static VisitRow[] Rows(IReadOnlyList<Visit> visits, int province)
    {
        var rows = new VisitRow[visits.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var visit = visits[i];
            if (visit.CheckIn < Earliest || visit.CheckOut > Latest)
            {
                throw new ArgumentOutOfRangeException(nameof(visits), $"Visit {i} is outside 1952–2088.");
            }

            var start = visit.CheckIn.ToUnixTimeSeconds();
            var end = visit.CheckOut.ToUnixTimeSeconds();
            if (end - start is <= 0 or > MaxVisitSeconds)
            {
                throw new ArgumentOutOfRangeException(nameof(visits), $"Visit {i} is {end - start} s long in whole seconds; the store keeps 1 to {MaxVisitSeconds} s (cap longer stays first).");
            }

            rows[i] = new VisitRow(PseudonymUuid.Of(visit.Person), visit.Venue, start, end, ClosureCode.Of(visit.Closure), (short)province);
        }

        return rows;
    }

    /// <summary>Runs a write after making the partitions its rows need; once more if a partition vanished meanwhile (retention elsewhere).</summary>
    private async Task<long> WithPartitionsAsync(VisitRow[] rows, Func<NpgsqlConnection, CancellationToken, Task<long>> write, CancellationToken cancellationToken)
    {
        var days = rows.Select(r => PostgresDayPartitions.DayOf(r.Start)).Distinct().ToList();
        for (var attempt = 0; ; attempt++)
        {
            await EnsurePartitionsAsync(days, cancellationToken).ConfigureAwait(false);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await write(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (attempt == 0 && e.SqlState == PostgresErrorCodes.CheckViolation && e.ConstraintName is null)
            {
                // "no partition of relation found for row": another process dropped a day this one thought it had.
                _partitions.Clear();
            }
        }
    }

    private async Task EnsurePartitionsAsync(IEnumerable<LocalDate> days, CancellationToken cancellationToken)
    {
        var missing = days.Where(d => !_partitions.ContainsKey(d)).Distinct().Order().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await PostgresDayPartitions.CreateAsync(connection, Sql.Schema, "visits", missing, CommandTimeoutSeconds, cancellationToken).ConfigureAwait(false);
        foreach (var day in missing)
        {
            _partitions[day] = true;
        }
    }

    private async Task<long> CopyAsync(NpgsqlConnection connection, VisitRow[] rows, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = Command(connection, """
            CREATE TEMP TABLE IF NOT EXISTS checkin_staging(person uuid, venue text COLLATE "C", start_at timestamptz, end_at timestamptz, closure smallint, province smallint) ON COMMIT DELETE ROWS
            """, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var import = await connection.BeginBinaryImportAsync("COPY pg_temp.checkin_staging(person, venue, start_at, end_at, closure, province) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            import.Timeout = Options.CommandTimeout.ToTimeSpan();
            foreach (var row in rows)
            {
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(row.Person, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(row.Venue, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(DateTime.UnixEpoch.AddSeconds(row.Start), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(DateTime.UnixEpoch.AddSeconds(row.End), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(row.Closure, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(row.Province, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            }

            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = Command(connection, $"""
            INSERT INTO {Sql.Schema}.visits(person, venue, start_at, end_at, closure, province)
            SELECT person, venue, start_at, end_at, closure, province FROM pg_temp.checkin_staging
            ON CONFLICT DO NOTHING
            """, transaction);
        var added = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (added > 0)
        {
            await NotifyAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    private async Task<long> InsertAsync(NpgsqlConnection connection, VisitRow[] rows, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, $"""
            INSERT INTO {Sql.Schema}.visits(person, venue, start_at, end_at, closure, province)
            SELECT * FROM unnest(@person::uuid[], @venue::text[], @start_at::timestamptz[], @end_at::timestamptz[], @closure::smallint[], @province::smallint[])
            ON CONFLICT DO NOTHING
            """);
        insert.Parameters.Add(new NpgsqlParameter<Guid[]>("person", [.. rows.Select(r => r.Person)]));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("venue", [.. rows.Select(r => r.Venue)]));
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("start_at", [.. rows.Select(r => DateTime.UnixEpoch.AddSeconds(r.Start))]));
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("end_at", [.. rows.Select(r => DateTime.UnixEpoch.AddSeconds(r.End))]));
        insert.Parameters.Add(new NpgsqlParameter<short[]>("closure", [.. rows.Select(r => r.Closure)]));
        insert.Parameters.Add(new NpgsqlParameter<short[]>("province", [.. rows.Select(r => r.Province)]));
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        insert.Transaction = transaction;
        await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var added = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (added > 0)
        {
            await NotifyAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>The channel every store's writes notify on (the payload names the schema; a follower just catches up, so a write to another schema costs it one empty catch-up).</summary>
    internal const string Channel = "checkin_visits";

    /// <summary>Tells followers, when the transaction commits, that it changed the visits (<c>NOTIFY</c> is transactional).</summary>
    private async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var notify = Command(connection, "SELECT pg_notify(@channel, @schema)", transaction);
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("schema", Sql.Schema);
        await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<VisitCursor> SnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var snapshot = new NpgsqlCommand("SELECT pg_current_snapshot()::text", connection, transaction);
        return new VisitCursor((string)(await snapshot.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var listen = Command(connection, $"LISTEN {Channel}");
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A visit as the table holds it (times in Unix seconds).</summary>
    private readonly record struct VisitRow(Guid Person, string Venue, long Start, long End, short Closure, short Province);
}
