using CheckIn.Core;

namespace CheckIn.Tracing.Visits;

/// <summary>An event the visit builder did not use, and why.</summary>
/// <param name="Event">The event.</param>
/// <param name="Reason">Why.</param>
public readonly record struct RejectedEvent(CheckInEvent Event, EventRejection Reason)
{
    /// <summary>The reason as a coded error (<c>Visit.*</c> in <see cref="TracingErrorCodes"/>), to report like any other failure.</summary>
    public CheckInError Error => TracingErrors.Of(Reason switch
    {
        EventRejection.InFuture => TracingErrorCodes.Visit.InFuture,
        EventRejection.CheckOutWithoutCheckIn => TracingErrorCodes.Visit.CheckOutWithoutCheckIn,
        EventRejection.DuplicateScan => TracingErrorCodes.Visit.DuplicateScan,
        EventRejection.OutOfRange => TracingErrorCodes.Visit.OutOfRange,
        EventRejection.MissingVenue => TracingErrorCodes.Visit.MissingVenue,
        EventRejection.UnknownKind => TracingErrorCodes.Visit.UnknownKind,
        EventRejection.Superseded => TracingErrorCodes.Visit.Superseded,
        EventRejection.TooLate => TracingErrorCodes.Visit.TooLate,
        _ => throw new InvalidOperationException($"Unknown rejection {Reason}."),
    });
}
