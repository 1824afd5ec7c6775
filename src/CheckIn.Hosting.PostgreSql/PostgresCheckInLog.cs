using System.Runtime.CompilerServices;
using CheckIn.Core;
using CheckIn.Hosting.Log;
using CheckIn.Store.PostgreSql;
using CheckIn.Tracing.Privacy;
using NodaTime;
using Npgsql;

namespace CheckIn.Hosting.PostgreSql;

/// <summary>
/// The check-in event log on PostgreSQL, in place of <see cref="SqliteCheckInLog"/>: check-in events in one partition
/// per UTC day of their time (dropped whole by <see cref="DeleteEventsBeforeAsync"/>), links and ticks beside them,
/// request ids with each entry's fingerprint for idempotent retries. An append is one transaction under an advisory
/// lock, so sequences are given in commit order even when several hosts write; it returns once committed (durable as
/// the server's <c>synchronous_commit</c> makes it).
/// </summary>
public sealed class PostgresCheckInLog : ICheckInLog
{
    /// <summary>The schema version of the log's tables this class writes.</summary>
    public const int SchemaVersion = 1;

    private const int TimeoutSeconds = 120;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<LocalDate> _partitions = [];

    private PostgresCheckInLog(NpgsqlDataSource dataSource, string schema)
    {
        _dataSource = dataSource;
        _schema = schema;
    }

    /// <summary>Opens (or creates) the log in a database.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="schema">The schema of the log's tables (the store's, <c>checkin</c>, by default).</param>
    /// <param name="cancellationToken">Stops opening.</param>
    /// <returns>The log; dispose it to close its connections.</returns>
    /// <exception cref="ArgumentException">The schema is not lower-case letters, digits and underscores starting with a letter.</exception>
    /// <exception cref="InvalidOperationException">The database holds a newer version of the log's tables.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refused a statement.</exception>
    public static async Task<PostgresCheckInLog> OpenAsync(string connectionString, string schema = "checkin", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (new PostgresStoreOptions { Schema = schema }.Validate().Any(e => e.Code == PostgreSqlErrorCodes.Options.Schema))
        {
            throw new ArgumentException("A schema is 1 to 63 lower-case letters, digits and underscores, starting with a letter.", nameof(schema));
        }

        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", cancellationToken, ("key", "checkin.log.migrate." + schema)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"""
                CREATE SCHEMA IF NOT EXISTS {schema};
                CREATE TABLE IF NOT EXISTS {schema}.log_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
                """, cancellationToken).ConfigureAwait(false);
            int version;
            await using (var current = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {schema}.log_migrations", connection, transaction))
            {
                version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (version > SchemaVersion)
            {
                throw new InvalidOperationException($"The event log in schema {schema} is at version {version}; this CheckIn reads version {SchemaVersion}.");
            }

            if (version == 0)
            {
                await ExecuteAsync(connection, transaction, $"""
                    CREATE SEQUENCE {schema}.log_seq;
                    CREATE TABLE {schema}.log_events (
                      seq bigint NOT NULL,
                      request_id text,
                      person uuid NOT NULL,
                      others bytea NOT NULL,
                      venue text NOT NULL,
                      venue_kind smallint NOT NULL,
                      event smallint NOT NULL,
                      at timestamptz NOT NULL,
                      at_ticks bigint NOT NULL,
                      channel smallint NOT NULL,
                      device text,
                      recorded_at bigint NOT NULL,
                      PRIMARY KEY (at, seq)
                    ) PARTITION BY RANGE (at);
                    CREATE INDEX log_events_seq ON {schema}.log_events (seq);
                    CREATE TABLE {schema}.log_other (
                      seq bigint PRIMARY KEY,
                      request_id text,
                      kind smallint NOT NULL,
                      person uuid NOT NULL,
                      others bytea NOT NULL,
                      at_ticks bigint,
                      recorded_at bigint NOT NULL
                    );
                    CREATE TABLE {schema}.log_requests (
                      request_id text PRIMARY KEY,
                      seq bigint NOT NULL,
                      fingerprint bytea NOT NULL
                    );
                    INSERT INTO {schema}.log_migrations(version) VALUES (1);
                    """, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresCheckInLog(dataSource, schema);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Result<LogAppend>>> AppendAsync(IReadOnlyList<LogEntry> entries, Instant recordedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var results = new Result<LogAppend>[entries.Count];
        if (entries.Count == 0)
        {
            return results;
        }

        var fingerprints = entries.Select(e => e.Fingerprint()).ToArray();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsurePartitionsAsync(entries.OfType<EventEntry>().Select(e => e.Event.At.InUtc().Date), cancellationToken).ConfigureAwait(false);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", cancellationToken, ("key", "checkin.log.append." + _schema)).ConfigureAwait(false);

            // The request ids the log holds already, then the entries to add in order (a request id seen earlier in
            // the batch is a retry of that entry).
            var known = await KnownRequestsAsync(connection, transaction, [.. entries.Where(e => e.RequestId is not null).Select(e => e.RequestId!).Distinct()], cancellationToken).ConfigureAwait(false);
            var adding = new List<int>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].RequestId is { } id && known.TryGetValue(id, out var earlier))
                {
                    results[i] = earlier.Fingerprint.AsSpan().SequenceEqual(fingerprints[i])
                        ? Result.Ok(new LogAppend(earlier.Sequence, Repeated: true))
                        : Result.Fail<LogAppend>(new CheckInError(HostingErrorCodes.Record.RequestIdReused, HostingErrorCodes.Messages));
                    continue;
                }

                adding.Add(i);
                if (entries[i].RequestId is { } newId)
                {
                    known[newId] = (-(adding.Count), fingerprints[i]); // its sequence is set below
                }
            }

            var sequences = await NextSequencesAsync(connection, transaction, adding.Count, cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < adding.Count; k++)
            {
                results[adding[k]] = Result.Ok(new LogAppend(sequences[k], Repeated: false));
                if (entries[adding[k]].RequestId is { } id)
                {
                    known[id] = (sequences[k], fingerprints[adding[k]]);
                }
            }

            // Retries inside the batch point at the sequence their first occurrence got.
            for (var i = 0; i < entries.Count; i++)
            {
                if (results[i].Success && results[i].Value.Repeated && results[i].Value.Sequence < 0)
                {
                    results[i] = Result.Ok(new LogAppend(known[entries[i].RequestId!].Sequence, Repeated: true));
                }
            }

            await InsertAsync(connection, transaction, [.. adding.Select((i, k) => (entries[i], sequences[k], fingerprints[i]))], recordedAt, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<Result<LogAppend>?> FindAsync(LogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.RequestId is not { } requestId)
        {
            return null;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var known = await KnownRequestsAsync(connection, null, [requestId], cancellationToken).ConfigureAwait(false);
        if (!known.TryGetValue(requestId, out var earlier))
        {
            return null;
        }

        return earlier.Fingerprint.AsSpan().SequenceEqual(entry.Fingerprint())
            ? Result.Ok(new LogAppend(earlier.Sequence, Repeated: true))
            : Result.Fail<LogAppend>(new CheckInError(HostingErrorCodes.Record.RequestIdReused, HostingErrorCodes.Messages));
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<LoggedEntry> ReadAfterAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlCommand Page(long after)
        {
            var command = new NpgsqlCommand($"""
                SELECT seq, request_id, 1::smallint AS kind, person, others, venue, venue_kind, event, at_ticks, channel, device, recorded_at
                FROM {_schema}.log_events WHERE seq > @after
                UNION ALL
                SELECT seq, request_id, kind, person, others, NULL, NULL, NULL, at_ticks, NULL, NULL, recorded_at
                FROM {_schema}.log_other WHERE seq > @after
                ORDER BY seq LIMIT @page
                """, connection) { CommandTimeout = TimeoutSeconds };
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("page", LogRow.PageSize);
            return command;
        }

        await foreach (var entry in LogRow.ReadPagesAsync(afterSequence, Page, r => PseudonymUuid.ToPseudonym(r.GetGuid(3)), cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <inheritdoc/>
    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT GREATEST((SELECT max(seq) FROM {_schema}.log_events), (SELECT max(seq) FROM {_schema}.log_other), 0)", connection) { CommandTimeout = TimeoutSeconds };
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc/>
    /// <remarks>Whole days before the cut are dropped as partitions; the events of the day that contains it are deleted row by row.</remarks>
    public async Task<long> DeleteEventsBeforeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The partitions dropped are the days that end at or before the cut: exactly the events before its day's start.
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            long deleted;
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM {_schema}.log_events WHERE at < @dayStart", connection) { CommandTimeout = TimeoutSeconds })
            {
                count.Parameters.Add(new NpgsqlParameter<DateTime>("dayStart", before.InUtc().Date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant().ToDateTimeUtc()));
                deleted = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            var dropped = await PostgresDayPartitions.DropBeforeAsync(connection, _schema, "log_events", before, TimeoutSeconds, cancellationToken).ConfigureAwait(false);
            _partitions.ExceptWith(dropped);
            await using var rest = new NpgsqlCommand($"DELETE FROM {_schema}.log_events WHERE at_ticks < @before", connection) { CommandTimeout = TimeoutSeconds };
            rest.Parameters.AddWithValue("before", before.ToUnixTimeTicks());
            return deleted + await rest.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task EnsurePartitionsAsync(IEnumerable<LocalDate> days, CancellationToken cancellationToken)
    {
        var missing = days.Where(d => !_partitions.Contains(d)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await PostgresDayPartitions.CreateAsync(connection, _schema, "log_events", missing, TimeoutSeconds, cancellationToken).ConfigureAwait(false);
        _partitions.UnionWith(missing);
    }

    private async Task<Dictionary<string, (long Sequence, byte[] Fingerprint)>> KnownRequestsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string[] ids, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, (long, byte[])>(StringComparer.Ordinal);
        if (ids.Length == 0)
        {
            return known;
        }

        await using var command = new NpgsqlCommand($"SELECT request_id, seq, fingerprint FROM {_schema}.log_requests WHERE request_id = ANY(@ids)", connection, transaction) { CommandTimeout = TimeoutSeconds };
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            known[reader.GetString(0)] = (reader.GetInt64(1), (byte[])reader.GetValue(2));
        }

        return known;
    }

    private async Task<long[]> NextSequencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand($"SELECT array_agg(n ORDER BY n) FROM (SELECT nextval('{_schema}.log_seq') AS n FROM generate_series(1, @count)) s", connection, transaction) { CommandTimeout = TimeoutSeconds };
        command.Parameters.AddWithValue("count", count);
        return (long[])(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, (LogEntry Entry, long Sequence, byte[] Fingerprint)[] rows, Instant recordedAt, CancellationToken cancellationToken)
    {
        var events = rows.Where(r => r.Entry is EventEntry).ToList();
        var others = rows.Where(r => r.Entry is not EventEntry).ToList();
        var recorded = recordedAt.ToUnixTimeTicks();
        await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = TimeoutSeconds };
        if (events.Count > 0)
        {
            var e = events.Select(r => (r.Sequence, r.Entry.RequestId, Entry: (EventEntry)r.Entry)).ToList();
            var command = new NpgsqlBatchCommand($"""
                INSERT INTO {_schema}.log_events(seq, request_id, person, others, venue, venue_kind, event, at, at_ticks, channel, device, recorded_at)
                SELECT s, r, p, o, v, vk, ev, a, at, c, d, @recorded
                FROM unnest(@seq, @request, @person, @others, @venue, @venueKind, @event, @at, @atTicks, @channel, @device) AS x(s, r, p, o, v, vk, ev, a, at, c, d)
                """);
            command.Parameters.Add(new NpgsqlParameter<long[]>("seq", [.. e.Select(x => x.Sequence)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("request", [.. e.Select(x => x.RequestId)]));
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("person", [.. e.Select(x => PseudonymUuid.Of(x.Entry.Event.Person))]));
            command.Parameters.Add(new NpgsqlParameter<byte[][]>("others", [.. e.Select(x => Bytes(x.Entry.Links))]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("venue", [.. e.Select(x => x.Entry.Event.Venue)]));
            command.Parameters.Add(new NpgsqlParameter<short[]>("venueKind", [.. e.Select(x => (short)x.Entry.Event.VenueKind)]));
            command.Parameters.Add(new NpgsqlParameter<short[]>("event", [.. e.Select(x => (short)x.Entry.Event.Kind)]));
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("at", [.. e.Select(x => x.Entry.Event.At.ToDateTimeUtc())]));
            command.Parameters.Add(new NpgsqlParameter<long[]>("atTicks", [.. e.Select(x => x.Entry.Event.At.ToUnixTimeTicks())]));
            command.Parameters.Add(new NpgsqlParameter<short[]>("channel", [.. e.Select(x => (short)x.Entry.Channel)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("device", [.. e.Select(x => x.Entry.Device)]));
            command.Parameters.Add(new NpgsqlParameter<long>("recorded", recorded));
            batch.BatchCommands.Add(command);
        }

        if (others.Count > 0)
        {
            var command = new NpgsqlBatchCommand($"""
                INSERT INTO {_schema}.log_other(seq, request_id, kind, person, others, at_ticks, recorded_at)
                SELECT s, r, k, p, o, at, @recorded FROM unnest(@seq, @request, @kind, @person, @others, @atTicks) AS x(s, r, k, p, o, at)
                """);
            command.Parameters.Add(new NpgsqlParameter<long[]>("seq", [.. others.Select(x => x.Sequence)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("request", [.. others.Select(x => x.Entry.RequestId)]));
            command.Parameters.Add(new NpgsqlParameter<short[]>("kind", [.. others.Select(x => (short)(x.Entry is LinkEntry ? 2 : 3))]));
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("person", [.. others.Select(x => x.Entry is LinkEntry l ? PseudonymUuid.Of(l.First) : Guid.Empty)]));
            command.Parameters.Add(new NpgsqlParameter<byte[][]>("others", [.. others.Select(x => x.Entry is LinkEntry l ? Bytes([l.Second]) : [])]));
            command.Parameters.Add(new NpgsqlParameter<long?[]>("atTicks", [.. others.Select(x => x.Entry is TickEntry t ? t.Now.ToUnixTimeTicks() : (long?)null)]));
            command.Parameters.Add(new NpgsqlParameter<long>("recorded", recorded));
            batch.BatchCommands.Add(command);
        }

        var requests = rows.Where(r => r.Entry.RequestId is not null).ToList();
        if (requests.Count > 0)
        {
            var command = new NpgsqlBatchCommand($"INSERT INTO {_schema}.log_requests(request_id, seq, fingerprint) SELECT * FROM unnest(@request, @seq, @fingerprint)");
            command.Parameters.Add(new NpgsqlParameter<string[]>("request", [.. requests.Select(r => r.Entry.RequestId!)]));
            command.Parameters.Add(new NpgsqlParameter<long[]>("seq", [.. requests.Select(r => r.Sequence)]));
            command.Parameters.Add(new NpgsqlParameter<byte[][]>("fingerprint", [.. requests.Select(r => r.Fingerprint)]));
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Bytes(IReadOnlyList<PersonPseudonym> people)
    {
        var bytes = new byte[people.Count * PersonPseudonym.SizeInBytes];
        for (var i = 0; i < people.Count; i++)
        {
            people[i].WriteBytes(bytes.AsSpan(i * PersonPseudonym.SizeInBytes));
        }

        return bytes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = TimeoutSeconds };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
