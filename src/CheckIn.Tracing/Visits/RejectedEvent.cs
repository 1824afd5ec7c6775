namespace CheckIn.Tracing.Visits;

/// <summary>An event the visit builder did not use, and why.</summary>
/// <param name="Event">The event.</param>
/// <param name="Reason">Why.</param>
public readonly record struct RejectedEvent(CheckInEvent Event, EventRejection Reason);
