using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing.Proximity;

/// <summary>
/// Two app users' phones near each other (a Bluezone record): who, from when, for how long, how close. Symmetric: an
/// encounter of A with B is one of B with A. Persons are pseudonyms, made with the same key as the visits'.
/// </summary>
/// <param name="Person">One of the two.</param>
/// <param name="Other">The other.</param>
/// <param name="Start">When the phones first saw each other in this encounter.</param>
/// <param name="Duration">How long they stayed in range (at least a second, at most <see cref="EncounterIndex.MaxDuration"/>).</param>
/// <param name="Distance">How close they were (the closest class the phones' estimate kept for most of the time).</param>
public readonly record struct Encounter(PersonPseudonym Person, PersonPseudonym Other, Instant Start, Duration Duration, EncounterDistance Distance)
{
    /// <summary>When the encounter ended: <see cref="Start"/> plus <see cref="Duration"/>.</summary>
    public Instant End => Start + Duration;
}

/// <summary>
/// The proximity evidence a trace kept for a contact: the encounter with a source of the previous level that exposed
/// them earliest, its part inside the source's window, and how close they were.
/// </summary>
/// <param name="Source">The person of the previous level met.</param>
/// <param name="ExposedAt">The start of the encounter's part inside the source's window.</param>
/// <param name="Overlap">How long that part lasted.</param>
/// <param name="Distance">How close they were.</param>
/// <param name="Encounter">The whole encounter as recorded (start and length).</param>
public sealed record EncounterEvidence(PersonPseudonym Source, Instant ExposedAt, Duration Overlap, EncounterDistance Distance, Interval Encounter);
