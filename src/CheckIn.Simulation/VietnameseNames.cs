using CheckIn.Core.Identity;

namespace CheckIn.Simulation;

/// <summary>
/// Vietnamese full names drawn the way they occur: family names by their published shares (Nguyễn about 38%,
/// Trần 11%, Lê 9.5% …), a middle name that often marks sex (Văn, Thị), and a given name.
/// </summary>
internal static class VietnameseNames
{
    private static readonly (string Name, double Share)[] Families =
    [
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5.1), ("Huỳnh", 2), ("Phan", 4.5), ("Vũ", 3.9),
        ("Võ", 3), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5),
        ("Trương", 1), ("Đinh", 0.8), ("Lâm", 0.6), ("Tôn Nữ", 0.3), ("Mai", 0.5), ("Cao", 0.5),
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Thanh", "Đình", "Xuân", "Ngọc"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Mỹ", "Diệu", "Bảo"];

    private static readonly string[] MaleGiven =
    [
        "An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Giang", "Hải", "Hiếu", "Hòa", "Hoàng", "Hùng", "Huy",
        "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc", "Quang",
        "Quân", "Sơn", "Tài", "Tâm", "Thái", "Thành", "Thắng", "Thịnh", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh",
    ];

    private static readonly string[] FemaleGiven =
    [
        "An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Diễm", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
        "Hồng", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
        "Phương", "Quyên", "Quỳnh", "Thảo", "Thu", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Yến",
    ];

    private static readonly double[] FamilyCumulative = Cumulative(Families.Select(f => f.Share));

    /// <summary>Indices of a name: family, middle and given.</summary>
    public static (byte Family, byte Middle, byte Given) Draw(ref SimulationRandom random, Sex sex)
    {
        var family = Array.BinarySearch(FamilyCumulative, random.NextDouble() * FamilyCumulative[^1]);
        family = family < 0 ? ~family : family;
        var middle = random.Next((sex == Sex.Female ? FemaleMiddle : MaleMiddle).Length);
        var given = random.Next((sex == Sex.Female ? FemaleGiven : MaleGiven).Length);
        return ((byte)Math.Min(family, Families.Length - 1), (byte)middle, (byte)given);
    }

    public static string Compose(byte family, byte middle, byte given, Sex sex) =>
        $"{Families[family].Name} {(sex == Sex.Female ? FemaleMiddle : MaleMiddle)[middle]} {(sex == Sex.Female ? FemaleGiven : MaleGiven)[given]}";

    /// <summary>
    /// A name as someone writes it hurriedly in a paper log: diacritics dropped, a letter lost or doubled,
    /// neighbouring letters swapped, or the middle name left out.
    /// </summary>
    public static string WithTypo(string name, ref SimulationRandom random)
    {
        var written = Typo(name, ref random);
        if (written != name)
        {
            return written;
        }

        // The chosen slip changed nothing (no diacritics, two equal letters swapped): a letter doubled instead.
        var at = random.Next(name.Length);
        return name.Insert(at, name[at].ToString());
    }

    private static string Typo(string name, ref SimulationRandom random)
    {
        switch (random.Next(5))
        {
            case 0:
                return CheckIn.Core.Text.VietnameseText.RemoveDiacritics(name);
            case 1 when name.Length > 4:
                {
                    var at = random.Next(1, name.Length - 1);
                    return name.Remove(at, 1);
                }

            case 2 when name.Length > 4:
                {
                    var at = random.Next(1, name.Length - 2);
                    var chars = name.ToCharArray();
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    return new string(chars);
                }

            case 3:
                {
                    var parts = name.Split(' ');
                    return parts.Length > 2 ? $"{parts[0]} {parts[^1]}" : name;
                }

            default:
                {
                    var at = random.Next(name.Length);
                    return name.Insert(at, name[at].ToString());
                }
        }
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = new List<double>();
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += w;
            list.Add(sum);
        }

        return [.. list];
    }
}
