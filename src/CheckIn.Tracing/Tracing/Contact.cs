using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing;

/// <summary>
/// A person reached by a trace, with the evidence: where and when they were exposed, by whom, during which of
/// the source's visits and which of their own.
/// </summary>
/// <param name="Person">The contact's pseudonym.</param>
/// <param name="Level">1 for F1, 2 for F2….</param>
/// <param name="ExposedAt">The start of the overlap that exposed them (the earliest across all sources of the previous level).</param>
/// <param name="Venue">The venue of that overlap.</param>
/// <param name="Overlap">How long the overlap lasted.</param>
/// <param name="Source">The person of the previous level who exposed them.</param>
/// <param name="SourceVisit">The source's visit.</param>
/// <param name="ContactVisit">The contact's visit.</param>
public sealed record Contact(
    PersonPseudonym Person,
    int Level,
    Instant ExposedAt,
    string Venue,
    Duration Overlap,
    PersonPseudonym Source,
    VisitInterval SourceVisit,
    VisitInterval ContactVisit)
{
    /// <summary>
    /// True when the overlap lies in an assumed tail: the source's or the contact's visit never checked out, so its
    /// end (and the overlap) rests on a default length or the next check-in (<see cref="VisitInterval.IsAssumed"/>).
    /// </summary>
    public bool InAssumedTail => SourceVisit.IsAssumed || ContactVisit.IsAssumed;

    /// <summary>
    /// How likely this evidence's overlap was to infect, in [0, 1], under the trace's <see cref="RiskModel"/>: the
    /// source's score times the overlap's (a case scores 1). Scored from the evidence kept (the earliest exposure).
    /// </summary>
    public double Score { get; init; }

    /// <summary>
    /// Others at the venue during the overlap (the source among them), from the index: how crowded it was. Counted when
    /// the trace's <see cref="RiskModel.UseCrowding"/> is on (a probe of the index per contact), null otherwise.
    /// </summary>
    public int? OthersPresent { get; init; }
}
