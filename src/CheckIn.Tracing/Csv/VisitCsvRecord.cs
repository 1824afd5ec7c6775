using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Tracing.Csv;

/// <summary>One row of the visits CSV: who was where, from when until when.</summary>
/// <param name="Person">The person as written in the file (an identifier, never printed by CheckIn in full).</param>
/// <param name="Venue">The venue identifier.</param>
/// <param name="CheckIn">The start (inclusive).</param>
/// <param name="CheckOut">The end (exclusive), after the start.</param>
/// <param name="Line">The one-based line the record starts on.</param>
public readonly record struct VisitCsvRecord(string Person, string Venue, Instant CheckIn, Instant CheckOut, int Line)
{
    /// <summary>How the visit's end was decided: the optional <c>closure</c> column, <see cref="VisitClosure.CheckedOut"/> without it.</summary>
    public VisitClosure Closure { get; init; } = VisitClosure.CheckedOut;

    /// <summary>Returns the venue, times and line; never the person.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"line {Line}: {Venue} [{CheckIn}, {CheckOut})";
}
