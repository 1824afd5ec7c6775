using NodaTime;

namespace CheckIn.Tracing.Csv;

/// <summary>What <see cref="VisitCsvReader.ReadInto"/> added to a store.</summary>
/// <param name="Visits">Visits added.</param>
/// <param name="Persons">Distinct persons among them.</param>
/// <param name="LatestCheckOut">The latest check-out, or null when the file held no visit.</param>
public sealed record VisitCsvSummary(long Visits, int Persons, Instant? LatestCheckOut);
