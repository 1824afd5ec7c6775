using System.Globalization;
using Npgsql;

namespace CheckIn.Store.PostgreSql;

/// <summary>
/// The schema as numbered migrations, applied in order in one transaction under an advisory lock (several processes
/// may open one database at once), each recorded in <c>schema_migrations</c>. A database at a newer version than this
/// code knows is refused, never downgraded.
/// </summary>
internal static class Migrations
{
    /// <summary>Every migration, oldest first: (version, description, SQL with <c>{schema}</c> for the schema).</summary>
    public static IReadOnlyList<(int Version, string Description, string Sql)> All { get; } =
    [
        (1, "visits by day with their writing transaction, erasures, venues, person links", """
            CREATE TABLE {schema}.visits (
              person uuid NOT NULL,
              venue text COLLATE "C" NOT NULL,
              start_at timestamptz NOT NULL,
              end_at timestamptz NOT NULL,
              closure smallint NOT NULL,
              province smallint NOT NULL DEFAULT 0,
              xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
              CONSTRAINT visits_span CHECK (end_at > start_at AND end_at <= start_at + interval '65535 seconds'),
              CONSTRAINT visits_closure CHECK (closure BETWEEN 0 AND 3),
              CONSTRAINT visits_province CHECK (province BETWEEN 0 AND 999),
              CONSTRAINT visits_key PRIMARY KEY (person, start_at, venue, end_at, closure)
            ) PARTITION BY RANGE (start_at);
            CREATE INDEX visits_xid ON {schema}.visits (xid);
            CREATE TABLE {schema}.erasures (
              person uuid NOT NULL,
              erased_at timestamptz NOT NULL DEFAULT now(),
              xid xid8 NOT NULL DEFAULT pg_current_xact_id()
            );
            CREATE INDEX erasures_xid ON {schema}.erasures (xid);
            CREATE TABLE {schema}.venues (
              venue text COLLATE "C" PRIMARY KEY,
              kind smallint NOT NULL,
              commune integer,
              name text
            );
            CREATE TABLE {schema}.person_links (
              first uuid NOT NULL,
              second uuid NOT NULL,
              linked_at timestamptz NOT NULL DEFAULT now(),
              PRIMARY KEY (first, second),
              CHECK (first < second)
            );
            CREATE INDEX person_links_second ON {schema}.person_links (second);
            """),
    ];

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, StoreSql sql, int timeoutSeconds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", timeoutSeconds, cancellationToken, ("key", "checkin.migrate." + sql.Schema)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {sql.Schema};
            CREATE TABLE IF NOT EXISTS {sql.Schema}.schema_migrations (
              version integer PRIMARY KEY,
              description text NOT NULL,
              applied_at timestamptz NOT NULL DEFAULT now()
            );
            """, timeoutSeconds, cancellationToken).ConfigureAwait(false);
        int current;
        await using (var version = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {sql.Schema}.schema_migrations", connection, transaction))
        {
            current = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (current > PostgresVisitStore.SchemaVersion)
        {
            throw new InvalidOperationException($"The schema {sql.Schema} is at version {current}; this CheckIn knows versions up to {PostgresVisitStore.SchemaVersion}.");
        }

        foreach (var (number, description, text) in All)
        {
            if (number <= current)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, text.Replace("{schema}", sql.Schema, StringComparison.Ordinal), timeoutSeconds, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO {sql.Schema}.schema_migrations(version, description) VALUES (@version, @description)", timeoutSeconds, cancellationToken,
                ("version", number), ("description", description)).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, sql.OverlapIndexDdl, timeoutSeconds, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string text, int timeoutSeconds, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(text, connection, transaction) { CommandTimeout = timeoutSeconds };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
