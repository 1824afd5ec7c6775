using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace CheckIn.Store.PostgreSql;

/// <summary>
/// Day partitions of a table partitioned by range of a <c>timestamptz</c> column: one partition per UTC day, named
/// <c>TABLE_pYYYYMMDD</c>, made under an advisory lock (two writers never race to make one) and dropped whole for
/// retention. The store's <c>visits</c> use it; a host's own tables (the hosting package's event log) can too.
/// </summary>
public static class PostgresDayPartitions
{
    private static readonly LocalDatePattern NamePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");

    /// <summary>The name of a table's partition for a day.</summary>
    /// <param name="table">The partitioned table's name.</param>
    /// <param name="day">The UTC day.</param>
    /// <returns>The name, <c>TABLE_pYYYYMMDD</c>.</returns>
    public static string NameOf(string table, LocalDate day) => table + "_p" + NamePattern.Format(day);

    /// <summary>Makes the partitions of the days given that do not exist yet, in one transaction.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="schema">The schema (lower-case letters, digits, underscores).</param>
    /// <param name="table">The table, partitioned by range of a <c>timestamptz</c> (same rule as the schema).</param>
    /// <param name="days">The UTC days.</param>
    /// <param name="timeoutSeconds">The bound on each statement.</param>
    /// <param name="cancellationToken">Stops before the commit.</param>
    /// <returns>A task that completes when the partitions exist.</returns>
    /// <exception cref="ArgumentException">The schema or table name is not a plain lower-case name.</exception>
    public static async Task CreateAsync(NpgsqlConnection connection, string schema, string table, IEnumerable<LocalDate> days, int timeoutSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(days);
        CheckNames(schema, table);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Migrations.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", timeoutSeconds, cancellationToken, ("key", $"checkin.partitions.{schema}.{table}")).ConfigureAwait(false);
        foreach (var day in days.Distinct().Order())
        {
            await Migrations.ExecuteAsync(connection, transaction,
                $"CREATE TABLE IF NOT EXISTS {schema}.{NameOf(table, day)} PARTITION OF {schema}.{table} FOR VALUES FROM ('{Bound(day)}') TO ('{Bound(day.PlusDays(1))}')", timeoutSeconds, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The days a table has a partition for, oldest first.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="table">The partitioned table.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The days.</returns>
    public static async Task<IReadOnlyList<LocalDate>> DaysAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        CheckNames(schema, table);
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid
            JOIN pg_class p ON p.oid = i.inhparent
            JOIN pg_namespace n ON n.oid = p.relnamespace
            WHERE n.nspname = @schema AND p.relname = @table
            """, connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("table", table);
        var prefix = table + "_p";
        var days = new List<LocalDate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            if (name.StartsWith(prefix, StringComparison.Ordinal) && NamePattern.Parse(name[prefix.Length..]) is { Success: true } parsed)
            {
                days.Add(parsed.Value);
            }
        }

        days.Sort();
        return days;
    }

    /// <summary>Drops every partition whose day ends at or before a time (instant, and no dead rows left behind).</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="table">The partitioned table.</param>
    /// <param name="before">The cut.</param>
    /// <param name="timeoutSeconds">The bound on each statement.</param>
    /// <param name="cancellationToken">Stops between drops (days dropped already stay dropped).</param>
    /// <returns>The days dropped.</returns>
    public static async Task<IReadOnlyList<LocalDate>> DropBeforeAsync(NpgsqlConnection connection, string schema, string table, Instant before, int timeoutSeconds, CancellationToken cancellationToken = default)
    {
        var dropped = new List<LocalDate>();
        foreach (var day in await DaysAsync(connection, schema, table, cancellationToken).ConfigureAwait(false))
        {
            if (day.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() > before)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            await Migrations.ExecuteAsync(connection, null, $"DROP TABLE IF EXISTS {schema}.{NameOf(table, day)}", timeoutSeconds, cancellationToken).ConfigureAwait(false);
            dropped.Add(day);
        }

        return dropped;
    }

    /// <summary>The UTC day an instant, in Unix seconds, falls on.</summary>
    internal static LocalDate DayOf(long unixSeconds) => Instant.FromUnixTimeSeconds(unixSeconds).InUtc().Date;

    private static void CheckNames(string schema, string table)
    {
        if (!SchemaName.IsValid(schema) || !SchemaName.IsValid(table) || table.Length > 50)
        {
            throw new ArgumentException("Schema and table names are lower-case letters, digits and underscores, starting with a letter (a table at most 50).", nameof(table));
        }
    }

    private static string Bound(LocalDate day) => day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00+00";
}
