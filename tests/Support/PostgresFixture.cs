namespace CheckIn.Testing;

/// <summary>
/// One real PostgreSQL server (<see cref="PostgresServer"/>) for a test project's classes, as a class or collection
/// fixture: started once, stopped and deleted after the last test; each test makes its own database.
/// </summary>
public class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The running server.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <inheritdoc/>
    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
