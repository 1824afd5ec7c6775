using CheckIn.Core.Places;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing.Visits;

/// <summary>
/// One scan at a venue, as an app or a venue's staff recorded it. The person is already pseudonymized
/// (<see cref="PersonPseudonymizer"/>): no ID number ever reaches the visit builder.
/// </summary>
/// <param name="Person">The person's pseudonym.</param>
/// <param name="Venue">The venue's identifier (a group id, a signed venue key…), compared ordinally.</param>
/// <param name="VenueKind">The kind of venue, which decides how long an unclosed visit lasts.</param>
/// <param name="At">When the scan happened.</param>
/// <param name="Kind">Check-in or check-out.</param>
public readonly record struct CheckInEvent(PersonPseudonym Person, string Venue, VenueKind VenueKind, Instant At, CheckInEventKind Kind);
