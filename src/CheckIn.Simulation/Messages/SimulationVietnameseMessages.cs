namespace CheckIn.Simulation;

/// <summary>The Vietnamese message of every code in <see cref="SimulationErrorCodes"/>.</summary>
internal static class SimulationVietnameseMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SimulationErrorCodes.SimulationFile.Header] = "Tệp không bắt đầu bằng phần đầu mô phỏng CheckIn hợp lệ (CKSIM, phiên bản 1 hoặc 2)",
        [SimulationErrorCodes.SimulationFile.Truncated] = "Tệp kết thúc giữa một bản ghi lượt ghé hoặc trước phần cuối",
        [SimulationErrorCodes.SimulationFile.Checksum] = "Mã kiểm tra hoặc số bản ghi của tệp không khớp với nội dung: tệp đã bị sửa hoặc hỏng",
        [SimulationErrorCodes.SimulationFile.Record] = "Một bản ghi lượt ghé có giá trị ngoài phạm vi",
        [SimulationErrorCodes.Options.Residents] = "Số cư dân phải từ 10 đến 20 triệu",
        [SimulationErrorCodes.Options.Days] = "Số ngày phải từ 1 đến 120",
        [SimulationErrorCodes.Options.Share] = "Tỷ lệ phải từ 0 đến 1",
        [SimulationErrorCodes.Options.VenuesPerThousand] = "Số địa điểm trên 1.000 cư dân phải từ 0,1 đến 100",
        [SimulationErrorCodes.Options.ProvinceCode] = "Mã tỉnh phải là một tỉnh trong danh mục trước tháng 7/2025",
        [SimulationErrorCodes.Outbreak.IndexCases] = "Số ca khởi phát phải từ 0 trở lên",
        [SimulationErrorCodes.Outbreak.LatentDays] = "Số ngày ủ bệnh phải từ 0 trở lên",
        [SimulationErrorCodes.Outbreak.OnsetDays] = "Triệu chứng không khởi phát trước khi có khả năng lây",
        [SimulationErrorCodes.Outbreak.CloseContacts] = "Số người tiếp xúc gần phải từ 1 trở lên",
        [SimulationErrorCodes.Outbreak.HouseholdRiskPerDay] = "Nguy cơ lây trong hộ phải từ 0 đến 1 mỗi ngày",
        [SimulationErrorCodes.Outbreak.RatePerMinute] = "Tốc độ lây phải từ 0 đến 1 mỗi phút",
        [SimulationErrorCodes.Rule.WindowBeforeOnset] = "Khoảng trước khởi phát phải từ 0 đến 30 ngày",
        [SimulationErrorCodes.Rule.MinOverlap] = "Thời gian tiếp xúc tối thiểu phải từ 0 đến 1 ngày",
        [SimulationErrorCodes.Rule.Linger] = "Thời gian lưu lại phải từ 0 đến 1 ngày",
        [SimulationErrorCodes.Rule.MaxDepth] = "Số bậc truy vết phải từ 0 đến 32",
        [SimulationErrorCodes.Identity.Model] = "Cách nhận diện người không phải cách CheckIn biết",
        [SimulationErrorCodes.Identity.Share] = "Tỷ lệ phải từ 0 đến 1",
    };
}
