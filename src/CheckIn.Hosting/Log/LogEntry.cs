using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;

namespace CheckIn.Hosting.Log;

/// <summary>
/// One entry of the check-in event log, the system of record: everything the in-memory index, registry and recorder
/// are rebuilt from. Holds pseudonyms only.
/// </summary>
/// <param name="RequestId">The client's request id, which makes a retried request a no-op; null when none was given.</param>
public abstract record LogEntry(string? RequestId)
{
    /// <summary>
    /// SHA-256 of the entry's content, everything but the request id: equal entries, equal fingerprints. A log keeps it
    /// with the request id to tell a retried request (the same fingerprint) from a request id reused for another entry.
    /// </summary>
    /// <returns>The 32 bytes.</returns>
    public byte[] Fingerprint() => LogRow.Of(this).Fingerprint();
}

/// <summary>A check-in or check-out, with the identifiers the scan showed to be the same person.</summary>
/// <param name="Event">The event, under the scanned identifier's pseudonym, with the venue's kind when recorded.</param>
/// <param name="Channel">Who recorded it.</param>
/// <param name="Device">The scanning device, or null.</param>
/// <param name="Links">Pseudonyms the scan linked to the person (a chip card's old number, a 1405 code's QID…).</param>
/// <param name="RequestId">The client's request id, or null.</param>
public sealed record EventEntry(CheckInEvent Event, EventChannel Channel, string? Device, IReadOnlyList<PersonPseudonym> Links, string? RequestId = null)
    : LogEntry(RequestId);

/// <summary>Two pseudonyms known to be one person (a declaration, a link made by staff).</summary>
/// <param name="First">One pseudonym.</param>
/// <param name="Second">The other.</param>
/// <param name="RequestId">The client's request id, or null.</param>
public sealed record LinkEntry(PersonPseudonym First, PersonPseudonym Second, string? RequestId = null) : LogEntry(RequestId);

/// <summary>
/// Time passed with nothing else to record: the host's clock moved the recorder's watermark (settling quiet visits)
/// and the retention cut. Logged so that a replay settles exactly what the live host settled.
/// </summary>
/// <param name="Now">The host's time.</param>
public sealed record TickEntry(NodaTime.Instant Now) : LogEntry((string?)null);

/// <summary>An entry as the log holds it.</summary>
/// <param name="Sequence">Its place in the log (1, 2, …; strictly increasing, never reused).</param>
/// <param name="RecordedAt">The host's time when it was appended (what "the future" meant for it).</param>
/// <param name="Entry">The entry.</param>
public sealed record LoggedEntry(long Sequence, NodaTime.Instant RecordedAt, LogEntry Entry);

/// <summary>What appending one entry did.</summary>
/// <param name="Sequence">Where the entry is in the log (the earlier one's, for a repeated request).</param>
/// <param name="Repeated">True when the request id was seen before with the same entry: nothing was added.</param>
public readonly record struct LogAppend(long Sequence, bool Repeated);

/// <summary>
/// The durable check-in event log behind a host. An append returns once its entries are durable: nothing
/// acknowledged is lost, by a crash or a <c>kill -9</c>. Entries with a request id already in the log are not added
/// again. <see cref="SqliteCheckInLog"/> is the embedded default; a PostgreSQL log can stand in its place.
/// </summary>
public interface ICheckInLog : IAsyncDisposable
{
    /// <summary>Appends entries in one transaction, in order.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="recordedAt">The host's time, kept with each entry added.</param>
    /// <param name="cancellationToken">Stops before the transaction commits (then nothing was added).</param>
    /// <returns>
    /// One result per entry: where it is, and whether it repeated an earlier request; or <c>Record.RequestIdReused</c>
    /// for a request id used before with another entry (the other entries of the batch are still added).
    /// </returns>
    Task<IReadOnlyList<Core.Result<LogAppend>>> AppendAsync(IReadOnlyList<LogEntry> entries, NodaTime.Instant recordedAt, CancellationToken cancellationToken = default);

    /// <summary>Looks up an entry's request id without appending anything.</summary>
    /// <param name="entry">The entry (with a request id).</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>Null when the request id is not in the log; the earlier entry's place when it is the same entry; <c>Record.RequestIdReused</c> when it is another.</returns>
    Task<Core.Result<LogAppend>?> FindAsync(LogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads the entries after a sequence, in order, a page at a time.</summary>
    /// <param name="afterSequence">The last sequence already known (0 for all).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<LoggedEntry> ReadAfterAsync(long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>The last sequence in the log (0 when empty).</summary>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The sequence.</returns>
    Task<long> LastSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the check-in events older than a time (links stay: they are who is who, not where anyone was).</summary>
    /// <param name="before">Events at or after this stay.</param>
    /// <param name="cancellationToken">Stops the delete.</param>
    /// <returns>How many entries were deleted.</returns>
    Task<long> DeleteEventsBeforeAsync(NodaTime.Instant before, CancellationToken cancellationToken = default);
}
