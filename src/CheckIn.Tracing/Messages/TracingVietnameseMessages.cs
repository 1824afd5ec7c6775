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
        [TracingErrorCodes.Visit.UnknownKind] = "Sự kiện không phải lượt vào hay lượt ra",
        [TracingErrorCodes.Visit.Superseded] = "Một lượt vào nơi khác trong cùng giây đã thay thế lượt vào này",
        [TracingErrorCodes.VisitCsv.Header] = "Dòng đầu phải là tiêu đề person,venue,check_in,check_out",
        [TracingErrorCodes.VisitCsv.FieldCount] = "Mỗi lượt ghé có bốn trường: person,venue,check_in,check_out",
        [TracingErrorCodes.VisitCsv.Person] = "Người trống hoặc không có ký tự nhìn thấy được",
        [TracingErrorCodes.VisitCsv.Venue] = "Địa điểm trống hoặc không có ký tự nhìn thấy được",
        [TracingErrorCodes.VisitCsv.Instant] = "Thời điểm không phải dạng ISO-8601 UTC như 2021-09-01T08:00:00Z",
        [TracingErrorCodes.VisitCsv.Interval] = "Giờ ra phải sau giờ vào, trong vòng 18 giờ, trong khoảng 1952 đến 2088",
        [TracingErrorCodes.VisitCsv.Quote] = "Một trường trong ngoặc kép chưa được đóng",
        [TracingErrorCodes.VisitCsv.RecordTooLong] = "Bản ghi quá dài",
        [TracingErrorCodes.Trace.UnknownCase] = "Ca bệnh không có lượt ghé nào trong chỉ mục",
        [TracingErrorCodes.TracerOptions.MinOverlap] = "Thời gian tiếp xúc tối thiểu phải từ 0 đến 1 ngày",
        [TracingErrorCodes.TracerOptions.Linger] = "Thời gian lưu lại phải từ 0 đến 1 ngày",
        [TracingErrorCodes.TracerOptions.MaxDepth] = "Số bậc truy vết phải từ 0 đến 32",
        [TracingErrorCodes.TracerOptions.OnwardWindow] = "Khoảng lây tiếp phải lớn hơn 0 và không quá 60 ngày",
        [TracingErrorCodes.TracerOptions.MaxDegreeOfParallelism] = "Số luồng phải từ 1 đến 512",
        [TracingErrorCodes.TracerOptions.Clock] = "Đồng hồ là bắt buộc",
        [TracingErrorCodes.BuilderOptions.MaxVisitLength] = "Lượt ghé dài nhất phải từ 1 giây đến 18 giờ 12 phút",
        [TracingErrorCodes.BuilderOptions.MergeTolerance] = "Khoảng gộp lượt quét phải từ 0 đến 1 giờ",
        [TracingErrorCodes.BuilderOptions.ClockSkewTolerance] = "Độ lệch đồng hồ cho phép phải từ 0 đến 1 ngày",
        [TracingErrorCodes.BuilderOptions.DefaultLengths] = "Mỗi thời lượng mặc định phải cho một loại địa điểm đã biết và từ 1 giây đến 18 giờ 12 phút",
        [TracingErrorCodes.BuilderOptions.Clock] = "Đồng hồ là bắt buộc",
        [TracingErrorCodes.Trace.ContactCapReached] = "Giới hạn số tiếp xúc đã cắt ngắn việc truy vết: cấp này gồm những người phơi nhiễm sớm nhất, và không truy vết cấp sâu hơn",
        [TracingErrorCodes.TracerOptions.MaxContactsPerHop] = "Giới hạn số tiếp xúc mỗi bước để trống hoặc ít nhất là 1",
        [TracingErrorCodes.TracerOptions.MaxContacts] = "Giới hạn số tiếp xúc để trống hoặc ít nhất là 1",
        [TracingErrorCodes.CsvOptions.MaxReportedErrors] = "Số lỗi được báo là từ 0 đến 10.000.000",
        [TracingErrorCodes.StoreOptions.SegmentCapacity] = "Sức chứa một phân đoạn phải từ 1 đến 268.435.456 lượt ghé",
        [TracingErrorCodes.StoreOptions.Retention] = "Thời gian lưu giữ phải lớn hơn 0",
        [TracingErrorCodes.StoreOptions.MaxSegments] = "Số phân đoạn tối đa phải từ 1 đến 1.024",
        [TracingErrorCodes.StoreOptions.MaxDegreeOfParallelism] = "Số luồng phải từ 1 đến 512",
    };
}
