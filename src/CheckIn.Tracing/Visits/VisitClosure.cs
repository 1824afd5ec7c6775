namespace CheckIn.Tracing.Visits;

/// <summary>How a visit's end was decided.</summary>
public enum VisitClosure
{
    /// <summary>The person checked out.</summary>
    CheckedOut = 1,

    /// <summary>No check-out came: the visit lasts the venue kind's default length.</summary>
    DefaultLength = 2,

    /// <summary>No check-out came, and the person checked in elsewhere (or here again) before the default length ran out.</summary>
    NextCheckIn = 3,

    /// <summary>The visit was longer than the maximum and was cut there.</summary>
    Capped = 4,
}
