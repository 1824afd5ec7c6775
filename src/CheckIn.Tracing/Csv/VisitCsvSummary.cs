using CheckIn.Core;
using NodaTime;

namespace CheckIn.Tracing.Csv;

/// <summary>What <see cref="VisitCsvReader.ReadInto"/> added to a store.</summary>
/// <param name="Visits">Visits added.</param>
/// <param name="Persons">Distinct persons among them.</param>
/// <param name="LatestCheckOut">The latest check-out, or null when the file held no visit.</param>
public sealed record VisitCsvSummary(long Visits, int Persons, Instant? LatestCheckOut)
{
    /// <summary>Bad records skipped (<see cref="VisitCsvReaderOptions.SkipBadRecords"/>); 0 otherwise.</summary>
    public long Rejected { get; init; }

    /// <summary>
    /// The skipped records' errors, in file order, each with its line and field (at most
    /// <see cref="VisitCsvReaderOptions.MaxReportedErrors"/>; <see cref="Rejected"/> counts them all).
    /// </summary>
    public IReadOnlyList<CheckInError> Errors { get; init; } = [];
}
