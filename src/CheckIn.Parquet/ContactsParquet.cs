using CheckIn.Tracing;
using CheckIn.Tracing.FollowUp;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using NodaTime;

namespace CheckIn.Parquet;

/// <summary>
/// A trace's contacts as a Parquet table, one row a contact in print order (<see cref="TraceResultWriter.Ordered"/>),
/// with their follow-up when a book is given: the columns of <see cref="Columns"/>, typed (timestamps, seconds,
/// booleans, reals), so researchers can join them to attribute tables by <c>person</c> and <c>venue</c>.
/// </summary>
public static class ContactsParquet
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "person", "level", "exposed_at", "venue", "overlap_seconds", "source", "assumed", "score", "evidence", "distance",
        "state", "protection", "commune", "last_exposure", "quarantine_until", "next_test_due",
    ];

    /// <summary>
    /// The table: <c>person</c>, <c>level</c> (1 for F1…), <c>exposed_at</c> (UTC), <c>venue</c> (null when the evidence
    /// kept is an encounter), <c>overlap_seconds</c>, <c>source</c>, <c>assumed</c> (the overlap lies in an assumed tail),
    /// <c>score</c>, <c>evidence</c> (<c>venue</c>, <c>proximity</c>, <c>both</c>), <c>distance</c> (the encounter's class,
    /// or null); and from the follow-up book (null when it has no record of the contact, or no book is given):
    /// <c>state</c> and <c>protection</c> (kebab-case names, as the follow-up CSV writes them), <c>commune</c>,
    /// <c>last_exposure</c>, <c>quarantine_until</c>, <c>next_test_due</c> (dates in Vietnam).
    /// </summary>
    /// <param name="result">The trace.</param>
    /// <param name="nameOf">How a person is written (for example the identifier the input named them by, or a resident's key).</param>
    /// <param name="followUp">The follow-up book, or null.</param>
    /// <returns>The table, ready to write.</returns>
    public static ParquetTable Table(TraceResult result, Func<PersonPseudonym, string> nameOf, FollowUpBook? followUp)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(nameOf);
        var contacts = TraceResultWriter.Ordered(result, nameOf);
        var n = contacts.Count;
        var records = new FollowUpRecord?[n];
        for (var i = 0; i < n; i++)
        {
            records[i] = followUp?.Find(contacts[i].Person);
        }

        T[] Column<T>(Func<Contact, T> value)
        {
            var column = new T[n];
            for (var i = 0; i < n; i++)
            {
                column[i] = value(contacts[i]);
            }

            return column;
        }

        T[] FromRecord<T>(Func<FollowUpRecord, T> value)
        {
            var column = new T[n];
            for (var i = 0; i < n; i++)
            {
                column[i] = records[i] is { } record ? value(record) : default!;
            }

            return column;
        }

        return new ParquetTable(n)
            .Add("person", Column<string?>(c => nameOf(c.Person)))
            .Add("level", Column(c => c.Level))
            .Add("exposed_at", Column<Instant?>(c => c.ExposedAt))
            .Add("venue", Column(c => c.Venue))
            .Add("overlap_seconds", Column(c => (long)c.Overlap.TotalSeconds))
            .Add("source", Column<string?>(c => nameOf(c.Source)))
            .Add("assumed", Column(c => c.InAssumedTail))
            .Add("score", Column(c => c.Score))
            .Add("evidence", Column<string?>(c => TraceResultWriter.EvidenceName(c.Evidence)))
            .Add("distance", Column(c => c.Encounter is { } e ? EncounterDistances.Name(e.Distance) : null))
            .Add("state", FromRecord<string?>(r => FollowUpNames.Of(r.State)))
            .Add("protection", FromRecord<string?>(r => FollowUpNames.Of(r.Protection)))
            .Add("commune", FromRecord<int?>(r => r.Commune))
            .Add("last_exposure", FromRecord<LocalDate?>(r => r.LastExposure))
            .Add("quarantine_until", FromRecord(r => r.QuarantineUntil))
            .Add("next_test_due", FromRecord<LocalDate?>(r => r.TestsDue.Count > 0 ? r.TestsDue[0] : null));
    }

    /// <summary>Writes <see cref="Table"/> as a Parquet file.</summary>
    /// <param name="destination">Where to write (left open).</param>
    /// <param name="result">The trace.</param>
    /// <param name="nameOf">How a person is written.</param>
    /// <param name="followUp">The follow-up book, or null.</param>
    /// <param name="cancellationToken">Stops between columns.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static Task WriteAsync(Stream destination, TraceResult result, Func<PersonPseudonym, string> nameOf, FollowUpBook? followUp, CancellationToken cancellationToken = default) =>
        Table(result, nameOf, followUp).WriteAsync(destination, cancellationToken);
}
