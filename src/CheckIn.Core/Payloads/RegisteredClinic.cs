using System.Globalization;

namespace CheckIn.Core.Payloads;

/// <summary>
/// The registered primary-care facility of a health-insurance card (field 5): the 2-digit province code
/// and the facility code within it, printed <c>PP - FFF</c>.
/// </summary>
public readonly record struct RegisteredClinic
{
    /// <summary>Creates a clinic reference.</summary>
    /// <param name="provinceCode">The province code, 0–99.</param>
    /// <param name="facilityCode">The facility code: 2 to 5 digits.</param>
    /// <exception cref="ArgumentException">A code is out of shape.</exception>
    public RegisteredClinic(int provinceCode, string facilityCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(provinceCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(provinceCode, 99);
        ArgumentNullException.ThrowIfNull(facilityCode);
        if (facilityCode.Length is < 2 or > 5 || !Fields.IsDigits(facilityCode))
        {
            throw new ArgumentException("A facility code has 2 to 5 digits.", nameof(facilityCode));
        }

        ProvinceCode = provinceCode;
        FacilityCode = facilityCode;
    }

    /// <summary>The province code.</summary>
    public int ProvinceCode { get; }

    /// <summary>The facility code within the province, as printed (leading zeros kept).</summary>
    public string FacilityCode { get; }

    /// <summary>The 5-digit national facility code (province + facility) used by claims systems, when the facility has 3 digits.</summary>
    public string? NationalCode => FacilityCode?.Length == 3 ? ProvinceCode.ToString("D2", CultureInfo.InvariantCulture) + FacilityCode : null;

    /// <summary>Returns <c>PP - FFF</c>.</summary>
    /// <returns>The text as printed on cards.</returns>
    public override string ToString() => ProvinceCode.ToString("D2", CultureInfo.InvariantCulture) + " - " + FacilityCode;

    /// <summary>Reads <c>PP - FFF</c> and its variants (no spaces, en dash).</summary>
    internal static bool TryRead(ReadOnlySpan<char> text, out RegisteredClinic clinic, out bool variant)
    {
        clinic = default;
        variant = false;
        if (text.Length < 5 || !Fields.IsDigits(text[..2]))
        {
            return false;
        }

        var rest = text[2..];
        var trimmed = rest.TrimStart(' ');
        if (trimmed.IsEmpty || trimmed[0] is not ('-' or '\u2013'))
        {
            return false;
        }

        var facility = trimmed[1..].TrimStart(' ');
        if (facility.Length is < 2 or > 5 || !Fields.IsDigits(facility))
        {
            return false;
        }

        clinic = new RegisteredClinic(Fields.Digits(text[..2]), facility.ToString());
        variant = !text.SequenceEqual(clinic.ToString());
        return true;
    }
}
