using CheckIn.Hosting.Log;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckIn.Hosting.PostgreSql;

/// <summary>Puts a host's check-in event log on PostgreSQL.</summary>
public static class CheckInPostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the event log in PostgreSQL (<see cref="PostgresCheckInLog"/>) instead of the embedded SQLite file; call it
    /// before or after <c>AddCheckIn</c>. Everything else stays as <c>AddCheckIn</c> sets it (the data directory still
    /// holds the pseudonymization key and the index snapshots).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">The database's Npgsql connection string.</param>
    /// <param name="schema">The schema of the log's tables.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCheckInPostgreSql(this IServiceCollection services, string connectionString, string schema = "checkin")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        services.RemoveAll<ICheckInLogProvider>();
        services.AddSingleton<ICheckInLogProvider>(new PostgresCheckInLogProvider(connectionString, schema));
        return services;
    }
}

/// <summary>Opens <see cref="PostgresCheckInLog"/> for the host.</summary>
internal sealed class PostgresCheckInLogProvider(string connectionString, string schema) : ICheckInLogProvider
{
    public string Kind => "postgresql";

    public async Task<ICheckInLog> OpenAsync(string dataDirectory, CancellationToken cancellationToken = default) =>
        await PostgresCheckInLog.OpenAsync(connectionString, schema, cancellationToken).ConfigureAwait(false);
}
