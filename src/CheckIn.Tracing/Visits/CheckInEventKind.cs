namespace CheckIn.Tracing.Visits;

/// <summary>What a check-in event records.</summary>
public enum CheckInEventKind
{
    /// <summary>The person arrived (scanned the venue code, or staff scanned the person's code or card).</summary>
    CheckIn = 1,

    /// <summary>The person left (scanned again on the way out, or pressed check-out in the app).</summary>
    CheckOut = 2,
}
