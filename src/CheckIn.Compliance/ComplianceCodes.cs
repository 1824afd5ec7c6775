using CheckIn.Core;

namespace CheckIn.Compliance;

/// <summary>
/// The stable codes of venue safety reasons and of the rules' <c>Validate()</c>, with messages in Vietnamese and English
/// (<see cref="Messages"/>).
/// </summary>
public static class ComplianceCodes
{
    /// <summary>Reasons of a venue's safety status.</summary>
    public static class Safety
    {
        /// <summary>No daily checklist within the allowed age.</summary>
        public const string NoRecentChecklist = "Safety.NoRecentChecklist";

        /// <summary>The latest checklist fails a critical criterion (by default masks, or the check-in code posted).</summary>
        public const string CriticalItemFailed = "Safety.CriticalItemFailed";

        /// <summary>The latest checklist fails some criteria.</summary>
        public const string ItemsFailed = "Safety.ItemsFailed";

        /// <summary>The public reported the venue within the report window.</summary>
        public const string Reported = "Safety.Reported";

        /// <summary>The public reported the venue many times within the report window.</summary>
        public const string ManyReports = "Safety.ManyReports";

        /// <summary>The venue was warned for recording too few check-ins.</summary>
        public const string CheckInWarned = "Safety.CheckInWarned";

        /// <summary>Three warnings: suspension is recommended.</summary>
        public const string SuspensionRecommended = "Safety.SuspensionRecommended";
    }

    /// <summary>Codes of <see cref="ComplianceRule.Validate"/> and <see cref="SafetyRule.Validate"/> (the property names the option).</summary>
    public static class Rule
    {
        /// <summary>The minimum share of expected footfall is more than 0 and at most 1.</summary>
        public const string MinimumShare = "ComplianceRule.MinimumShare";

        /// <summary>The smallest expected footfall judged is 1 to 100,000.</summary>
        public const string MinimumExpected = "ComplianceRule.MinimumExpected";

        /// <summary>History is 1 to 90 days, and at least the minimum history.</summary>
        public const string HistoryDays = "ComplianceRule.HistoryDays";

        /// <summary>The judging window is 1 to 30 days.</summary>
        public const string JudgeDays = "ComplianceRule.JudgeDays";

        /// <summary>The days between warnings are 1 to 90.</summary>
        public const string WarningIntervalDays = "ComplianceRule.WarningIntervalDays";

        /// <summary>Warnings before a suspension recommendation are 1 to 20.</summary>
        public const string WarningsToSuspend = "ComplianceRule.WarningsToSuspend";

        /// <summary>The warning window is 1 to 365 days.</summary>
        public const string WarningWindowDays = "ComplianceRule.WarningWindowDays";

        /// <summary>The days of resumed check-ins that lift a recommendation are 1 to 60.</summary>
        public const string ResumeDays = "ComplianceRule.ResumeDays";

        /// <summary>The days evaluated are 1 to 366.</summary>
        public const string Days = "ComplianceRule.Days";

        /// <summary>A safety rule's ages and counts are out of range (checklist age 0 to 30 days, failed items 1 to 20, report window 1 to 90 days, reports 1 to 100).</summary>
        public const string SafetyRule = "ComplianceRule.SafetyRule";
    }

    /// <summary>Codes of <see cref="VenueProfileCsvReader"/> (the line and field say where).</summary>
    public static class VenueProfileCsv
    {
        /// <summary>The header is not venue followed by kind, commune, name, expected_daily, closed_on in that order (any prefix of them).</summary>
        public const string Header = "VenueProfileCsv.Header";

        /// <summary>A record has another number of fields than the header.</summary>
        public const string FieldCount = "VenueProfileCsv.FieldCount";

        /// <summary>A quoted field is not closed.</summary>
        public const string Quote = "VenueProfileCsv.Quote";

        /// <summary>A record is longer than the reader allows.</summary>
        public const string RecordTooLong = "VenueProfileCsv.RecordTooLong";

        /// <summary>The venue id is empty, longer than 200 characters, has a control character, or appears twice.</summary>
        public const string Venue = "VenueProfileCsv.Venue";

        /// <summary>The kind is not a venue kind.</summary>
        public const string Kind = "VenueProfileCsv.Kind";

        /// <summary>The commune is not a code of up to 5 digits.</summary>
        public const string Commune = "VenueProfileCsv.Commune";

        /// <summary>The expected daily visitors are not a number 0 to 1,000,000.</summary>
        public const string Expected = "VenueProfileCsv.Expected";

        /// <summary>A closed day is not mon…sun or 1…7, or appears twice.</summary>
        public const string ClosedOn = "VenueProfileCsv.ClosedOn";
    }

    /// <summary>The messages of every code, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(Tables.English, Tables.Vietnamese);

    /// <summary>Every code, in ordinal order.</summary>
    /// <returns>The codes.</returns>
    public static IReadOnlyList<string> All() => [.. Tables.English.Keys.Order(StringComparer.Ordinal)];

    private static class Tables
    {
        public static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
        {
            [Safety.NoRecentChecklist] = "No recent safety checklist",
            [Safety.CriticalItemFailed] = "A critical safety criterion failed",
            [Safety.ItemsFailed] = "Some safety criteria failed",
            [Safety.Reported] = "Reported by the public",
            [Safety.ManyReports] = "Reported many times by the public",
            [Safety.CheckInWarned] = "Warned for too few check-ins",
            [Safety.SuspensionRecommended] = "Suspension recommended after three warnings",
            [Rule.MinimumShare] = "The minimum check-in share is more than 0 and at most 1",
            [Rule.MinimumExpected] = "The smallest expected footfall judged is 1 to 100,000",
            [Rule.HistoryDays] = "The history is 1 to 90 days and at least its minimum",
            [Rule.JudgeDays] = "The judging window is 1 to 30 days",
            [Rule.WarningIntervalDays] = "The days between warnings are 1 to 90",
            [Rule.WarningsToSuspend] = "Warnings before suspension are 1 to 20",
            [Rule.WarningWindowDays] = "The warning window is 1 to 365 days",
            [Rule.ResumeDays] = "The days that lift a recommendation are 1 to 60",
            [Rule.Days] = "The period evaluated is 1 to 366 days",
            [Rule.SafetyRule] = "A safety rule option is out of range",
            [VenueProfileCsv.Header] = "The header of the venue profile file is wrong",
            [VenueProfileCsv.FieldCount] = "A record has the wrong number of fields",
            [VenueProfileCsv.Quote] = "A quoted field is not closed",
            [VenueProfileCsv.RecordTooLong] = "A record is too long",
            [VenueProfileCsv.Venue] = "The venue id is empty, too long or repeated",
            [VenueProfileCsv.Kind] = "The venue kind is unknown",
            [VenueProfileCsv.Commune] = "The commune code is not up to 5 digits",
            [VenueProfileCsv.Expected] = "The expected daily visitors are not 0 to 1,000,000",
            [VenueProfileCsv.ClosedOn] = "A closed day is not mon to sun or 1 to 7",
        };

        public static readonly Dictionary<string, string> Vietnamese = new(StringComparer.Ordinal)
        {
            [Safety.NoRecentChecklist] = "Không có bảng kiểm an toàn gần đây",
            [Safety.CriticalItemFailed] = "Không đạt một tiêu chí an toàn bắt buộc",
            [Safety.ItemsFailed] = "Không đạt một số tiêu chí an toàn",
            [Safety.Reported] = "Bị người dân phản ánh",
            [Safety.ManyReports] = "Bị người dân phản ánh nhiều lần",
            [Safety.CheckInWarned] = "Bị nhắc nhở vì quét mã quá ít",
            [Safety.SuspensionRecommended] = "Đề nghị tạm dừng hoạt động sau ba lần nhắc nhở",
            [Rule.MinimumShare] = "Tỷ lệ quét mã tối thiểu lớn hơn 0 và tối đa 1",
            [Rule.MinimumExpected] = "Lượt khách dự kiến tối thiểu để đánh giá từ 1 đến 100.000",
            [Rule.HistoryDays] = "Lịch sử từ 1 đến 90 ngày và không ít hơn mức tối thiểu",
            [Rule.JudgeDays] = "Khoảng ngày đánh giá từ 1 đến 30 ngày",
            [Rule.WarningIntervalDays] = "Khoảng cách giữa hai lần nhắc nhở từ 1 đến 90 ngày",
            [Rule.WarningsToSuspend] = "Số lần nhắc nhở trước khi tạm dừng từ 1 đến 20",
            [Rule.WarningWindowDays] = "Khoảng tính nhắc nhở từ 1 đến 365 ngày",
            [Rule.ResumeDays] = "Số ngày khôi phục để gỡ đề nghị từ 1 đến 60",
            [Rule.Days] = "Khoảng thời gian đánh giá từ 1 đến 366 ngày",
            [Rule.SafetyRule] = "Một tùy chọn quy tắc an toàn nằm ngoài phạm vi",
            [VenueProfileCsv.Header] = "Dòng tiêu đề của tệp hồ sơ địa điểm không đúng",
            [VenueProfileCsv.FieldCount] = "Một dòng có số trường không đúng",
            [VenueProfileCsv.Quote] = "Một trường trong ngoặc kép chưa được đóng",
            [VenueProfileCsv.RecordTooLong] = "Một dòng quá dài",
            [VenueProfileCsv.Venue] = "Mã địa điểm trống, quá dài hoặc bị lặp",
            [VenueProfileCsv.Kind] = "Loại địa điểm không xác định",
            [VenueProfileCsv.Commune] = "Mã xã không phải số có tối đa 5 chữ số",
            [VenueProfileCsv.Expected] = "Số khách dự kiến mỗi ngày không nằm trong khoảng 0 đến 1.000.000",
            [VenueProfileCsv.ClosedOn] = "Ngày nghỉ không phải mon…sun hoặc 1…7",
        };
    }
}
