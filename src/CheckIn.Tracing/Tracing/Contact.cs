using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing;

/// <summary>
/// A person reached by a trace, with the evidence kept: when they were exposed, by whom, and how: an overlap at a
/// venue (during which of the source's visits and which of their own) or a Bluetooth encounter
/// (<see cref="Encounter"/>), whichever came first (the venue overlap on a tie).
/// </summary>
/// <param name="Person">The contact's pseudonym.</param>
/// <param name="Level">1 for F1, 2 for F2….</param>
/// <param name="ExposedAt">The start of the overlap that exposed them (the earliest across all sources of the previous level and both kinds of evidence).</param>
/// <param name="Venue">The venue of that overlap; null when the evidence kept is an encounter.</param>
/// <param name="Overlap">How long the overlap (or the encounter's part inside the source's window) lasted.</param>
/// <param name="Source">The person of the previous level who exposed them.</param>
/// <param name="SourceVisit">The source's visit; null when the evidence kept is an encounter.</param>
/// <param name="ContactVisit">The contact's visit; null when the evidence kept is an encounter.</param>
public sealed record Contact(
    PersonPseudonym Person,
    int Level,
    Instant ExposedAt,
    string? Venue,
    Duration Overlap,
    PersonPseudonym Source,
    VisitInterval? SourceVisit,
    VisitInterval? ContactVisit)
{
    /// <summary>
    /// True when the venue overlap kept lies in an assumed tail: the source's or the contact's visit never checked out, so
    /// its end (and the overlap) rests on a default length or the next check-in (<see cref="VisitInterval.IsAssumed"/>).
    /// False for an encounter.
    /// </summary>
    public bool InAssumedTail => SourceVisit is { IsAssumed: true } || ContactVisit is { IsAssumed: true };

    /// <summary>
    /// The kinds of evidence that reached this person at this level: co-presence at a venue, a Bluetooth encounter, or
    /// both (from the same source or different ones). Default <see cref="ContactEvidence.Venue"/>.
    /// </summary>
    public ContactEvidence Evidence { get; init; } = ContactEvidence.Venue;

    /// <summary>
    /// The earliest encounter with a source of the previous level, when proximity reached them (whether or not it is the
    /// evidence kept); null otherwise.
    /// </summary>
    public Proximity.EncounterEvidence? Encounter { get; init; }

    /// <summary>
    /// How likely the evidence was to infect, in [0, 1], under the trace's <see cref="RiskModel"/>: the source's score
    /// times the overlap's (a case scores 1), for the earliest venue overlap and the earliest encounter, combined as
    /// independent chances when both reached the person.
    /// </summary>
    public double Score { get; init; }

    /// <summary>
    /// Others at the venue during the overlap (the source among them), from the index: how crowded it was. Counted when
    /// the trace's <see cref="RiskModel.UseCrowding"/> is on (a probe of the index per contact), null otherwise.
    /// </summary>
    public int? OthersPresent { get; init; }
}

/// <summary>The kinds of evidence that reached a contact.</summary>
[Flags]
public enum ContactEvidence
{
    /// <summary>None (never on a contact a trace reports).</summary>
    None = 0,

    /// <summary>Co-presence at a venue: overlapping visits.</summary>
    Venue = 1,

    /// <summary>Proximity: a Bluetooth encounter between the two phones.</summary>
    Proximity = 2,

    /// <summary>Both.</summary>
    Both = Venue | Proximity,
}
