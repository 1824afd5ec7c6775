namespace CheckIn.Store.PostgreSql;

/// <summary>The Vietnamese message of every code in <see cref="PostgreSqlErrorCodes"/>.</summary>
internal static class PostgreSqlVietnameseMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PostgreSqlErrorCodes.Options.Schema] = "Tên lược đồ gồm 1 đến 63 chữ thường, chữ số và dấu gạch dưới, bắt đầu bằng một chữ cái",
        [PostgreSqlErrorCodes.Options.PartitionDaysAhead] = "Phân vùng được tạo trước từ 1 đến 90 ngày",
        [PostgreSqlErrorCodes.Options.CommandTimeout] = "Thời gian chờ lệnh từ 1 giây đến 1 giờ",
        [PostgreSqlErrorCodes.Options.OverlapIndex] = "Chỉ mục chồng lấn là B-tree hoặc GiST",
        [PostgreSqlErrorCodes.Shard.Unreachable] = "Phân mảnh chứa tỉnh này không phản hồi: kết quả truy vết không có dữ liệu của tỉnh đó",
        [PostgreSqlErrorCodes.Options.Clock] = "Cần đồng hồ",
    };
}
