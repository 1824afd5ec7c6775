using CheckIn.Tracing.Visits;

namespace CheckIn.Tracing.Index;

/// <summary>
/// A visit in the append buffer: dense ids and index seconds. The length (16 bits) and the closure code (2 bits above
/// it) share one field, so a buffered visit stays 16 bytes.
/// </summary>
internal readonly record struct PendingVisit(int Person, int Venue, int Start, int Packed)
{
    public PendingVisit(int person, int venue, int start, int length, VisitClosure closure)
        : this(person, venue, start, length | (ClosureColumn.Code(closure) << 16))
    {
    }

    /// <summary>The length in seconds (at most 65,535).</summary>
    public int Length => Packed & 0xFFFF;

    /// <summary>The closure code (<see cref="ClosureColumn.Code"/>).</summary>
    public int ClosureCode => Packed >> 16;
}
