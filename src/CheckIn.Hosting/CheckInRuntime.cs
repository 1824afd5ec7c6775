using System.Security.Cryptography;
using CheckIn.Hosting.Log;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Venues;
using CheckIn.Tracing.Visits;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CheckIn.Hosting;

/// <summary>
/// CheckIn as a host runs it (registered by <see cref="CheckInServiceCollectionExtensions.AddCheckIn(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>):
/// the engine over the embedded log, opened when the host starts and ready once its index is rebuilt; the deployment's
/// pseudonymizer; the venue registry. One per host (a singleton).
/// </summary>
public sealed partial class CheckInRuntime : IAsyncDisposable
{
    private readonly CheckInHostingOptions _options;
    private readonly IClock _clock;
    private readonly ILogger<CheckInRuntime> _logger;
    private readonly ICheckInLogProvider _logProvider;
    private readonly TaskCompletionSource<CheckInEngine> _engine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the runtime (the host starts it).</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="clock">The clock (NodaTime's system clock unless the host registers another).</param>
    /// <param name="logger">Where to log.</param>
    /// <param name="logProvider">Opens the event log (the embedded SQLite file unless a store package registers another).</param>
    public CheckInRuntime(IOptions<CheckInHostingOptions> options, IClock clock, ILogger<CheckInRuntime> logger, ICheckInLogProvider logProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _logProvider = logProvider ?? throw new ArgumentNullException(nameof(logProvider));
        DataDirectory = Path.GetFullPath(_options.DataDirectory);
        Pseudonymizer = new PersonPseudonymizer(KeyBytes());
    }

    /// <summary>The data directory, as a full path.</summary>
    public string DataDirectory { get; }

    /// <summary>The deployment's pseudonymizer: every identifier passes through it before it is recorded.</summary>
    public PersonPseudonymizer Pseudonymizer { get; }

    /// <summary>What the event log is kept in (<c>sqlite</c>, <c>postgresql</c>, …).</summary>
    public string LogKind => _logProvider.Kind;

    /// <summary>The venues the host knows (kinds set default visit lengths).</summary>
    public VenueRegistry Venues { get; } = new();

    /// <summary>True once the engine has rebuilt its index and takes requests.</summary>
    public bool IsReady => _engine.Task.IsCompletedSuccessfully;

    /// <summary>The engine, once ready.</summary>
    /// <exception cref="InvalidOperationException">The host has not started CheckIn (or starting it failed).</exception>
    public CheckInEngine Engine => IsReady ? _engine.Task.Result : throw new InvalidOperationException("CheckIn has not started: the host starts it (AddCheckIn registers the hosted service).");

    /// <summary>Waits until the engine is ready.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The engine.</returns>
    public Task<CheckInEngine> WhenReadyAsync(CancellationToken cancellationToken = default) => _engine.Task.WaitAsync(cancellationToken);

    /// <summary>Opens the log and the engine (the hosted service calls this at start).</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The engine.</returns>
    public async Task<CheckInEngine> StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            Directory.CreateDirectory(DataDirectory);
            var log = await _logProvider.OpenAsync(DataDirectory, cancellationToken).ConfigureAwait(false);
            var settings = new CheckInEngineSettings(
                Path.Combine(DataDirectory, "index.snapshot"),
                new VisitRecorderOptions { Horizon = Duration.FromTimeSpan(_options.Horizon) },
                Duration.FromTimeSpan(_options.Retention),
                _clock);
            var engine = await CheckInEngine.OpenAsync(log, settings, _logger, cancellationToken).ConfigureAwait(false);
            _engine.TrySetResult(engine);
            return engine;
        }
        catch (Exception exception)
        {
            _engine.TrySetException(exception);
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (IsReady)
        {
            await _engine.Task.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The configured key, or the data directory's own, made on first start and readable by its owner only.</summary>
    private byte[] KeyBytes()
    {
        if (!string.IsNullOrEmpty(_options.PseudonymKey))
        {
            return CheckInHostingOptions.KeyBytes(_options.PseudonymKey)!;
        }

        Directory.CreateDirectory(DataDirectory);
        var path = Path.Combine(DataDirectory, "pseudonym.key");
        if (File.Exists(path))
        {
            return CheckInHostingOptions.KeyBytes(File.ReadAllText(path)) is { Length: >= 32 } existing
                ? existing
                : throw new InvalidOperationException($"{path} does not hold a pseudonymization key (base64 of 32 bytes or more).");
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        LogKeyCreated(_logger, path);
        return key;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "No pseudonymization key configured: made one in {Path}. Back it up; without it no pseudonym can be matched again.")]
    private static partial void LogKeyCreated(ILogger logger, string path);
}

/// <summary>Starts CheckIn with the host, ticks it (settling quiet visits, retention) and writes index snapshots, and writes a last snapshot at stop.</summary>
internal sealed partial class CheckInHostedService(CheckInRuntime runtime, IOptions<CheckInHostingOptions> options, ILogger<CheckInHostedService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await runtime.StartAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private int _stopped;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _stopped, 1) == 0 && runtime.IsReady)
        {
            await runtime.Engine.WriteSnapshotAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var engine = await runtime.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
        var settings = options.Value;
        var lastSnapshot = DateTime.UtcNow;
        using var timer = new PeriodicTimer(settings.MaintenanceInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await engine.TickAsync(stoppingToken).ConfigureAwait(false);
                    await engine.ApplyLogRetentionAsync(stoppingToken).ConfigureAwait(false);
                    if (DateTime.UtcNow - lastSnapshot >= settings.SnapshotInterval)
                    {
                        await engine.WriteSnapshotAsync(stoppingToken).ConfigureAwait(false);
                        lastSnapshot = DateTime.UtcNow;
                    }
                }
                catch (Exception exception) when (exception is IOException or Microsoft.Data.Sqlite.SqliteException)
                {
                    // The next tick tries again; the log keeps every acknowledged entry either way.
                    LogMaintenanceFailed(logger, exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "CheckIn maintenance failed ({Exception}); retrying at the next tick")]
    private static partial void LogMaintenanceFailed(ILogger logger, string exception);
}

/// <summary>Healthy once the engine is ready; degraded while it rebuilds its index; unhealthy when starting failed.</summary>
internal sealed class CheckInHealthCheck(CheckInRuntime runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var task = runtime.WhenReadyAsync(CancellationToken.None);
        return Task.FromResult(task.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy($"{runtime.Engine.Index.Count} visits indexed, log entry {runtime.Engine.LastSequence} ({runtime.LogKind})")
            : task.IsFaulted ? HealthCheckResult.Unhealthy("CheckIn failed to start") : HealthCheckResult.Degraded("CheckIn is rebuilding its index"));
    }
}
