using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;

namespace CheckIn.Store.PostgreSql;

/// <summary>
/// A pseudonym as the store's <c>uuid</c>: its 16 bytes in order (big-endian halves), so the server's byte order on
/// uuids is the tracer's pseudonym order and the uuid's text is the pseudonym's hex. For queries of a host's own on the
/// store's tables.
/// </summary>
public static class PseudonymUuid
{
    /// <summary>The uuid the store keeps a pseudonym as.</summary>
    /// <param name="person">The pseudonym.</param>
    /// <returns>The uuid.</returns>
    public static Guid Of(PersonPseudonym person)
    {
        Span<byte> bytes = stackalloc byte[PersonPseudonym.SizeInBytes];
        person.WriteBytes(bytes);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The pseudonym a stored uuid is.</summary>
    /// <param name="uuid">The uuid.</param>
    /// <returns>The pseudonym.</returns>
    public static PersonPseudonym ToPseudonym(Guid uuid)
    {
        Span<byte> bytes = stackalloc byte[PersonPseudonym.SizeInBytes];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        return PersonPseudonym.FromBytes(bytes);
    }
}

/// <summary>The closure column's codes: 0 checked out, 1 default length, 2 next check-in, 3 capped (the in-memory index's).</summary>
internal static class ClosureCode
{
    public static short Of(VisitClosure closure) => closure switch
    {
        VisitClosure.CheckedOut => 0,
        VisitClosure.DefaultLength => 1,
        VisitClosure.NextCheckIn => 2,
        VisitClosure.Capped => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(closure), closure, "Unknown visit closure."),
    };

    public static VisitClosure ToClosure(short code) => code switch
    {
        1 => VisitClosure.DefaultLength,
        2 => VisitClosure.NextCheckIn,
        3 => VisitClosure.Capped,
        _ => VisitClosure.CheckedOut,
    };
}
