using System.Diagnostics;
using CheckIn.Core;
using CheckIn.Hosting.Log;
using CheckIn.Hosting.Snapshots;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CheckIn.Hosting;

/// <summary>How a <see cref="CheckInEngine"/> started: from a snapshot, or from the whole log, and why.</summary>
/// <param name="SnapshotSequence">The log sequence the snapshot covered, or 0 when none was used.</param>
/// <param name="SnapshotRefused">The snapshot's code when one existed and was refused (the engine then replayed the log); null otherwise.</param>
/// <param name="Replayed">Log entries replayed after the snapshot.</param>
/// <param name="Elapsed">How long the start took.</param>
public sealed record EngineStart(long SnapshotSequence, string? SnapshotRefused, long Replayed, TimeSpan Elapsed);

/// <summary>What recording one entry did.</summary>
/// <param name="Sequence">Its place in the log (the earlier one's for a repeated request).</param>
/// <param name="Repeated">True when the request id was recorded before: nothing was done again.</param>
public readonly record struct RecordReceipt(long Sequence, bool Repeated);

/// <summary>The engine's settings (what <see cref="CheckInHostingOptions"/> becomes).</summary>
/// <param name="SnapshotPath">The index snapshot file, or null for none.</param>
/// <param name="Recorder">The recorder's options (horizon, visit rules; the clock is the engine's).</param>
/// <param name="Retention">How long visits and events are kept.</param>
/// <param name="Clock">The host's clock.</param>
public sealed record CheckInEngineSettings(string? SnapshotPath, VisitRecorderOptions Recorder, Duration Retention, IClock Clock);

/// <summary>
/// CheckIn inside a host: the durable event log is the system of record, and everything in memory (the index, who is
/// who, the visits still open) is rebuilt from it at start, from an index snapshot when a valid one covers part of it.
/// Each entry is appended to the log (durable when the call returns) and then applied in memory, in log order, by the
/// same code a replay uses, so a restart makes exactly the state the host had. Requests with a request id already
/// recorded are acknowledged again and not applied twice. Thread-safe: writes are serialized; traces read a snapshot.
/// </summary>
public sealed partial class CheckInEngine : IAsyncDisposable
{
    private readonly ICheckInLog _log;
    private readonly CheckInEngineSettings _settings;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _snapshotGate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentQueue<Queued> _queue = new();
    private const int MaxGroup = 512;
    private readonly ReplayClock _clock;
    private VisitStore _store;
    private PersonRegistry _registry = new();
    private VisitRecorder _recorder;
    private long _applied;
    private int _disposed;

    private CheckInEngine(ICheckInLog log, CheckInEngineSettings settings, ILogger logger)
    {
        _log = log;
        _settings = settings;
        _logger = logger;
        _clock = new ReplayClock(settings.Clock.GetCurrentInstant());
        _store = new VisitStore(new VisitStoreOptions { Retention = settings.Retention });
        _recorder = new VisitRecorder(RecorderOptions);
    }

    /// <summary>How the engine started.</summary>
    public EngineStart Start { get; private set; } = new(0, null, 0, TimeSpan.Zero);

    /// <summary>The last log sequence applied in memory.</summary>
    public long LastSequence => Volatile.Read(ref _applied);

    /// <summary>The index as of the last flush (<see cref="Flush"/>).</summary>
    public VisitIndexSnapshot Index => _store.Snapshot;

    /// <summary>Who is who. Read it; link through <see cref="RecordAsync(LogEntry, CancellationToken)"/> with a <see cref="LinkEntry"/> so links are durable.</summary>
    public PersonRegistry Registry => _registry;

    private VisitRecorderOptions RecorderOptions => _settings.Recorder with { Visits = _settings.Recorder.Visits with { Clock = _clock } };

    /// <summary>Opens an engine over a log: loads the snapshot when valid, then replays the log after it.</summary>
    /// <param name="log">The log (the engine disposes it).</param>
    /// <param name="settings">The settings.</param>
    /// <param name="logger">Where to log (never personal data), or null.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The engine, ready.</returns>
    public static async Task<CheckInEngine> OpenAsync(ICheckInLog log, CheckInEngineSettings settings, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(settings);
        InvalidOptionsException.ThrowIfAny(settings.Recorder.Validate(), nameof(settings));
        var engine = new CheckInEngine(log, settings, logger ?? NullLogger.Instance);
        await engine.LoadAsync(cancellationToken).ConfigureAwait(false);
        return engine;
    }

    /// <summary>Records one entry: durable in the log when this returns, then applied.</summary>
    /// <param name="entry">The entry (an event, a link).</param>
    /// <param name="cancellationToken">Stops before the append commits.</param>
    /// <returns>The receipt; or <c>Record.RequestIdReused</c>, <c>Record.RequestId</c>, or the event's refusal (<c>Visit.InFuture</c>, <c>Visit.TooLate</c> behind the recorder's horizon, <c>Visit.MissingVenue</c>…), none of which are logged.</returns>
    /// <remarks>
    /// Concurrent calls commit together (group commit): while one append is syncing to disk, the entries that arrive
    /// queue, and the next caller through appends them all in one transaction. An entry whose caller gave up waiting may
    /// still be recorded by another caller's append: a client retries with the same request id.
    /// </remarks>
    public async Task<Result<RecordReceipt>> RecordAsync(LogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var queued = new Queued(entry);
        _queue.Enqueue(queued);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!queued.Result.Task.IsCompleted)
            {
                var batch = new List<Queued>();
                while (batch.Count < MaxGroup && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    var results = await RecordLockedAsync([.. batch.Select(b => b.Entry)], CancellationToken.None).ConfigureAwait(false);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Result.TrySetResult(results[i]);
                    }
                }
                catch (Exception exception)
                {
                    foreach (var b in batch)
                    {
                        b.Result.TrySetException(exception);
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return await queued.Result.Task.ConfigureAwait(false);
    }

    /// <summary>Records entries in one append (one disk sync for all), then applies them in order.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="cancellationToken">Stops before the append commits.</param>
    /// <returns>One result per entry.</returns>
    public async Task<IReadOnlyList<Result<RecordReceipt>>> RecordManyAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var activity = CheckInTelemetry.Source.StartActivity("checkin.record");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RecordLockedAsync(entries, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Appends and applies, with the write gate held.</summary>
    private async Task<IReadOnlyList<Result<RecordReceipt>>> RecordLockedAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        var results = new Result<RecordReceipt>[entries.Count];
        var now = _settings.Clock.GetCurrentInstant();
        var horizon = _settings.Recorder.Horizon;
        var watermark = _recorder.Watermark;
        void Moves(Instant candidate) => watermark = watermark is { } w && w >= candidate ? w : candidate;
        var accepted = new List<(int Index, LogEntry Entry)>();
        for (var i = 0; i < entries.Count; i++)
        {
            // The watermark as the entries before this one in the batch will have moved it.
            if (Refusal(entries[i], now, watermark) is { } refusal)
            {
                // A retry of a request already recorded is acknowledged again, even if it would be refused as new
                // now (too late behind the horizon by the time the client retries).
                if (entries[i].RequestId is not null && await _log.FindAsync(entries[i], cancellationToken).ConfigureAwait(false) is { } known)
                {
                    results[i] = known.TryGetValue(out var earlier) ? Result.Ok(new RecordReceipt(earlier.Sequence, true)) : known.ConvertError<RecordReceipt>();
                    continue;
                }

                results[i] = Result.Fail<RecordReceipt>(refusal);
                CheckInTelemetry.Rejected.Add(1, new KeyValuePair<string, object?>("code", refusal.Code));
            }
            else
            {
                accepted.Add((i, entries[i]));
                switch (entries[i])
                {
                    case EventEntry e:
                        Moves(e.Event.At - horizon);
                        break;
                    case TickEntry t:
                        Moves(t.Now - horizon);
                        break;
                }
            }
        }

        var appended = await _log.AppendAsync([.. accepted.Select(a => a.Entry)], now, cancellationToken).ConfigureAwait(false);

        // From here the entries are durable: they are applied whatever happens to the caller.
        for (var k = 0; k < accepted.Count; k++)
        {
            var (index, entry) = accepted[k];
            if (!appended[k].TryGetValue(out var append))
            {
                results[index] = appended[k].ConvertError<RecordReceipt>();
                continue;
            }

            if (append.Repeated)
            {
                CheckInTelemetry.Repeated.Add(1);
            }
            else
            {
                Apply(new LoggedEntry(append.Sequence, now, entry));
            }

            results[index] = Result.Ok(new RecordReceipt(append.Sequence, append.Repeated));
        }

        return results;
    }

    /// <summary>
    /// Lets time pass: logs a tick (so a replay does the same), which settles quiet visits and applies retention, and
    /// flushes the index. What a host's background service calls every so often.
    /// </summary>
    /// <param name="cancellationToken">Stops before the tick is logged.</param>
    /// <returns>The tick's receipt.</returns>
    public async Task<RecordReceipt> TickAsync(CancellationToken cancellationToken = default)
    {
        var tick = await RecordAsync(new TickEntry(_settings.Clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
        Flush();
        return tick.Value;
    }

    /// <summary>
    /// Deletes from the log the events older than the retention, by a margin that makes sure every visit they took part
    /// in ended before the index's retention dropped it (the longest visit, the late check-out window, the horizon): a
    /// replay of the log that is left makes the same index. Links are kept (who is who outlives visits). What a host's
    /// background service calls after each tick.
    /// </summary>
    /// <param name="cancellationToken">Stops before the delete.</param>
    /// <returns>How many events were deleted.</returns>
    public Task<long> ApplyLogRetentionAsync(CancellationToken cancellationToken = default)
    {
        var rules = _settings.Recorder.Visits;
        var margin = rules.MaxVisitLength + rules.LateCheckOutWindow + _settings.Recorder.Horizon;
        return _log.DeleteEventsBeforeAsync(_settings.Clock.GetCurrentInstant() - _settings.Retention - margin, cancellationToken);
    }

    /// <summary>
    /// Reads the durable log from after a sequence, as it stands (entries appended meanwhile may or may not be seen): for
    /// reports over everything recorded, such as venue compliance. Each entry is read once; nothing is held in memory.
    /// </summary>
    /// <param name="afterSequence">The sequence to read after (0 for the whole log).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The entries in sequence order.</returns>
    public IAsyncEnumerable<LoggedEntry> ReadLogAsync(long afterSequence = 0, CancellationToken cancellationToken = default) =>
        _log.ReadAfterAsync(afterSequence, cancellationToken);

    /// <summary>Publishes the buffered visits to the index (a trace sees what was flushed).</summary>
    /// <returns>The index.</returns>
    public VisitIndexSnapshot Flush() => _store.Flush();

    /// <summary>
    /// Traces cases over the index as it is now, and over the visits still open: each closed as it would be if no
    /// further event came (the recorder's view at the end of the stream, assumed ends included), so a case traced
    /// minutes after a check-in finds who is there with them.
    /// </summary>
    /// <param name="cases">The cases.</param>
    /// <param name="options">The tracer's options, or null for the defaults; without <see cref="ContactTracerOptions.AsOf"/> the trace is as of the engine's clock.</param>
    /// <param name="cancellationToken">Stops the trace.</param>
    /// <returns>The contacts.</returns>
    /// <remarks>With open visits the index is copied for the trace (linear in its size); a trace of closed visits only reads it.</remarks>
    public TraceResult Trace(IReadOnlyList<TraceCase> cases, ContactTracerOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var activity = CheckInTelemetry.Source.StartActivity("checkin.trace");
        var stopwatch = Stopwatch.StartNew();
        VisitIndexSnapshot index;
        IReadOnlyList<Visit> open;
        _gate.Wait(cancellationToken);
        try
        {
            index = _store.Flush(cancellationToken);
            open = VisitRecorder.FromCheckpoint(_recorder.Checkpoint(), RecorderOptions).Complete().Closed;
        }
        finally
        {
            _gate.Release();
        }

        if (open.Count > 0)
        {
            var combined = new VisitStore(new VisitStoreOptions { Retention = _settings.Retention });
            combined.AddRange(index.AllVisits());
            combined.AddRange(open);
            index = combined.Flush(cancellationToken);
        }

        // As of the engine's clock (the host's), unless the caller says when.
        options ??= ContactTracerOptions.Default;
        var result = new ContactTracer(index).Trace(cases, options.AsOf is null ? options with { AsOf = _settings.Clock.GetCurrentInstant() } : options, cancellationToken);
        CheckInTelemetry.TraceTime.Record(stopwatch.Elapsed.TotalMilliseconds);
        LogTraced(_logger, cases.Count, result.Contacts.Count, stopwatch.Elapsed.TotalMilliseconds);
        return result;
    }

    /// <summary>Writes the index snapshot (when the settings name a file): the state as of the last applied entry.</summary>
    /// <param name="cancellationToken">Stops before the file replaces the old one.</param>
    /// <returns>The snapshot's size in bytes, or 0 when no file is set.</returns>
    public async Task<long> WriteSnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (_settings.SnapshotPath is not { } path)
        {
            return 0;
        }

        // One snapshot at a time: a later one never lands under an earlier one.
        await _snapshotGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                return 0;
            }

            IndexSnapshotContent content;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A consistent cut: everything applied up to the last sequence, nothing after.
                var index = _store.Flush(cancellationToken);
                content = new IndexSnapshotContent(_applied, [.. index.AllVisits()], _registry.Export(), _recorder.Checkpoint());
            }
            finally
            {
                _gate.Release();
            }

            var bytes = await IndexSnapshotFile.WriteAsync(path, content, cancellationToken).ConfigureAwait(false);
            LogSnapshotWritten(_logger, content.Visits.Count, content.LastSequence, bytes);
            return bytes;
        }
        finally
        {
            _snapshotGate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // A snapshot being written finishes first; later calls find the engine closed.
        await _snapshotGate.WaitAsync().ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        string? refused = null;
        long from = 0;
        if (_settings.SnapshotPath is { } path && File.Exists(path))
        {
            var read = await IndexSnapshotFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            var last = await _log.LastSequenceAsync(cancellationToken).ConfigureAwait(false);
            if (read.TryGetValue(out var content) && content.LastSequence > last)
            {
                read = HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.AheadOfLog);
            }

            if (read.TryGetValue(out content) && TryRestore(content))
            {
                from = content.LastSequence;
            }
            else
            {
                refused = read.Success ? HostingErrorCodes.Snapshot.Content : read.Error.Code;
                LogSnapshotRefused(_logger, refused, HostingErrors.Of(refused).GetMessage(MessageLanguage.English));
                Reset();
            }
        }

        long replayed = 0;
        await foreach (var entry in _log.ReadAfterAsync(from, cancellationToken).ConfigureAwait(false))
        {
            Apply(entry);
            replayed++;
        }

        _store.Flush(cancellationToken);
        Start = new EngineStart(refused is null ? from : 0, refused, replayed, stopwatch.Elapsed);
        LogStarted(_logger, Start.SnapshotSequence, replayed, _store.Snapshot.Count, stopwatch.Elapsed.TotalMilliseconds);
    }

    private bool TryRestore(IndexSnapshotContent content)
    {
        try
        {
            _registry = PersonRegistry.Import(content.Registry);
            _recorder = VisitRecorder.FromCheckpoint(content.Recorder, RecorderOptions);
            _store.AddRange(content.Visits);
            _applied = content.LastSequence;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Reset()
    {
        _registry = new PersonRegistry();
        _recorder = new VisitRecorder(RecorderOptions);
        _store = new VisitStore(new VisitStoreOptions { Retention = _settings.Retention });
        _applied = 0;
    }

    /// <summary>The one way an entry changes the state, live and in a replay.</summary>
    private void Apply(LoggedEntry logged)
    {
        _clock.Now = logged.RecordedAt;
        switch (logged.Entry)
        {
            case EventEntry e:
                var person = e.Event.Person;
                if (e.Links.Count > 0)
                {
                    var observed = _registry.Observe(person, e.Links);
                    MergeAll(observed.Merges);
                    person = observed.Representative;
                }
                else
                {
                    person = _registry.Resolve(person);
                }

                Take(_recorder.Record(e.Event with { Person = person }));
                CheckInTelemetry.CheckIns.Add(1, new KeyValuePair<string, object?>("channel", e.Channel.ToString()));
                break;
            case LinkEntry l:
                if (_registry.Link(l.First, l.Second) is { } merge)
                {
                    MergeAll([merge]);
                }

                break;
            case TickEntry t:
                Take(_recorder.Advance(t.Now));
                _store.ApplyRetention(t.Now);
                break;
        }

        _applied = logged.Sequence;
    }

    private void MergeAll(IReadOnlyList<PersonMerge> merges)
    {
        if (merges.Count == 0)
        {
            return;
        }

        foreach (var merge in merges)
        {
            Take(_recorder.Merge(merge.Into, merge.From));
        }

        _store.Merge(merges);
        CheckInTelemetry.Merges.Add(merges.Count);
    }

    private void Take(RecordingStep step)
    {
        if (step.Closed.Count > 0)
        {
            _store.AddRange(step.Closed);
        }

        foreach (var rejected in step.Rejected)
        {
            CheckInTelemetry.Rejected.Add(1, new KeyValuePair<string, object?>("code", rejected.Error.Code));
        }
    }

    /// <summary>What is refused before it is logged: a request id out of shape, an event the recorder would never take.</summary>
    private CheckInError? Refusal(LogEntry entry, Instant now, Instant? watermark)
    {
        if (entry.RequestId is { } id && (id.Length is 0 or > 128 || string.IsNullOrWhiteSpace(id)))
        {
            return HostingErrors.Of(HostingErrorCodes.Record.RequestId);
        }

        return entry is EventEntry e && VisitRecorder.RefusalOf(e.Event, now, _settings.Recorder.Visits, watermark) is { } rejection
            ? new RejectedEvent(e.Event, rejection).Error
            : null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "CheckIn started: snapshot up to entry {Snapshot}, {Replayed} log entries replayed, {Visits} visits indexed, in {Milliseconds:F0} ms")]
    private static partial void LogStarted(ILogger logger, long snapshot, long replayed, long visits, double milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Index snapshot refused ({Code}: {Reason}); rebuilding from the event log")]
    private static partial void LogSnapshotRefused(ILogger logger, string code, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Index snapshot written: {Visits} visits up to log entry {Sequence}, {Bytes} bytes")]
    private static partial void LogSnapshotWritten(ILogger logger, int visits, long sequence, long bytes);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Traced {Cases} cases: {Contacts} contacts in {Milliseconds:F1} ms")]
    private static partial void LogTraced(ILogger logger, int cases, int contacts, double milliseconds);

    /// <summary>An entry waiting for the next group commit, and where its result goes.</summary>
    private sealed class Queued(LogEntry entry)
    {
        public LogEntry Entry { get; } = entry;

        public TaskCompletionSource<Result<RecordReceipt>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The recorder's clock: the time an entry was first recorded, so a replay refuses exactly what the live host refused.</summary>
    private sealed class ReplayClock(Instant now) : IClock
    {
        public Instant Now { get; set; } = now;

        public Instant GetCurrentInstant() => Now;
    }
}
