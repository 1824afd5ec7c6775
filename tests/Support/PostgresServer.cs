using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CheckIn.Testing;

/// <summary>
/// A real PostgreSQL server for tests: its own data folder under the temp directory, made by <c>initdb</c> and run by
/// <c>pg_ctl</c> on a free loopback port, as the <c>postgres</c> user when the tests run as root (the server refuses to
/// run as root). Stopped and deleted on dispose. Needs Debian's <c>postgresql</c>, which <c>./test.sh</c> installs.
/// For speed the server does not fsync (a stopped process loses nothing; only a machine crash would), but every commit
/// is written before it returns, so <see cref="Kill"/> loses nothing acknowledged.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);
    private static int _databases;

    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgres;

    private PostgresServer(string bin, string root, bool asPostgres, int port)
    {
        _bin = bin;
        _root = root;
        _asPostgres = asPostgres;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The data folder.</summary>
    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>A connection string for a database on this server (the maintenance database by default).</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Timeout = 30,
        CommandTimeout = 120,
    }.ToString();

    /// <summary>Makes a data folder and starts a server on a free port.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBin();
        var asPostgres = Environment.UserName == "root";
        var root = Directory.CreateTempSubdirectory("checkin-pg-").FullName;
        if (asPostgres)
        {
            Run("chown", ["-R", "postgres:postgres", root], asPostgres: false);
        }

        Run(Path.Combine(bin, "initdb"), ["-D", Path.Combine(root, "data"), "-U", "postgres", "--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync"], asPostgres);
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var server = new PostgresServer(bin, root, asPostgres, port);
            try
            {
                server.PgCtl("start", "-w", "-t", "60", "-l", Path.Combine(root, "server.log"), "-o",
                    $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200");
                await server.WaitForConnectionsAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 2)
            {
                // Another process took the port between the probe and the start: try another one.
            }
        }
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "checkin")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server at once (as a crash would) without deleting its data.</summary>
    public void Kill() => PgCtl("stop", "-m", "immediate", "-w");

    /// <summary>Starts the server again on its port after <see cref="Kill"/>.</summary>
    public async Task RestartAsync()
    {
        PgCtl("start", "-w", "-t", "60", "-l", Path.Combine(_root, "server.log"), "-o",
            $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200");
        await WaitForConnectionsAsync();
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            PgCtl("stop", "-m", "immediate", "-w");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private void PgCtl(params string[] arguments) =>
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, .. arguments], _asPostgres);

    private async Task WaitForConnectionsAsync()
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static string FindBin()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions
            .Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault();
        return bin ?? throw new InvalidOperationException("PostgreSQL's server programs (initdb, pg_ctl) are not installed: install Debian's postgresql (./test.sh does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string[] arguments, bool asPostgres)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish in {StepTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
