namespace CheckIn.Tracing.Visits;

/// <summary>The visits built from a batch of events, and every event that was not used, with its reason.</summary>
/// <param name="Visits">The visits, ordered by person, then check-in.</param>
/// <param name="Rejected">The unused events, in input order.</param>
public sealed record VisitBuildResult(IReadOnlyList<Visit> Visits, IReadOnlyList<RejectedEvent> Rejected);
