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

        /// <summary>The event's kind is neither check-in nor check-out.</summary>
        public const string UnknownKind = "Visit.UnknownKind";

        /// <summary>A check-in followed within the same second by a check-in elsewhere makes no visit.</summary>
        public const string Superseded = "Visit.Superseded";

        /// <summary>The event came later than the recorder's horizon allows (older than its watermark).</summary>
        public const string TooLate = "Visit.TooLate";
    }

    /// <summary>Codes of the visits CSV (<c>person,venue,check_in,check_out</c>).</summary>
    public static class VisitCsv
    {
        /// <summary>The first line is not the header <c>person,venue,check_in,check_out</c> (optionally <c>,closure</c>).</summary>
        public const string Header = "VisitCsv.Header";

        /// <summary>A record does not have as many fields as the header.</summary>
        public const string FieldCount = "VisitCsv.FieldCount";

        /// <summary>The person is empty.</summary>
        public const string Person = "VisitCsv.Person";

        /// <summary>The venue is empty.</summary>
        public const string Venue = "VisitCsv.Venue";

        /// <summary>A time is not an ISO-8601 UTC instant such as 2021-09-01T08:00:00Z.</summary>
        public const string Instant = "VisitCsv.Instant";

        /// <summary>The check-out is not after the check-in, the visit is longer than the index holds, or outside 1952–2088.</summary>
        public const string Interval = "VisitCsv.Interval";

        /// <summary>The closure is not one of <c>CheckedOut</c>, <c>DefaultLength</c>, <c>NextCheckIn</c>, <c>Capped</c> (any case, or empty for checked out).</summary>
        public const string Closure = "VisitCsv.Closure";

        /// <summary>A quoted field is not closed.</summary>
        public const string Quote = "VisitCsv.Quote";

        /// <summary>A record is longer than the reader allows.</summary>
        public const string RecordTooLong = "VisitCsv.RecordTooLong";
    }

    /// <summary>Codes of <see cref="Csv.CheckInEventCsvReader"/> (the line and field say where).</summary>
    public static class EventCsv
    {
        /// <summary>The first line is not <c>id_kind,id,venue,event,at</c> (optionally <c>,channel</c>).</summary>
        public const string Header = "EventCsv.Header";

        /// <summary>A record has another number of fields than the header.</summary>
        public const string FieldCount = "EventCsv.FieldCount";

        /// <summary>The id kind is not cccd, cmnd, bhyt, qid, phone, passport or paper.</summary>
        public const string IdKind = "EventCsv.IdKind";

        /// <summary>The identifier is empty.</summary>
        public const string Identifier = "EventCsv.Identifier";

        /// <summary>The venue is empty.</summary>
        public const string Venue = "EventCsv.Venue";

        /// <summary>The event is neither in nor out.</summary>
        public const string Event = "EventCsv.Event";

        /// <summary>The time is not an ISO-8601 instant with an offset, or lies outside 1952–2088.</summary>
        public const string Instant = "EventCsv.Instant";

        /// <summary>The channel is not app, staff or paper.</summary>
        public const string Channel = "EventCsv.Channel";

        /// <summary>A quoted field is never closed.</summary>
        public const string Quote = "EventCsv.Quote";

        /// <summary>A record is longer than the reader allows.</summary>
        public const string RecordTooLong = "EventCsv.RecordTooLong";
    }

    /// <summary>Codes of <see cref="Csv.PersonLinkCsvReader"/> (the line and field say where).</summary>
    public static class LinkCsv
    {
        /// <summary>The first line is not <c>id_kind,id,id_kind2,id2</c>.</summary>
        public const string Header = "LinkCsv.Header";

        /// <summary>A record does not have four fields.</summary>
        public const string FieldCount = "LinkCsv.FieldCount";

        /// <summary>An id kind is not cccd, cmnd, bhyt, qid, phone, passport or paper.</summary>
        public const string IdKind = "LinkCsv.IdKind";

        /// <summary>An identifier is empty.</summary>
        public const string Identifier = "LinkCsv.Identifier";

        /// <summary>A quoted field is never closed.</summary>
        public const string Quote = "LinkCsv.Quote";

        /// <summary>A record is longer than the reader allows.</summary>
        public const string RecordTooLong = "LinkCsv.RecordTooLong";
    }

    /// <summary>Codes of <see cref="Csv.EncounterCsvReader"/> (the line and field say where).</summary>
    public static class EncounterCsv
    {
        /// <summary>The first line is not <c>person,other,start,minutes,distance</c>.</summary>
        public const string Header = "EncounterCsv.Header";

        /// <summary>A record does not have five fields.</summary>
        public const string FieldCount = "EncounterCsv.FieldCount";

        /// <summary>A person is empty.</summary>
        public const string Person = "EncounterCsv.Person";

        /// <summary>The two persons are one.</summary>
        public const string SamePerson = "EncounterCsv.SamePerson";

        /// <summary>The start is not an ISO-8601 UTC instant, or the encounter lies outside 1952–2088.</summary>
        public const string Instant = "EncounterCsv.Instant";

        /// <summary>The minutes are not a number above 0 and at most a day (1,440).</summary>
        public const string Minutes = "EncounterCsv.Minutes";

        /// <summary>The distance is not close, near, medium, far or a number of metres.</summary>
        public const string Distance = "EncounterCsv.Distance";

        /// <summary>A quoted field is never closed.</summary>
        public const string Quote = "EncounterCsv.Quote";

        /// <summary>A record is longer than the reader allows.</summary>
        public const string RecordTooLong = "EncounterCsv.RecordTooLong";
    }

    /// <summary>Codes of <see cref="Csv.VenueCsvReader"/> (the line and field say where).</summary>
    public static class VenueCsv
    {
        /// <summary>The first line is not <c>venue,kind</c> (optionally <c>,commune</c> and <c>,name</c>).</summary>
        public const string Header = "VenueCsv.Header";

        /// <summary>A record has another number of fields than the header.</summary>
        public const string FieldCount = "VenueCsv.FieldCount";

        /// <summary>The venue key is empty.</summary>
        public const string Venue = "VenueCsv.Venue";

        /// <summary>The kind is not a venue kind.</summary>
        public const string Kind = "VenueCsv.Kind";

        /// <summary>The commune is not the code of a commune in the registry's era.</summary>
        public const string Commune = "VenueCsv.Commune";

        /// <summary>A quoted field is never closed.</summary>
        public const string Quote = "VenueCsv.Quote";

        /// <summary>A record is longer than the reader allows.</summary>
        public const string RecordTooLong = "VenueCsv.RecordTooLong";
    }

    /// <summary>Codes of <see cref="Venues.VenueRegistry"/>.</summary>
    public static class Venue
    {
        /// <summary>The venue key has nothing visible.</summary>
        public const string Key = "Venue.Key";

        /// <summary>The commune code is no commune of the registry's era.</summary>
        public const string UnknownCommune = "Venue.UnknownCommune";
    }

    /// <summary>Codes of <see cref="Visits.ScanInterpreter"/>: a scan that cannot make an event.</summary>
    public static class Scan
    {
        /// <summary>The visitor's app scanned a code that is not a venue's (a personal code, a card).</summary>
        public const string NotAVenueCode = "Scan.NotAVenueCode";

        /// <summary>Staff scanned a code that is not a person's (a venue code).</summary>
        public const string NotAPersonCode = "Scan.NotAPersonCode";

        /// <summary>A masked personal code: its hidden digits cannot tell two people apart.</summary>
        public const string MaskedCode = "Scan.MaskedCode";

        /// <summary>A CheckIn signed code that was not verified, where signatures are required.</summary>
        public const string Unverified = "Scan.Unverified";
    }

    /// <summary>Codes a trace reports alongside its result.</summary>
    public static class Trace
    {
        /// <summary>A case has no visits in the index: nobody can be traced from them (field: the case's index in the list).</summary>
        public const string UnknownCase = "Trace.UnknownCase";

        /// <summary>
        /// A cap on contacts (<see cref="ContactTracerOptions.MaxContactsPerHop"/>, <see cref="ContactTracerOptions.MaxContacts"/>)
        /// cut the trace short at a level (field: the level): the contacts of that level are the earliest exposed, and
        /// no deeper level was traced.
        /// </summary>
        public const string ContactCapReached = "Trace.ContactCapReached";
    }

    /// <summary>
    /// Codes of <see cref="Notices.ExposureNoticePackage.Read"/> for the package's format (the position is the byte
    /// offset, the field the notice's index). Key and signature failures carry the <c>SignedPayload.*</c> codes of
    /// CheckIn.Core.
    /// </summary>
    public static class NoticePackage
    {
        /// <summary>The package is larger than 16 MiB.</summary>
        public const string TooLarge = "NoticePackage.TooLarge";

        /// <summary>The package does not start with <c>CKNOTE</c>.</summary>
        public const string Magic = "NoticePackage.Magic";

        /// <summary>The package is shorter than its header and signature.</summary>
        public const string Truncated = "NoticePackage.Truncated";

        /// <summary>The package's format version is not supported.</summary>
        public const string Version = "NoticePackage.Version";

        /// <summary>The issue time is out of range.</summary>
        public const string Field = "NoticePackage.Field";

        /// <summary>The notice count is negative, over a million, or more than the bytes can hold.</summary>
        public const string Count = "NoticePackage.Count";

        /// <summary>A notice is malformed: empty or cut-off venue, venue not UTF-8, times out of range, or a window that does not end after it starts.</summary>
        public const string Entry = "NoticePackage.Entry";

        /// <summary>Bytes follow the last notice.</summary>
        public const string TrailingData = "NoticePackage.TrailingData";
    }

    /// <summary>Codes of <see cref="ContactTracerOptions"/> out of range (the property names the option).</summary>
    public static class TracerOptions
    {
        /// <summary>The minimum overlap is 0 to 1 day.</summary>
        public const string MinOverlap = "ContactTracerOptions.MinOverlap";

        /// <summary>The cap on contacts per hop is null or at least 1.</summary>
        public const string MaxContactsPerHop = "ContactTracerOptions.MaxContactsPerHop";

        /// <summary>The cap on contacts is null or at least 1.</summary>
        public const string MaxContacts = "ContactTracerOptions.MaxContacts";

        /// <summary>The linger is 0 to 1 day.</summary>
        public const string Linger = "ContactTracerOptions.Linger";

        /// <summary>The depth is 0 to 32 hops.</summary>
        public const string MaxDepth = "ContactTracerOptions.MaxDepth";

        /// <summary>The onward window is longer than zero and at most 60 days.</summary>
        public const string OnwardWindow = "ContactTracerOptions.OnwardWindow";

        /// <summary>The threads are 1 to 512.</summary>
        public const string MaxDegreeOfParallelism = "ContactTracerOptions.MaxDegreeOfParallelism";

        /// <summary>The clock is required.</summary>
        public const string Clock = "ContactTracerOptions.Clock";

        /// <summary>The risk model is required and valid (its own codes say what is wrong).</summary>
        public const string Risk = "ContactTracerOptions.Risk";

        /// <summary>The number of contacts kept per level is null or at least 1.</summary>
        public const string TopPerLevel = "ContactTracerOptions.TopPerLevel";

        /// <summary>The minimum score is null or in [0, 1].</summary>
        public const string MinScore = "ContactTracerOptions.MinScore";

        /// <summary>The expansion threshold is null or in [0, 1].</summary>
        public const string ExpandAbove = "ContactTracerOptions.ExpandAbove";

        /// <summary>The shortest encounter is 0 to 1 day.</summary>
        public const string MinEncounter = "ContactTracerOptions.MinEncounter";

        /// <summary>The farthest encounter distance is a defined class.</summary>
        public const string MaxEncounterDistance = "ContactTracerOptions.MaxEncounterDistance";
    }

    /// <summary>Codes of <see cref="RiskModel"/> out of range (the property names the setting).</summary>
    public static class Risk
    {
        /// <summary>The rate per minute is above 0 and at most 1.</summary>
        public const string RatePerMinute = "RiskModel.RatePerMinute";

        /// <summary>The close contacts are 1 to 10,000.</summary>
        public const string CloseContacts = "RiskModel.CloseContacts";

        /// <summary>The weight of an assumed tail is 0 to 1.</summary>
        public const string AssumedTailWeight = "RiskModel.AssumedTailWeight";

        /// <summary>Every venue kind's weight is 0 to 100.</summary>
        public const string KindWeights = "RiskModel.KindWeights";

        /// <summary>Every distance class's weight is 0 to 100.</summary>
        public const string DistanceWeights = "RiskModel.DistanceWeights";
    }

    /// <summary>Codes of <see cref="Visits.VisitBuilderOptions"/> out of range (the property names the option).</summary>
    public static class BuilderOptions
    {
        /// <summary>The longest visit is 1 second to 18 hours 12 minutes.</summary>
        public const string MaxVisitLength = "VisitBuilderOptions.MaxVisitLength";

        /// <summary>The merge tolerance is 0 to 1 hour.</summary>
        public const string MergeTolerance = "VisitBuilderOptions.MergeTolerance";

        /// <summary>The clock-skew tolerance is 0 to 1 day.</summary>
        public const string ClockSkewTolerance = "VisitBuilderOptions.ClockSkewTolerance";

        /// <summary>Each default visit length is for a known venue kind and is 1 second to 18 hours 12 minutes.</summary>
        public const string DefaultLengths = "VisitBuilderOptions.DefaultLengths";

        /// <summary>The late check-out window is 0 to 1 day.</summary>
        public const string LateCheckOutWindow = "VisitBuilderOptions.LateCheckOutWindow";

        /// <summary>The clock is required.</summary>
        public const string Clock = "VisitBuilderOptions.Clock";
    }

    /// <summary>Codes of <see cref="Visits.VisitRecorderOptions"/> out of range (the property names the option).</summary>
    public static class RecorderOptions
    {
        /// <summary>The rules are required.</summary>
        public const string Visits = "VisitRecorderOptions.Visits";

        /// <summary>The horizon is 0 to 7 days.</summary>
        public const string Horizon = "VisitRecorderOptions.Horizon";
    }

    /// <summary>Codes of <see cref="global::CheckIn.Tracing.FollowUp.FollowUpBook"/>.</summary>
    public static class FollowUp
    {
        /// <summary>The book has no record of that person.</summary>
        public const string UnknownPerson = "FollowUp.UnknownPerson";

        /// <summary>The record's state does not allow that change (a closed record notified, a case closed, …).</summary>
        public const string Transition = "FollowUp.Transition";
    }

    /// <summary>Codes of <see cref="global::CheckIn.Tracing.FollowUp.FollowUpJsonReader"/>.</summary>
    public static class FollowUpJson
    {
        /// <summary>The file is not JSON, or not an array of records.</summary>
        public const string Syntax = "FollowUpJson.Syntax";

        /// <summary>A record has a field missing or invalid (the record's index in Field, the field in Property).</summary>
        public const string Record = "FollowUpJson.Record";

        /// <summary>Two records of one person.</summary>
        public const string Duplicate = "FollowUpJson.Duplicate";

        /// <summary>The file is larger than the reader takes.</summary>
        public const string TooLarge = "FollowUpJson.TooLarge";
    }

        /// <summary>Codes of <see cref="Visits.PaperLogMatcher"/>.</summary>
    public static class PaperLog
    {
        /// <summary>The entry has neither a readable name nor a digit of a phone: nothing to record it under.</summary>
        public const string Empty = "PaperLog.Empty";
    }

    /// <summary>Codes of <see cref="Visits.PaperLogMatcherOptions"/> out of range (the property names the option).</summary>
    public static class PaperLogOptions
    {
        /// <summary>The name threshold is 0.5 to 1.</summary>
        public const string NameThreshold = "PaperLogMatcherOptions.NameThreshold";

        /// <summary>The phone-typo factor is above 0 and at most 1.</summary>
        public const string PhoneTypoFactor = "PaperLogMatcherOptions.PhoneTypoFactor";

        /// <summary>The tie margin is 0 to 0.5.</summary>
        public const string TieMargin = "PaperLogMatcherOptions.TieMargin";
    }

    /// <summary>Codes of <see cref="Index.VisitStoreOptions"/> out of range (the property names the option).</summary>
    public static class StoreOptions
    {
        /// <summary>The segment capacity is 1 to 268,435,456 visits.</summary>
        public const string SegmentCapacity = "VisitStoreOptions.SegmentCapacity";

        /// <summary>The retention is longer than zero.</summary>
        public const string Retention = "VisitStoreOptions.Retention";

        /// <summary>The most segments is 1 to 1,024.</summary>
        public const string MaxSegments = "VisitStoreOptions.MaxSegments";

        /// <summary>The threads are 1 to 512.</summary>
        public const string MaxDegreeOfParallelism = "VisitStoreOptions.MaxDegreeOfParallelism";
    }

    /// <summary>Codes of <see cref="Csv.VisitCsvReaderOptions"/> out of range (the property names the option).</summary>
    public static class CsvOptions
    {
        /// <summary>The errors reported are 0 to 10,000,000.</summary>
        public const string MaxReportedErrors = "VisitCsvReaderOptions.MaxReportedErrors";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(TracingEnglishMessages.Table, TracingVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. TracingEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}
