using System.Globalization;

namespace CheckIn.Core.Places;

/// <summary>One province, district or commune of an <see cref="AdministrativeEra"/>. Immutable.</summary>
public sealed class AdministrativeUnit
{
    private static readonly string[] TypePrefixes =
    [
        "Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Phường", "Xã", "Thị trấn", "Đặc khu",
    ];

    internal AdministrativeUnit(int code, string name, AdministrativeLevel level, AdministrativeEra era, AdministrativeUnit? parent)
    {
        Code = code;
        Name = name;
        Level = level;
        Era = era;
        Parent = parent;
        (UnitType, ShortName) = SplitType(name);
    }

    /// <summary>The numeric code (province 1–99, district 1–999, commune 1–99999).</summary>
    public int Code { get; }

    /// <summary>The code zero-padded as published: 2 digits for provinces, 3 for districts, 5 for communes.</summary>
    public string FormattedCode => Code.ToString(Level switch
    {
        AdministrativeLevel.Province => "D2",
        AdministrativeLevel.District => "D3",
        _ => "D5",
    }, CultureInfo.InvariantCulture);

    /// <summary>The official name with its type, e.g. <c>Thành phố Hà Nội</c>, <c>Phường Bến Nghé</c>.</summary>
    public string Name { get; }

    /// <summary>The name without its type, e.g. <c>Hà Nội</c>, <c>Bến Nghé</c>.</summary>
    public string ShortName { get; }

    /// <summary>The type word(s) from the name, e.g. <c>Thành phố</c>, <c>Phường</c>; empty when the name has none.</summary>
    public string UnitType { get; }

    /// <summary>Province, district or commune.</summary>
    public AdministrativeLevel Level { get; }

    /// <summary>The era the unit belongs to.</summary>
    public AdministrativeEra Era { get; }

    /// <summary>The unit above: a district's province, a legacy commune's district, a 2025 commune's province; null for provinces.</summary>
    public AdministrativeUnit? Parent { get; }

    /// <summary>The province the unit lies in (itself for a province).</summary>
    public AdministrativeUnit Province => Parent is null ? this : Parent.Province;

    /// <summary>Returns the name and code, e.g. <c>Phường Bến Nghé (26740)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({FormattedCode})";

    private static (string Type, string ShortName) SplitType(string name)
    {
        foreach (var prefix in TypePrefixes)
        {
            if (name.Length > prefix.Length + 1 && name.StartsWith(prefix, StringComparison.Ordinal) && name[prefix.Length] == ' ')
            {
                return (prefix, name[(prefix.Length + 1)..]);
            }
        }

        return (string.Empty, name);
    }
}
