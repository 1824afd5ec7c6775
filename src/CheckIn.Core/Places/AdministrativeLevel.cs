namespace CheckIn.Core.Places;

/// <summary>The level of an administrative unit.</summary>
public enum AdministrativeLevel
{
    /// <summary>Province or centrally governed city (tỉnh, thành phố trực thuộc trung ương).</summary>
    Province = 1,

    /// <summary>District (quận, huyện, thị xã, thành phố thuộc tỉnh); only in the legacy era.</summary>
    District = 2,

    /// <summary>Commune (phường, xã, thị trấn, đặc khu).</summary>
    Commune = 3,
}
