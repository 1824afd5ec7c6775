namespace CheckIn.Hosting;

/// <summary>The Vietnamese message of every code in <see cref="HostingErrorCodes"/>.</summary>
internal static class HostingVietnameseMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [HostingErrorCodes.Snapshot.Magic] = "Tệp không phải ảnh chụp chỉ mục CheckIn",
        [HostingErrorCodes.Snapshot.Version] = "Ảnh chụp chỉ mục thuộc phiên bản định dạng khác",
        [HostingErrorCodes.Snapshot.Truncated] = "Ảnh chụp chỉ mục bị cắt cụt",
        [HostingErrorCodes.Snapshot.Checksum] = "Ảnh chụp chỉ mục không khớp mã kiểm tra",
        [HostingErrorCodes.Snapshot.Content] = "Nội dung ảnh chụp chỉ mục không nhất quán",
        [HostingErrorCodes.Snapshot.AheadOfLog] = "Ảnh chụp chỉ mục vượt quá nhật ký sự kiện",
        [HostingErrorCodes.Record.RequestIdReused] = "Mã yêu cầu đã được dùng cho một yêu cầu khác",
        [HostingErrorCodes.Record.RequestId] = "Mã yêu cầu trống hoặc dài hơn 128 ký tự",
        [HostingErrorCodes.Options.DataDirectory] = "Cần thư mục dữ liệu",
        [HostingErrorCodes.Options.Horizon] = "Khoảng chờ sự kiện muộn từ 0 đến 7 ngày",
        [HostingErrorCodes.Options.Retention] = "Thời gian lưu giữ từ 1 đến 365 ngày",
        [HostingErrorCodes.Options.SnapshotInterval] = "Chu kỳ chụp chỉ mục từ 1 phút đến 1 ngày",
        [HostingErrorCodes.Options.MaintenanceInterval] = "Chu kỳ bảo trì từ 1 giây đến 1 giờ",
        [HostingErrorCodes.Options.PseudonymKey] = "Khóa bí danh phải là base64 của ít nhất 32 byte ngẫu nhiên",
    };
}
