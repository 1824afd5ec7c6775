using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using CheckIn.Core.Places;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Hosting.Log;

/// <summary>An entry as its columns.</summary>
internal readonly record struct LogRow(int Kind, byte[] Person, byte[] Others, string? Venue, int? VenueKind, int? Event, long? At, int? Channel, string? Device)
{
    public const int KindEvent = 1;
    public const int KindLink = 2;
    public const int KindTick = 3;

    public static LogRow Of(LogEntry entry) => entry switch
    {
        EventEntry e => new LogRow(KindEvent, Bytes(e.Event.Person), Bytes(e.Links), e.Event.Venue, (int)e.Event.VenueKind, (int)e.Event.Kind, e.Event.At.ToUnixTimeTicks(), (int)e.Channel, e.Device),
        LinkEntry l => new LogRow(KindLink, Bytes(l.First), Bytes([l.Second]), null, null, null, null, null, null),
        TickEntry t => new LogRow(KindTick, new byte[PersonPseudonym.SizeInBytes], [], null, null, null, t.Now.ToUnixTimeTicks(), null, null),
        null => throw new ArgumentNullException(nameof(entry)),
        _ => throw new ArgumentException($"A log entry of type {entry.GetType().Name} is not one the log stores.", nameof(entry)),
    };

    /// <summary>How many entries one page of <see cref="ReadPagesAsync"/> asks for.</summary>
    public const int PageSize = 4096;

    /// <summary>
    /// Reads a log page by page after a sequence, as every store does. Each page's command selects, in this order:
    /// seq, request_id, kind, person, others, venue, venue_kind, event, at (ticks), channel, device, recorded_at (ticks),
    /// ordered by seq, at most <see cref="PageSize"/> rows; the store says how its person column becomes a pseudonym.
    /// </summary>
    public static async IAsyncEnumerable<LoggedEntry> ReadPagesAsync(long afterSequence, Func<long, DbCommand> page, Func<DbDataReader, PersonPseudonym> personOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = afterSequence;
        while (true)
        {
            await using var command = page(last);
            var read = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    read++;
                    last = reader.GetInt64(0);
                    yield return new LoggedEntry(last, Instant.FromUnixTimeTicks(reader.GetInt64(11)), ToEntry(reader, personOf(reader)));
                }
            }

            if (read < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>The entry of a row in the column order of <see cref="ReadPagesAsync"/> (integers of any width).</summary>
    private static LogEntry ToEntry(DbDataReader reader, PersonPseudonym person)
    {
        static int Int(DbDataReader r, int column) => Convert.ToInt32(r.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);
        var requestId = reader.IsDBNull(1) ? null : reader.GetString(1);
        var others = (byte[])reader.GetValue(4);
        var links = new PersonPseudonym[others.Length / PersonPseudonym.SizeInBytes];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = PersonPseudonym.FromBytes(others.AsSpan(i * PersonPseudonym.SizeInBytes, PersonPseudonym.SizeInBytes));
        }

        switch (Int(reader, 2))
        {
            case KindLink:
                return new LinkEntry(person, links[0], requestId);
            case KindTick:
                return new TickEntry(Instant.FromUnixTimeTicks(reader.GetInt64(8)));
        }

        var e = new CheckInEvent(person, reader.GetString(5), (VenueKind)Int(reader, 6), Instant.FromUnixTimeTicks(reader.GetInt64(8)), (CheckInEventKind)Int(reader, 7));
        return new EventEntry(e, (EventChannel)Int(reader, 9), reader.IsDBNull(10) ? null : reader.GetString(10), links, requestId);
    }

    /// <summary>SHA-256 over every column but the request id: equal entries, equal fingerprints.</summary>
    public byte[] Fingerprint()
    {
        var text = string.Join('\u001F', Kind, Convert.ToHexString(Person), Convert.ToHexString(Others), Venue ?? "\u0000", VenueKind, Event, At, Channel, Device ?? "\u0000");
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }

    private static byte[] Bytes(PersonPseudonym person)
    {
        var bytes = new byte[PersonPseudonym.SizeInBytes];
        person.WriteBytes(bytes);
        return bytes;
    }

    private static byte[] Bytes(IReadOnlyList<PersonPseudonym> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var bytes = new byte[people.Count * PersonPseudonym.SizeInBytes];
        for (var i = 0; i < people.Count; i++)
        {
            people[i].WriteBytes(bytes.AsSpan(i * PersonPseudonym.SizeInBytes));
        }

        return bytes;
    }
}
