namespace CheckIn.Declarations;

/// <summary>
/// An address as forms collect it: administrative codes and a street line. Before 1 July 2025 a full address
/// has province, district and commune; from that date, province and commune only.
/// </summary>
public sealed record Address
{
    /// <summary>The province code (1–99).</summary>
    public int? ProvinceCode { get; init; }

    /// <summary>The district code (legacy units only, before 1 July 2025).</summary>
    public int? DistrictCode { get; init; }

    /// <summary>The commune code.</summary>
    public int? CommuneCode { get; init; }

    /// <summary>House number and street.</summary>
    public string? Street { get; init; }

    /// <summary>The codes, and the street line hidden: safe for logs.</summary>
    /// <returns>The masked text.</returns>
    public override string ToString() => DocumentText.Describe(this);
}
