using NodaTime;

namespace CheckIn.Tracing.Notices;

/// <summary>One of a person's own visits that overlaps a published exposure notice long enough.</summary>
/// <param name="Notice">The notice.</param>
/// <param name="Visit">The person's visit.</param>
/// <param name="ExposedAt">The start of the overlap.</param>
/// <param name="Overlap">How long the overlap lasted.</param>
public sealed record ExposureMatch(ExposureNotice Notice, VisitInterval Visit, Instant ExposedAt, Duration Overlap);
