using System.Globalization;

namespace CheckIn.Core.Identity;

/// <summary>
/// The 12-digit personal identification number (số định danh cá nhân) printed on the chip citizen ID card
/// and the identity card: <c>PPP G YY RRRRRR</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>PPP</c>: where the birth was registered: a legacy province code with a leading 0
/// (<c>001</c> Hà Nội … <c>096</c> Cà Mau), or, for births registered abroad, a country code (that list
/// is not public, so such numbers are accepted and <see cref="BirthProvinceCode"/> is null).</item>
/// <item><c>G</c>: century and sex: 1900s male 0 / female 1, 2000s 2 / 3, 2100s 4 / 5, 2200s 6 / 7, 2300s 8 / 9.</item>
/// <item><c>YY</c>: the last two digits of the birth year; <c>RRRRRR</c>: random. There is no check digit.</item>
/// </list>
/// Stored as a number, so reading one allocates nothing. <see cref="ToString"/> masks the number
/// (<c>**********56</c>); the full value is only available through <see cref="Value"/>. The default value
/// (<c>000000000000</c>) is not a number anyone holds.
/// </remarks>
public readonly record struct CitizenId
{
    /// <summary>The number of digits.</summary>
    public const int Length = 12;

    private readonly long _number;

    private CitizenId(long number) => _number = number;

    /// <summary>The full 12-digit number. Personal data: do not log it.</summary>
    public string Value => _number.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The first three digits: the birth-registration code (province with a leading 0, or country).</summary>
    public int RegistrationCode => (int)(_number / 1_000_000_000);

    /// <summary>
    /// The legacy province code (1–96) where the birth was registered, or null when the first three
    /// digits are not one of the 63 legacy province codes (births registered abroad).
    /// </summary>
    public int? BirthProvinceCode => RegistrationCode < 100 && ProvinceCodes.IsLegacyProvince(RegistrationCode) ? RegistrationCode : null;

    /// <summary>The century-and-sex digit <c>G</c> (0–9).</summary>
    public int CenturySexDigit => (int)(_number / 100_000_000 % 10);

    /// <summary>The sex encoded by the century-and-sex digit.</summary>
    public Sex Sex => CenturySexDigit % 2 == 0 ? Sex.Male : Sex.Female;

    /// <summary>The birth year encoded by the century digit and <c>YY</c> (1900–2399).</summary>
    public int BirthYear => 1900 + (CenturySexDigit / 2 * 100) + (int)(_number / 1_000_000 % 100);

    /// <summary>Reads a 12-digit number exactly (no spaces, no trimming).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number, or an error coded <c>CitizenId.*</c>.</returns>
    public static Result<CitizenId> Read(ReadOnlySpan<char> text)
    {
        if (text.Length != Length)
        {
            return CoreErrors.Fail<CitizenId>(CoreErrorCodes.CitizenId.Length, CheckInError.None, 0);
        }

        var bad = Digits.Parse(text, out var number);
        return bad >= 0
            ? CoreErrors.Fail<CitizenId>(CoreErrorCodes.CitizenId.NotDigits, CheckInError.None, bad)
            : Result.Ok(new CitizenId(number));
    }

    /// <summary>Reads a 12-digit number without building an error.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The number when the text is valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out CitizenId id) => Read(text).TryGetValue(out id);

    /// <summary>Reads a 12-digit number or throws.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CheckInException">The text is not 12 digits.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static CitizenId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text).GetValueOrThrow();
    }

    /// <summary>Builds a number from its parts (for test data and simulations).</summary>
    /// <param name="registrationCode">The birth-registration code, 0–999 (a legacy province code such as 79).</param>
    /// <param name="sex"><see cref="Sex.Male"/> or <see cref="Sex.Female"/>.</param>
    /// <param name="birthYear">The birth year, 1900–2399.</param>
    /// <param name="serial">The random part, 0–999999.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public static CitizenId Create(int registrationCode, Sex sex, int birthYear, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(registrationCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(registrationCode, 999);
        ArgumentOutOfRangeException.ThrowIfLessThan(birthYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(birthYear, 2399);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999_999);
        if (sex is not (Sex.Male or Sex.Female))
        {
            throw new ArgumentOutOfRangeException(nameof(sex), sex, "ID numbers encode only male or female.");
        }

        var centuryDigit = ((birthYear - 1900) / 100 * 2) + (sex == Sex.Female ? 1 : 0);
        var number = (registrationCode * 1_000_000_000L) + (centuryDigit * 100_000_000L) + (birthYear % 100 * 1_000_000L) + serial;
        return new CitizenId(number);
    }

    /// <summary>True when the number's birth year equals the year of <paramref name="dateOfBirth"/>.</summary>
    /// <param name="dateOfBirth">The date of birth from the same card or form.</param>
    /// <returns>True when consistent.</returns>
    public bool IsConsistentWith(BirthDate dateOfBirth) => BirthYear == dateOfBirth.Year;

    /// <summary>
    /// True when the number's sex equals <paramref name="sex"/>. <see cref="Sex.Unspecified"/> and
    /// <see cref="Sex.Other"/> are not contradicted by the number and count as consistent.
    /// </summary>
    /// <param name="sex">The sex from the same card or form.</param>
    /// <returns>True when consistent.</returns>
    public bool IsConsistentWith(Sex sex) => sex is not (Sex.Male or Sex.Female) || sex == Sex;

    /// <summary>Writes the full 12 digits into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 12 characters.</param>
    /// <returns>The number of characters written (12), or 0 when the destination is too small.</returns>
    public int WriteTo(Span<char> destination) =>
        _number.TryFormat(destination, out var written, "D12", CultureInfo.InvariantCulture) ? written : 0;

    /// <summary>Returns the number masked for display: <c>**********56</c>.</summary>
    /// <returns>The masked number.</returns>
    public override string ToString() => Redaction.MaskDocumentNumber(Value);
}
