namespace CheckIn.Simulation;

/// <summary>The Vietnamese message of every code in <see cref="SimulationErrorCodes"/>.</summary>
internal static class SimulationVietnameseMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SimulationErrorCodes.SimulationFile.Header] = "Tệp không bắt đầu bằng phần đầu mô phỏng CheckIn hợp lệ (CKSIM, phiên bản 1)",
        [SimulationErrorCodes.SimulationFile.Truncated] = "Tệp kết thúc giữa một bản ghi lượt ghé",
        [SimulationErrorCodes.SimulationFile.Record] = "Một bản ghi lượt ghé có giá trị ngoài phạm vi",
    };
}
