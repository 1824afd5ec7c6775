namespace CheckIn.Tracing;

/// <summary>The Vietnamese message of every code in <see cref="TracingErrorCodes"/>.</summary>
internal static class TracingVietnameseMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TracingErrorCodes.Visit.InFuture] = "Sự kiện ở tương lai",
        [TracingErrorCodes.Visit.CheckOutWithoutCheckIn] = "Lượt ra không có lượt vào trước đó",
        [TracingErrorCodes.Visit.DuplicateScan] = "Lượt vào lặp lại lần quét của cùng một lượt ghé",
        [TracingErrorCodes.Visit.OutOfRange] = "Thời điểm của sự kiện nằm ngoài khoảng 1952–2088",
        [TracingErrorCodes.Visit.MissingVenue] = "Sự kiện không có địa điểm",
        [TracingErrorCodes.VisitCsv.Header] = "Dòng đầu phải là tiêu đề person,venue,check_in,check_out",
        [TracingErrorCodes.VisitCsv.FieldCount] = "Mỗi lượt ghé có bốn trường: person,venue,check_in,check_out",
        [TracingErrorCodes.VisitCsv.Person] = "Người trống",
        [TracingErrorCodes.VisitCsv.Venue] = "Địa điểm trống",
        [TracingErrorCodes.VisitCsv.Instant] = "Thời điểm không phải dạng ISO-8601 UTC như 2021-09-01T08:00:00Z",
        [TracingErrorCodes.VisitCsv.Interval] = "Giờ ra phải sau giờ vào, trong vòng 18 giờ, trong khoảng 1952 đến 2088",
        [TracingErrorCodes.VisitCsv.Quote] = "Một trường trong ngoặc kép chưa được đóng",
        [TracingErrorCodes.VisitCsv.RecordTooLong] = "Bản ghi quá dài",
        [TracingErrorCodes.Trace.UnknownCase] = "Ca bệnh không có lượt ghé nào trong chỉ mục",
    };
}
