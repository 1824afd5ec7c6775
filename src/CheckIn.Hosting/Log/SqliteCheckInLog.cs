using System.Runtime.CompilerServices;
using CheckIn.Core;
using CheckIn.Tracing.Privacy;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CheckIn.Hosting.Log;

/// <summary>
/// The embedded event log: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so an append is on disk when it
/// returns. Writes are serialized; reads run beside them on their own connections. Request ids are unique in the
/// table, and a fingerprint of each entry tells a retried request (a no-op) from a request id reused for another
/// entry (refused).
/// </summary>
public sealed class SqliteCheckInLog : ICheckInLog
{
    /// <summary>The schema version this class writes (<c>PRAGMA user_version</c>).</summary>
    public const int SchemaVersion = 1;

    private const int KindLink = LogRow.KindLink;
    private const int KindTick = LogRow.KindTick;

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteCheckInLog(string connectionString, SqliteConnection writer)
    {
        _connectionString = connectionString;
        _writer = writer;
    }

    /// <summary>The database file.</summary>
    public string Path => _writer.DataSource;

    /// <summary>Opens (or creates) the log in a file, and applies the schema.</summary>
    /// <param name="path">The database file; its folder is created when missing.</param>
    /// <param name="cancellationToken">Stops opening.</param>
    /// <returns>The log.</returns>
    /// <exception cref="InvalidOperationException">The file holds a schema version this class does not know.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public static async Task<SqliteCheckInLog> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        var writer = new SqliteConnection(connectionString);
        try
        {
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken).ConfigureAwait(false);
            var version = Convert.ToInt32(await ScalarAsync(writer, "PRAGMA user_version;", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            if (version == 0)
            {
                await ExecuteAsync(writer, """
                    CREATE TABLE IF NOT EXISTS log(
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      request_id TEXT UNIQUE,
                      fingerprint BLOB NOT NULL,
                      kind INTEGER NOT NULL,
                      person BLOB NOT NULL,
                      others BLOB NOT NULL,
                      venue TEXT,
                      venue_kind INTEGER,
                      event INTEGER,
                      at INTEGER,
                      channel INTEGER,
                      device TEXT,
                      recorded_at INTEGER NOT NULL);
                    CREATE INDEX IF NOT EXISTS log_event_at ON log(at) WHERE kind = 1;
                    PRAGMA user_version = 1;
                    """, cancellationToken).ConfigureAwait(false);
            }
            else if (version != SchemaVersion)
            {
                throw new InvalidOperationException($"The event log {full} has schema version {version}; this CheckIn reads version {SchemaVersion}.");
            }

            return new SqliteCheckInLog(connectionString, writer);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
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

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var find = FindCommand(_writer, transaction);
            using var insert = _writer.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO log(request_id, fingerprint, kind, person, others, venue, venue_kind, event, at, channel, device, recorded_at)
                VALUES ($id, $fp, $kind, $person, $others, $venue, $venueKind, $event, $at, $channel, $device, $recordedAt)
                RETURNING seq;
                """;
            var p = new
            {
                Id = insert.Parameters.Add("$id", SqliteType.Text),
                Fingerprint = insert.Parameters.Add("$fp", SqliteType.Blob),
                Kind = insert.Parameters.Add("$kind", SqliteType.Integer),
                Person = insert.Parameters.Add("$person", SqliteType.Blob),
                Others = insert.Parameters.Add("$others", SqliteType.Blob),
                Venue = insert.Parameters.Add("$venue", SqliteType.Text),
                VenueKind = insert.Parameters.Add("$venueKind", SqliteType.Integer),
                Event = insert.Parameters.Add("$event", SqliteType.Integer),
                At = insert.Parameters.Add("$at", SqliteType.Integer),
                Channel = insert.Parameters.Add("$channel", SqliteType.Integer),
                Device = insert.Parameters.Add("$device", SqliteType.Text),
            };
            insert.Parameters.AddWithValue("$recordedAt", recordedAt.ToUnixTimeTicks());

            for (var i = 0; i < entries.Count; i++)
            {
                var row = LogRow.Of(entries[i]);
                var fingerprint = row.Fingerprint();
                if (entries[i].RequestId is { } requestId && await KnownAsync(find, requestId, fingerprint, cancellationToken).ConfigureAwait(false) is { } known)
                {
                    results[i] = known;
                    continue;
                }

                p.Id.Value = (object?)entries[i].RequestId ?? DBNull.Value;
                p.Fingerprint.Value = fingerprint;
                p.Kind.Value = row.Kind;
                p.Person.Value = row.Person;
                p.Others.Value = row.Others;
                p.Venue.Value = (object?)row.Venue ?? DBNull.Value;
                p.VenueKind.Value = (object?)row.VenueKind ?? DBNull.Value;
                p.Event.Value = (object?)row.Event ?? DBNull.Value;
                p.At.Value = (object?)row.At ?? DBNull.Value;
                p.Channel.Value = (object?)row.Channel ?? DBNull.Value;
                p.Device.Value = (object?)row.Device ?? DBNull.Value;
                var sequence = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                results[i] = Result.Ok(new LogAppend(sequence, Repeated: false));
            }

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

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var find = FindCommand(connection, null);
        return await KnownAsync(find, requestId, LogRow.Of(entry).Fingerprint(), cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand FindCommand(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT seq, fingerprint FROM log WHERE request_id = $id;";
        find.Parameters.Add("$id", SqliteType.Text);
        return find;
    }

    /// <summary>
    /// What the log already holds under a request id: the same entry (a retry, acknowledged again), another entry
    /// (<c>Record.RequestIdReused</c>), or nothing (null).
    /// </summary>
    private static async Task<Result<LogAppend>?> KnownAsync(SqliteCommand find, string requestId, byte[] fingerprint, CancellationToken cancellationToken)
    {
        find.Parameters["$id"].Value = requestId;
        using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return ((byte[])reader.GetValue(1)).AsSpan().SequenceEqual(fingerprint)
            ? Result.Ok(new LogAppend(reader.GetInt64(0), Repeated: true))
            : HostingErrors.Fail<LogAppend>(HostingErrorCodes.Record.RequestIdReused);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<LoggedEntry> ReadAfterAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        SqliteCommand Page(long after)
        {
            var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, request_id, kind, person, others, venue, venue_kind, event, at, channel, device, recorded_at FROM log WHERE seq > $after ORDER BY seq LIMIT $page;";
            command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$page", LogRow.PageSize);
            return command;
        }

        await foreach (var entry in LogRow.ReadPagesAsync(afterSequence, Page, r => PersonPseudonym.FromBytes((byte[])r.GetValue(3)), cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <inheritdoc/>
    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var value = await ScalarAsync(connection, "SELECT COALESCE(MAX(seq), 0) FROM log;", cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async Task<long> DeleteEventsBeforeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _writer.CreateCommand();
            command.CommandText = "DELETE FROM log WHERE kind = 1 AND at < $before;";
            command.Parameters.AddWithValue("$before", before.ToUnixTimeTicks());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
