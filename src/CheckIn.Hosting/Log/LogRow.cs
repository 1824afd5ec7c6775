using System.Security.Cryptography;
using System.Text;
using CheckIn.Tracing.Privacy;

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
