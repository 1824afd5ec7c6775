namespace CheckIn.Hosting.Log;

/// <summary>
/// Opens the event log a host runs on. <c>AddCheckIn</c> registers the embedded SQLite log (a file in the data
/// directory); a store package registers its own in its place (CheckIn.Hosting.PostgreSql's
/// <c>AddCheckInPostgreSql</c>), so the same host runs on either by configuration.
/// </summary>
public interface ICheckInLogProvider
{
    /// <summary>What the log is kept in, for logs and the health check (for example <c>sqlite</c> or <c>postgresql</c>).</summary>
    string Kind { get; }

    /// <summary>Opens the log (creating or migrating its schema).</summary>
    /// <param name="dataDirectory">The host's data directory (the embedded log keeps its file there).</param>
    /// <param name="cancellationToken">Stops opening.</param>
    /// <returns>The log; the engine disposes it.</returns>
    Task<ICheckInLog> OpenAsync(string dataDirectory, CancellationToken cancellationToken = default);
}

/// <summary>The embedded default: <c>checkin.db</c> in the data directory (<see cref="SqliteCheckInLog"/>).</summary>
internal sealed class SqliteCheckInLogProvider : ICheckInLogProvider
{
    public string Kind => "sqlite";

    public async Task<ICheckInLog> OpenAsync(string dataDirectory, CancellationToken cancellationToken = default) =>
        await SqliteCheckInLog.OpenAsync(Path.Combine(dataDirectory, "checkin.db"), cancellationToken).ConfigureAwait(false);
}
