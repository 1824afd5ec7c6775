using CheckIn.Core;

namespace CheckIn.Tracing;

/// <summary>
/// The stable error codes of CheckIn.Tracing: events the visit builder sets aside, the visits CSV, traces, and
/// options. Codes never change meaning once published; tests and callers compare codes, never message text.
/// </summary>
public static class TracingErrorCodes
{
    /// <summary>Codes of check-in events the visit builder did not use (see <see cref="Visits.EventRejection"/>).</summary>
    public static class Visit
    {
        /// <summary>The event lies further in the future than the clock-skew tolerance allows.</summary>
        public const string InFuture = "Visit.InFuture";

        /// <summary>A check-out with no open check-in of the same person at the same venue before it.</summary>
        public const string CheckOutWithoutCheckIn = "Visit.CheckOutWithoutCheckIn";

        /// <summary>A repeated check-in within the merge tolerance, folded into the open visit.</summary>
        public const string DuplicateScan = "Visit.DuplicateScan";

        /// <summary>The event's time is outside the range the index can hold (1952–2088).</summary>
        public const string OutOfRange = "Visit.OutOfRange";

        /// <summary>The venue identifier is empty.</summary>
        public const string MissingVenue = "Visit.MissingVenue";
    }

    /// <summary>Codes of the visits CSV (<c>person,venue,check_in,check_out</c>).</summary>
    public static class VisitCsv
    {
        /// <summary>The first line is not the header <c>person,venue,check_in,check_out</c>.</summary>
        public const string Header = "VisitCsv.Header";

        /// <summary>A record does not have exactly four fields.</summary>
        public const string FieldCount = "VisitCsv.FieldCount";

        /// <summary>The person is empty.</summary>
        public const string Person = "VisitCsv.Person";

        /// <summary>The venue is empty.</summary>
        public const string Venue = "VisitCsv.Venue";

        /// <summary>A time is not an ISO-8601 UTC instant such as 2021-09-01T08:00:00Z.</summary>
        public const string Instant = "VisitCsv.Instant";

        /// <summary>The check-out is not after the check-in, the visit is longer than the index holds, or outside 1952–2088.</summary>
        public const string Interval = "VisitCsv.Interval";

        /// <summary>A quoted field is not closed.</summary>
        public const string Quote = "VisitCsv.Quote";

        /// <summary>A record is longer than the reader allows.</summary>
        public const string RecordTooLong = "VisitCsv.RecordTooLong";
    }

    /// <summary>Codes a trace reports alongside its result.</summary>
    public static class Trace
    {
        /// <summary>A case has no visits in the index: nobody can be traced from them (field: the case's index in the list).</summary>
        public const string UnknownCase = "Trace.UnknownCase";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(TracingEnglishMessages.Table, TracingVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. TracingEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}
