namespace CheckIn.Tracing;

/// <summary>The English message of every code in <see cref="TracingErrorCodes"/>.</summary>
internal static class TracingEnglishMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TracingErrorCodes.Visit.InFuture] = "The event lies in the future",
        [TracingErrorCodes.Visit.CheckOutWithoutCheckIn] = "The check-out has no check-in before it",
        [TracingErrorCodes.Visit.DuplicateScan] = "The check-in repeats a scan of the same visit",
        [TracingErrorCodes.Visit.OutOfRange] = "The event's time is outside 1952–2088",
        [TracingErrorCodes.Visit.MissingVenue] = "The event has no venue",
        [TracingErrorCodes.VisitCsv.Header] = "The first line must be the header person,venue,check_in,check_out",
        [TracingErrorCodes.VisitCsv.FieldCount] = "A visit has four fields: person,venue,check_in,check_out",
        [TracingErrorCodes.VisitCsv.Person] = "The person is empty",
        [TracingErrorCodes.VisitCsv.Venue] = "The venue is empty",
        [TracingErrorCodes.VisitCsv.Instant] = "The time is not an ISO-8601 UTC instant such as 2021-09-01T08:00:00Z",
        [TracingErrorCodes.VisitCsv.Interval] = "The check-out must be after the check-in, within 18 hours, between 1952 and 2088",
        [TracingErrorCodes.VisitCsv.Quote] = "A quoted field is not closed",
        [TracingErrorCodes.VisitCsv.RecordTooLong] = "The record is too long",
        [TracingErrorCodes.Trace.UnknownCase] = "The case has no visits in the index",
    };
}
