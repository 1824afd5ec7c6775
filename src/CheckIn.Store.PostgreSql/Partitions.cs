using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace CheckIn.Store.PostgreSql;

/// <summary>
/// One partition of <c>visits</c> per UTC day, named <c>visits_pYYYYMMDD</c>, holding the visits that start that day.
/// Made under an advisory lock (two writers never race to make one), dropped whole for retention.
/// </summary>
internal static class Partitions
{
    private static readonly LocalDatePattern NamePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");

    public static LocalDate DayOf(long unixSeconds) => Instant.FromUnixTimeSeconds(unixSeconds).InUtc().Date;

    public static string NameOf(LocalDate day) => "visits_p" + NamePattern.Format(day);

    public static async Task CreateAsync(NpgsqlConnection connection, StoreSql sql, IReadOnlyList<LocalDate> days, int timeoutSeconds, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Migrations.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", timeoutSeconds, cancellationToken, ("key", "checkin.partitions." + sql.Schema)).ConfigureAwait(false);
        foreach (var day in days)
        {
            var from = Bound(day);
            var until = Bound(day.PlusDays(1));
            await Migrations.ExecuteAsync(connection, transaction,
                $"CREATE TABLE IF NOT EXISTS {sql.Schema}.{NameOf(day)} PARTITION OF {sql.Schema}.visits FOR VALUES FROM ('{from}') TO ('{until}')", timeoutSeconds, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<LocalDate>> DaysAsync(NpgsqlConnection connection, StoreSql sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid
            JOIN pg_class p ON p.oid = i.inhparent
            JOIN pg_namespace n ON n.oid = p.relnamespace
            WHERE n.nspname = @schema AND p.relname = 'visits'
            """, connection);
        command.Parameters.AddWithValue("schema", sql.Schema);
        var days = new List<LocalDate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            if (name.StartsWith("visits_p", StringComparison.Ordinal) && NamePattern.Parse(name["visits_p".Length..]) is { Success: true } parsed)
            {
                days.Add(parsed.Value);
            }
        }

        days.Sort();
        return days;
    }

    public static async Task<IReadOnlyList<LocalDate>> DropBeforeAsync(NpgsqlConnection connection, StoreSql sql, Instant before, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var dropped = new List<LocalDate>();
        foreach (var day in await DaysAsync(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            if (day.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() > before)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            await Migrations.ExecuteAsync(connection, null, $"DROP TABLE IF EXISTS {sql.Schema}.{NameOf(day)}", timeoutSeconds, cancellationToken).ConfigureAwait(false);
            dropped.Add(day);
        }

        return dropped;
    }

    private static string Bound(LocalDate day) => day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00+00";
}
