using CheckIn.Core;
using CheckIn.Tracing;
using CheckIn.Tracing.Visits;
using Npgsql;

namespace CheckIn.Store.PostgreSql;

/// <summary>One shard of a national store: a PostgreSQL server (a <see cref="PostgresVisitStore"/>) holding some provinces' visits.</summary>
/// <param name="Name">The shard's name: 1 to 40 lower-case letters, digits and underscores, starting with a letter.</param>
/// <param name="ConnectionString">How the library, and the coordinator through postgres_fdw, reach it (host, port, database, user, password).</param>
/// <param name="Provinces">The province codes (1 to 999) whose visits it holds; no province is on two shards.</param>
public sealed record PostgresShard(string Name, string ConnectionString, IReadOnlyList<int> Provinces);

/// <summary>A coordinator's foreign partition: the table that reaches a shard, and the provinces it holds.</summary>
internal sealed record ShardPartition(string Table, IReadOnlyList<int> Provinces);

/// <summary>
/// Provinces on shards: each shard is a PostgreSQL server with its own <see cref="PostgresVisitStore"/> (visits by day,
/// the same indexes), and a coordinator server joins them as <c>postgres_fdw</c> foreign partitions of one
/// <c>visits</c> table partitioned by province, so a national trace crosses provinces with one query per hop.
/// </summary>
/// <remarks>
/// <para>Writes go to the shard that holds the province, directly (binary <c>COPY</c> there), never through the
/// coordinator. Reads for a trace go through the coordinator: each shard gets one query per read with the
/// conditions it can evaluate itself.</para>
/// <para>A shard that does not answer is left out of the hop, and the trace warns <c>Shard.Unreachable</c> once per
/// province it holds: the answer is then what the reachable provinces hold, and says so; it is never silently
/// shorter. A shard that fails in the middle of a hop fails the trace (<see cref="NpgsqlException"/>).</para>
/// </remarks>
public sealed class PostgresShardedStore : ITraceStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _coordinator;
    private readonly Dictionary<string, PostgresVisitStore> _stores = new(StringComparer.Ordinal);
    private readonly List<PostgresShard> _shards = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    private PostgresShardedStore(NpgsqlDataSource coordinator, PostgresStoreOptions options)
    {
        _coordinator = coordinator;
        Options = options;
        Sql = new StoreSql(options.Schema, options.OverlapIndex);
    }

    /// <summary>The options the coordinator and every shard were opened with.</summary>
    public PostgresStoreOptions Options { get; }

    /// <summary>The shards, in the order they were added.</summary>
    public IReadOnlyList<PostgresShard> Shards
    {
        get
        {
            lock (_shards)
            {
                return [.. _shards];
            }
        }
    }

    internal StoreSql Sql { get; }

    private int Timeout => (int)Options.CommandTimeout.TotalSeconds;

    /// <summary>
    /// Opens a sharded store: applies the store's schema on every shard, and on the coordinator makes the
    /// <c>postgres_fdw</c> servers, user mappings and foreign partitions for the shards not yet joined.
    /// </summary>
    /// <param name="coordinatorConnectionString">The coordinator's database (its user must be allowed to create the postgres_fdw extension, or it must exist).</param>
    /// <param name="shards">The shards (at least one).</param>
    /// <param name="options">The layout, the same on every server, or null for <see cref="PostgresStoreOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops opening.</param>
    /// <returns>The store; dispose it to close its connections.</returns>
    /// <exception cref="ArgumentException">A shard's name or provinces are invalid, or a province is on two shards, or a shard joined before now names other provinces.</exception>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    /// <exception cref="NpgsqlException">A server cannot be reached or refused a statement.</exception>
    public static async Task<PostgresShardedStore> OpenAsync(string coordinatorConnectionString, IReadOnlyList<PostgresShard> shards, PostgresStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coordinatorConnectionString);
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ArgumentException("A sharded store needs at least one shard.", nameof(shards));
        }

        options ??= PostgresStoreOptions.Default;
        InvalidOptionsException.ThrowIfAny(options.Validate(), nameof(options));
        var store = new PostgresShardedStore(NpgsqlDataSource.Create(coordinatorConnectionString), options);
        try
        {
            await store.SetUpCoordinatorAsync(cancellationToken).ConfigureAwait(false);
            foreach (var shard in shards)
            {
                await store.AddShardAsync(shard, cancellationToken).ConfigureAwait(false);
            }

            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Joins a shard: applies the store's schema on it and makes its foreign partition on the coordinator (a shard joined
    /// before, with the same provinces, is only opened). A new shard takes provinces no other shard holds; moving a
    /// province between shards is a data migration, not this call.
    /// </summary>
    /// <param name="shard">The shard.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>A task that completes when the shard serves traces.</returns>
    /// <exception cref="ArgumentException">The shard's name or provinces are invalid or taken.</exception>
    public async Task AddShardAsync(PostgresShard shard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        Check(shard);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_stores.ContainsKey(shard.Name))
            {
                throw new ArgumentException($"The shard {shard.Name} is already open.", nameof(shard));
            }

            var taken = Shards.SelectMany(s => s.Provinces).Intersect(shard.Provinces).ToList();
            if (taken.Count > 0)
            {
                throw new ArgumentException($"Province {taken[0]} is on another shard.", nameof(shard));
            }

            var store = await PostgresVisitStore.ConnectAsync(shard.ConnectionString, Options, cancellationToken).ConfigureAwait(false);
            try
            {
                await JoinAsync(shard, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await store.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _stores.Add(shard.Name, store);
            lock (_shards)
            {
                _shards.Add(shard);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The store of the shard that holds a province.</summary>
    /// <param name="province">The province code.</param>
    /// <returns>The shard's store.</returns>
    /// <exception cref="ArgumentException">No shard holds the province.</exception>
    public PostgresVisitStore ShardOf(int province)
    {
        var shard = Shards.FirstOrDefault(s => s.Provinces.Contains(province))
            ?? throw new ArgumentException($"No shard holds province {province}.", nameof(province));
        return _stores[shard.Name];
    }

    /// <summary>Bulk ingest of one province's visits, on the shard that holds it (<see cref="PostgresVisitStore.IngestAsync"/>).</summary>
    /// <param name="visits">The visits, all at venues of the province.</param>
    /// <param name="province">The province code.</param>
    /// <param name="cancellationToken">Stops between and during batches.</param>
    /// <returns>How many visits were new.</returns>
    /// <exception cref="ArgumentException">No shard holds the province.</exception>
    public Task<long> IngestAsync(IEnumerable<Visit> visits, int province, CancellationToken cancellationToken = default) =>
        ShardOf(province).IngestAsync(visits, province, cancellationToken);

    /// <inheritdoc/>
    public async Task<ITraceSession> OpenTraceAsync(CancellationToken cancellationToken = default)
    {
        var partitions = Shards.Select(s => new ShardPartition(TableOf(s), s.Provinces)).ToList();
        var connection = await _coordinator.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostgresTraceSession.OpenAsync(connection, Sql, Timeout, cancellationToken, partitions).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the coordinator's and every shard's connections.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.Values)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }

        _stores.Clear();
        await _coordinator.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private static string TableOf(PostgresShard shard) => "visits_" + shard.Name;

    private string ServerOf(PostgresShard shard) => $"checkin_{Sql.Schema}_{shard.Name}";

    private static void Check(PostgresShard shard)
    {
        if (!SchemaName.IsValid(shard.Name) || shard.Name.Length > 40)
        {
            throw new ArgumentException("A shard's name is 1 to 40 lower-case letters, digits and underscores, starting with a letter.", nameof(shard));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(shard.ConnectionString, nameof(shard));
        if (shard.Provinces is null || shard.Provinces.Count == 0 || shard.Provinces.Any(p => p is < 1 or > 999) || shard.Provinces.Distinct().Count() != shard.Provinces.Count)
        {
            throw new ArgumentException($"Shard {shard.Name} needs one or more distinct province codes from 1 to 999.", nameof(shard));
        }
    }

    private async Task SetUpCoordinatorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _coordinator.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Migrations.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", Timeout, cancellationToken, ("key", "checkin.coordinator." + Sql.Schema)).ConfigureAwait(false);
        await Migrations.ExecuteAsync(connection, transaction, $"""
            CREATE EXTENSION IF NOT EXISTS postgres_fdw;
            CREATE SCHEMA IF NOT EXISTS {Sql.Schema};
            CREATE TABLE IF NOT EXISTS {Sql.Schema}.visits (
              person uuid NOT NULL,
              venue text COLLATE "C" NOT NULL,
              start_at timestamptz NOT NULL,
              end_at timestamptz NOT NULL,
              closure smallint NOT NULL,
              province smallint NOT NULL
            ) PARTITION BY LIST (province);
            CREATE TABLE IF NOT EXISTS {Sql.Schema}.shards (
              name text PRIMARY KEY,
              provinces smallint[] NOT NULL,
              joined_at timestamptz NOT NULL DEFAULT now()
            );
            """, Timeout, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes the shard's foreign server, user mapping and partition on the coordinator, unless it joined before.</summary>
    private async Task JoinAsync(PostgresShard shard, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(shard.ConnectionString);
        var provinces = shard.Provinces.Order().ToArray();
        await using var connection = await _coordinator.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Migrations.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", Timeout, cancellationToken, ("key", "checkin.coordinator." + Sql.Schema)).ConfigureAwait(false);
        await using (var joined = new NpgsqlCommand($"SELECT provinces FROM {Sql.Schema}.shards WHERE name = @name", connection, transaction))
        {
            joined.Parameters.AddWithValue("name", shard.Name);
            if (await joined.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is short[] before)
            {
                if (!before.Select(p => (int)p).Order().SequenceEqual(provinces))
                {
                    throw new ArgumentException($"Shard {shard.Name} joined with provinces {string.Join(", ", before)}; moving provinces is a data migration.", nameof(shard));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var server = ServerOf(shard);
        var user = target.Username is { Length: > 0 } name ? name : "postgres";
        var password = string.IsNullOrEmpty(target.Password) ? string.Empty : $", password {Literal(target.Password)}";
        await Migrations.ExecuteAsync(connection, transaction, $"""
            CREATE SERVER {server} FOREIGN DATA WRAPPER postgres_fdw
              OPTIONS (host {Literal(target.Host ?? "localhost")}, port {Literal(target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}, dbname {Literal(target.Database ?? user)}, connect_timeout '2', fetch_size '10000');
            CREATE USER MAPPING FOR CURRENT_USER SERVER {server} OPTIONS (user {Literal(user)}{password});
            CREATE FOREIGN TABLE {Sql.Schema}.{TableOf(shard)} PARTITION OF {Sql.Schema}.visits FOR VALUES IN ({string.Join(", ", provinces)})
              SERVER {server} OPTIONS (schema_name {Literal(Sql.Schema)}, table_name 'visits');
            """, Timeout, cancellationToken).ConfigureAwait(false);
        await using (var record = new NpgsqlCommand($"INSERT INTO {Sql.Schema}.shards(name, provinces) VALUES (@name, @provinces)", connection, transaction))
        {
            record.Parameters.AddWithValue("name", shard.Name);
            record.Parameters.Add(new NpgsqlParameter<short[]>("provinces", [.. provinces.Select(p => (short)p)]));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A string literal for DDL options (which take no parameters): quotes doubled.</summary>
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
