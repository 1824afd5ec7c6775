using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Tracing;

/// <summary>A visit's time span, half-open <c>[CheckIn, CheckOut)</c>, and how its end was decided.</summary>
/// <param name="CheckIn">The start (inclusive).</param>
/// <param name="CheckOut">The end (exclusive).</param>
/// <param name="Closure">How the end was decided (kept by the index).</param>
public readonly record struct VisitInterval(Instant CheckIn, Instant CheckOut, VisitClosure Closure = VisitClosure.CheckedOut)
{
    /// <summary>
    /// True when the end was assumed, not observed (<see cref="VisitClosure.DefaultLength"/> or
    /// <see cref="VisitClosure.NextCheckIn"/>): the visit was seen only at its check-in, the rest is its assumed tail.
    /// </summary>
    public bool IsAssumed => IsAssumedEnd(Closure);

    /// <summary>Whether a closure is an assumed end rather than an observed one.</summary>
    internal static bool IsAssumedEnd(VisitClosure closure) => closure is VisitClosure.DefaultLength or VisitClosure.NextCheckIn;
}
