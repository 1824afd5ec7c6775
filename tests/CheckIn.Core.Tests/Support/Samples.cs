using System.Text;

namespace CheckIn.Core.Tests.Support;

/// <summary>Real-shaped (synthetic) payload texts used across the payload tests.</summary>
internal static class Samples
{
    public const string CitizenCard2021 = "001090123456|012345678|NGUYEN VAN A|01011990|Nam|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021";

    public const string CitizenCard2024 = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||";

    public const string CitizenCardNoOldId = "046205123456||Lê Văn Cường|20022005|Nam|Thôn 3, Xã Phú Thượng, Huyện Phú Vang, Thừa Thiên Huế|10082021";

    public const string PersonalQr = "001090123456|NGUYEN VAN A|1990-01-01|0|QID8F3K2M9X|";

    public const string PersonalQrMasked = "******123456|NGUYEN VAN A|1990-**-**|1|QID8F3K2M9X|1<GD4877*******<0943******";

    public const string PersonalQrPassport = "C1234567|JOHN SMITH|1980-12-31|0|QIDPASS001|0<+84912345678";

    public const string TokhaiyteVenue = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";

    public static string Hex(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));

    public static string HealthInsurance15 { get; } = string.Join('|',
        "HS4010120878811",
        Hex("Nguyễn Văn An"),
        "15/08/2008",
        "1",
        Hex("Xã Phú Thượng, Huyện Phú Vang, Tỉnh Thừa Thiên Huế"),
        "46 - 123",
        "01/01/2021",
        "31/12/2021",
        "01/01/2021",
        "46010120878811",
        Hex("Nguyễn Văn Bình"),
        "4",
        "-",
        "a1b2c3d4e5f60718-1234",
        "$");

    public static string HealthInsurance17 { get; } = string.Join('|',
        "0120878811",
        Hex("Trần Thị Cúc"),
        "1975",
        "2",
        "-",
        "79-017",
        "01/01/2022",
        "-",
        "15/12/2021",
        "79010120878811",
        "-",
        "5",
        " 01/01/2015",
        "1f2e3d4c-0042",
        "4",
        Hex("Bảo hiểm xã hội Thành phố Hồ Chí Minh"),
        "$");
}
