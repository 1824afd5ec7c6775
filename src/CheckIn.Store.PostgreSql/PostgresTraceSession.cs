using CheckIn.Core;
using CheckIn.Tracing;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using NodaTime;
using Npgsql;

namespace CheckIn.Store.PostgreSql;

/// <summary>
/// One trace on one connection: the persons reached so far in a temporary table (the anti-join of every hop), each
/// hop's exposures in another, and one query per hop that returns, per person, the matches at their earliest exposure
/// (all of them on a tie: the tracer's documented tie-break decides).
/// </summary>
/// <remarks>
/// On a coordinator (shards given) the visits are foreign partitions, one per shard: each hop first
/// asks every shard for one row, leaves the shards that do not answer out of the hop by their provinces (partition
/// pruning, so no query is sent to them) and warns for each of those provinces. Its two reads of visits are written so
/// that postgres_fdw sends each shard one query with the conditions it can evaluate (persons, or venues, and a time
/// range): a join against the coordinator's temporary tables would otherwise fetch whole shards.
/// </remarks>
internal sealed class PostgresTraceSession : ITraceSession
{
    private readonly NpgsqlConnection _connection;
    private readonly StoreSql _sql;
    private readonly int _timeout;
    private readonly IReadOnlyList<ShardPartition>? _shards;

    private PostgresTraceSession(NpgsqlConnection connection, StoreSql sql, int timeout, IReadOnlyList<ShardPartition>? shards)
    {
        _connection = connection;
        _sql = sql;
        _timeout = timeout;
        _shards = shards;
    }

    public static async Task<PostgresTraceSession> OpenAsync(NpgsqlConnection connection, StoreSql sql, int timeout, CancellationToken cancellationToken, IReadOnlyList<ShardPartition>? shards = null)
    {
        await Migrations.ExecuteAsync(connection, null, """
            DROP TABLE IF EXISTS pg_temp.checkin_reached, pg_temp.checkin_exposures;
            CREATE TEMP TABLE checkin_reached (person uuid PRIMARY KEY);
            CREATE TEMP TABLE checkin_exposures (
              venue text COLLATE "C" NOT NULL,
              e_start timestamptz NOT NULL,
              e_end timestamptz NOT NULL,
              source uuid NOT NULL,
              s_start timestamptz NOT NULL,
              s_end timestamptz NOT NULL,
              s_closure smallint NOT NULL
            );
            """, timeout, cancellationToken).ConfigureAwait(false);
        return new PostgresTraceSession(connection, sql, timeout, shards);
    }

    public async Task<(IReadOnlySet<PersonPseudonym> Known, IReadOnlyList<CheckInError> Warnings)> KnownAsync(IReadOnlyList<PersonPseudonym> persons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var (filter, warnings) = await ReachableAsync(cancellationToken).ConfigureAwait(false);
        var known = new HashSet<PersonPseudonym>();
        if (filter is null)
        {
            return (known, warnings);
        }

        await using var command = Command($"SELECT DISTINCT person FROM {_sql.Schema}.visits WHERE person = ANY(@persons){filter}");
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("persons", [.. persons.Select(PseudonymUuid.Of)]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            known.Add(PseudonymUuid.ToPseudonym(reader.GetGuid(0)));
        }

        return (known, warnings);
    }

    public async Task<TraceHopResult> MatchAsync(TraceHop hop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hop);
        await using (var reached = Command("INSERT INTO pg_temp.checkin_reached SELECT DISTINCT unnest(@persons) ON CONFLICT DO NOTHING"))
        {
            reached.Parameters.Add(new NpgsqlParameter<Guid[]>("persons", [.. hop.NewlyReached.Select(PseudonymUuid.Of)]));
            await reached.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var (filter, warnings) = await ReachableAsync(cancellationToken).ConfigureAwait(false);
        var sources = hop.Sources.Where(s => s.Until > s.From).ToList();
        if (filter is null || sources.Count == 0)
        {
            return new TraceHopResult([], 0, hop.WithExposures ? [] : null, warnings);
        }

        // The sources' visits inside their windows, each an exposure [max(in, from), min(out, until) + linger). A visit
        // that ends inside the window started at most the longest visit before it: the bound lets the scan of the
        // person's key stop there and prunes partitions.
        var longest = Duration.FromSeconds(PostgresVisitStore.MaxVisitSeconds);
        var (withSources, visitsOfSources) = _shards is null
            ? (string.Empty, $"{_sql.Schema}.visits v")
            : ($"WITH remote AS MATERIALIZED (SELECT venue, person, start_at, end_at, closure FROM {_sql.Schema}.visits WHERE person = ANY(@persons) AND start_at > @lowest AND start_at < @highest{filter})", "remote v");
        long exposures;
        await using (var expose = Command($"""
            TRUNCATE pg_temp.checkin_exposures;
            INSERT INTO pg_temp.checkin_exposures
            {withSources}
            SELECT v.venue, greatest(v.start_at, s.w_from), least(v.end_at, s.w_until) + @linger, v.person, v.start_at, v.end_at, v.closure
            FROM unnest(@persons, @froms, @untils) AS s(person, w_from, w_until)
            JOIN {visitsOfSources} ON v.person = s.person
              AND v.start_at > s.w_from - interval '{PostgresVisitStore.MaxVisitSeconds} seconds' AND v.start_at < s.w_until AND v.end_at > s.w_from
            """))
        {
            expose.Parameters.Add(new NpgsqlParameter<Guid[]>("persons", [.. sources.Select(s => PseudonymUuid.Of(s.Person))]));
            expose.Parameters.Add(new NpgsqlParameter<DateTime[]>("froms", [.. sources.Select(s => s.From.ToDateTimeUtc())]));
            expose.Parameters.Add(new NpgsqlParameter<DateTime[]>("untils", [.. sources.Select(s => s.Until.ToDateTimeUtc())]));
            expose.Parameters.Add(new NpgsqlParameter<TimeSpan>("linger", hop.Linger.ToTimeSpan()));
            if (_shards is not null)
            {
                expose.Parameters.Add(new NpgsqlParameter<DateTime>("lowest", (sources.Min(s => s.From) - longest).ToDateTimeUtc()));
                expose.Parameters.Add(new NpgsqlParameter<DateTime>("highest", sources.Max(s => s.Until).ToDateTimeUtc()));
            }

            exposures = await expose.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await Migrations.ExecuteAsync(_connection, null, "ANALYZE pg_temp.checkin_exposures; ANALYZE pg_temp.checkin_reached;", _timeout, cancellationToken).ConfigureAwait(false);

        List<ExposureNotice>? intervals = null;
        if (hop.WithExposures)
        {
            intervals = [];
            await using var list = Command("SELECT venue, e_start, e_end FROM pg_temp.checkin_exposures");
            await using var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                intervals.Add(new ExposureNotice(reader.GetString(0), Instant(reader, 1), Instant(reader, 2)));
            }
        }

        var matches = new List<TraceMatch>();
        if (exposures == 0)
        {
            return new TraceHopResult(matches, 0, intervals, warnings);
        }

        string withVenues = string.Empty, visitsAtVenues;
        var buckets = new List<(string[] Venues, DateTime Lowest, DateTime Highest)>();
        if (_shards is null)
        {
            visitsAtVenues = $"{_sql.Schema}.visits c";
        }
        else
        {
            // The exposures' venues and time ranges by the UTC day each exposure starts, as values postgres_fdw can send
            // each shard: a venue's visits are fetched only around the days it was exposed (at most one branch a day).
            await using (var span = Command("""
                SELECT array_agg(DISTINCT venue), min(e_start), max(e_end) FROM pg_temp.checkin_exposures
                GROUP BY date_trunc('day', e_start AT TIME ZONE 'UTC') ORDER BY 2
                """))
            await using (var reader = await span.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    buckets.Add((reader.GetFieldValue<string[]>(0), (Instant(reader, 1) - longest).ToDateTimeUtc(), reader.GetFieldValue<DateTime>(2)));
                }
            }

            var branches = string.Join(" OR ", buckets.Select((_, i) => $"(venue = ANY(@venues{i}) AND start_at > @lowest{i} AND start_at < @highest{i})"));
            withVenues = $"WITH remote AS MATERIALIZED (SELECT venue, person, start_at, end_at, closure FROM {_sql.Schema}.visits WHERE ({branches}){filter})";
            visitsAtVenues = "remote c";
        }

        await using (var match = Command($"""
            {withVenues}
            SELECT person, exposed_at, overlap, venue, source, s_start, s_end, s_closure, c_start, c_end, c_closure FROM (
              SELECT c.person, greatest(c.start_at, e.e_start) AS exposed_at,
                     least(c.end_at, e.e_end) - greatest(c.start_at, e.e_start) AS overlap,
                     e.venue, e.source, e.s_start, e.s_end, e.s_closure, c.start_at AS c_start, c.end_at AS c_end, c.closure AS c_closure,
                     rank() OVER (PARTITION BY c.person ORDER BY greatest(c.start_at, e.e_start)) AS earliest
              FROM pg_temp.checkin_exposures e
              JOIN {visitsAtVenues} ON {_sql.OverlapCondition}
              WHERE least(c.end_at, e.e_end) - greatest(c.start_at, e.e_start) >= @min_overlap
                AND NOT EXISTS (SELECT 1 FROM pg_temp.checkin_reached r WHERE r.person = c.person)
            ) m
            WHERE earliest = 1
            """))
        {
            match.Parameters.Add(new NpgsqlParameter<TimeSpan>("min_overlap", hop.MinOverlap.ToTimeSpan()));
            for (var i = 0; i < buckets.Count; i++)
            {
                match.Parameters.Add(new NpgsqlParameter<string[]>("venues" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), buckets[i].Venues));
                match.Parameters.Add(new NpgsqlParameter<DateTime>("lowest" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), buckets[i].Lowest));
                match.Parameters.Add(new NpgsqlParameter<DateTime>("highest" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), buckets[i].Highest));
            }

            await using var reader = await match.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                matches.Add(new TraceMatch(
                    PseudonymUuid.ToPseudonym(reader.GetGuid(0)),
                    Instant(reader, 1),
                    Duration.FromTimeSpan(reader.GetTimeSpan(2)),
                    reader.GetString(3),
                    PseudonymUuid.ToPseudonym(reader.GetGuid(4)),
                    new VisitInterval(Instant(reader, 5), Instant(reader, 6), ClosureCode.ToClosure(reader.GetInt16(7))),
                    new VisitInterval(Instant(reader, 8), Instant(reader, 9), ClosureCode.ToClosure(reader.GetInt16(10)))));
            }
        }

        return new TraceHopResult(matches, exposures, intervals, warnings);
    }

    /// <summary>
    /// On a coordinator, which shards answer: the condition that keeps the hop to their provinces (empty when all
    /// answer, null when none does) and a warning for each province of the others. On a single store, all of it.
    /// </summary>
    private async Task<(string? Filter, IReadOnlyList<CheckInError> Warnings)> ReachableAsync(CancellationToken cancellationToken)
    {
        if (_shards is null)
        {
            return (string.Empty, []);
        }

        var reachable = new List<int>();
        var warnings = new List<CheckInError>();
        foreach (var shard in _shards)
        {
            try
            {
                await using var probe = Command($"SELECT 1 FROM {_sql.Schema}.{shard.Table} LIMIT 1");
                await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                reachable.AddRange(shard.Provinces);
            }
            catch (PostgresException e) when (e.SqlState.StartsWith("08", StringComparison.Ordinal) || e.SqlState.StartsWith("HV", StringComparison.Ordinal))
            {
                // A connection failure (class 08) or a foreign-data wrapper error (class HV): the shard is down.
                warnings.AddRange(shard.Provinces.Select(p => new CheckInError(PostgreSqlErrorCodes.Shard.Unreachable, PostgreSqlErrorCodes.Messages) { Field = p }));
            }
        }

        if (warnings.Count == 0)
        {
            return (string.Empty, warnings);
        }

        return reachable.Count == 0
            ? (null, warnings)
            : ($" AND province IN ({string.Join(", ", reachable.Order().Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)))})", warnings);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                await Migrations.ExecuteAsync(_connection, null, "DROP TABLE IF EXISTS pg_temp.checkin_reached, pg_temp.checkin_exposures", _timeout, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // The connection is gone (the server went away mid-trace): its temporary tables went with it.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private NpgsqlCommand Command(string text) => new(text, _connection) { CommandTimeout = _timeout };

    private static Instant Instant(NpgsqlDataReader reader, int ordinal) => NodaTime.Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(ordinal));
}
