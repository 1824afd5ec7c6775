using NodaTime;

namespace CheckIn.Tracing;

/// <summary>A visit's time span, half-open <c>[CheckIn, CheckOut)</c>.</summary>
/// <param name="CheckIn">The start (inclusive).</param>
/// <param name="CheckOut">The end (exclusive).</param>
public readonly record struct VisitInterval(Instant CheckIn, Instant CheckOut);
