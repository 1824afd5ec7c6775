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
        [TracingErrorCodes.Visit.UnknownKind] = "The event is neither a check-in nor a check-out",
        [TracingErrorCodes.Visit.Superseded] = "A check-in elsewhere within the same second replaced this check-in",
        [TracingErrorCodes.VisitCsv.Header] = "The first line must be the header person,venue,check_in,check_out",
        [TracingErrorCodes.VisitCsv.FieldCount] = "A visit has four fields: person,venue,check_in,check_out",
        [TracingErrorCodes.VisitCsv.Person] = "The person is empty or has nothing visible",
        [TracingErrorCodes.VisitCsv.Venue] = "The venue is empty or has nothing visible",
        [TracingErrorCodes.VisitCsv.Instant] = "The time is not an ISO-8601 UTC instant such as 2021-09-01T08:00:00Z",
        [TracingErrorCodes.VisitCsv.Interval] = "The check-out must be after the check-in, within 18 hours, between 1952 and 2088",
        [TracingErrorCodes.VisitCsv.Quote] = "A quoted field is not closed",
        [TracingErrorCodes.VisitCsv.RecordTooLong] = "The record is too long",
        [TracingErrorCodes.Trace.UnknownCase] = "The case has no visits in the index",
        [TracingErrorCodes.TracerOptions.MinOverlap] = "The minimum overlap is 0 to 1 day",
        [TracingErrorCodes.TracerOptions.Linger] = "The linger is 0 to 1 day",
        [TracingErrorCodes.TracerOptions.MaxDepth] = "The depth is 0 to 32 hops",
        [TracingErrorCodes.TracerOptions.OnwardWindow] = "The onward window is longer than zero and at most 60 days",
        [TracingErrorCodes.TracerOptions.MaxDegreeOfParallelism] = "The threads are 1 to 512",
        [TracingErrorCodes.TracerOptions.Clock] = "The clock is required",
        [TracingErrorCodes.BuilderOptions.MaxVisitLength] = "The longest visit is 1 second to 18 hours 12 minutes",
        [TracingErrorCodes.BuilderOptions.MergeTolerance] = "The merge tolerance is 0 to 1 hour",
        [TracingErrorCodes.BuilderOptions.ClockSkewTolerance] = "The clock-skew tolerance is 0 to 1 day",
        [TracingErrorCodes.BuilderOptions.DefaultLengths] = "Each default visit length is for a known venue kind and is 1 second to 18 hours 12 minutes",
        [TracingErrorCodes.BuilderOptions.Clock] = "The clock is required",
        [TracingErrorCodes.Trace.ContactCapReached] = "A cap on contacts cut the trace short: this level holds the earliest exposed, and no deeper level was traced",
        [TracingErrorCodes.TracerOptions.MaxContactsPerHop] = "The cap on contacts per hop is empty or at least 1",
        [TracingErrorCodes.TracerOptions.MaxContacts] = "The cap on contacts is empty or at least 1",
        [TracingErrorCodes.CsvOptions.MaxReportedErrors] = "The errors reported are 0 to 10,000,000",
        [TracingErrorCodes.StoreOptions.SegmentCapacity] = "The segment capacity is 1 to 268,435,456 visits",
        [TracingErrorCodes.StoreOptions.Retention] = "The retention is longer than zero",
        [TracingErrorCodes.StoreOptions.MaxSegments] = "The most segments is 1 to 1,024",
        [TracingErrorCodes.StoreOptions.MaxDegreeOfParallelism] = "The threads are 1 to 512",
    };
}
