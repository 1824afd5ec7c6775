namespace CheckIn.Core.Identity;

/// <summary>
/// A health-insurance (BHYT) number: either the 15-character card code used from 2018
/// (<c>HS4010120878811</c>: beneficiary code <c>HS</c>, benefit level <c>4</c>, province <c>01</c>, social
/// insurance number <c>0120878811</c>), or the 10-digit social insurance number alone, which cards print
/// since about 2021.
/// </summary>
/// <remarks><see cref="ToString"/> masks the number; the full value is only available through <see cref="Value"/>.</remarks>
public readonly record struct HealthInsuranceNumber
{
    /// <summary>The length of the card code.</summary>
    public const int CardCodeLength = 15;

    /// <summary>The length of the social insurance number.</summary>
    public const int SocialInsuranceNumberLength = 10;

    private readonly string? _value;

    private HealthInsuranceNumber(string value) => _value = value;

    /// <summary>The full number as printed (15 or 10 characters). Personal data: do not log it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the 15-character card code; false for the 10-digit number alone.</summary>
    public bool IsCardCode => Value.Length == CardCodeLength;

    /// <summary>The two-letter beneficiary code (e.g. <c>HS</c> pupils, <c>DN</c> company employees), or null for the 10-digit form.</summary>
    public string? BeneficiaryCode => IsCardCode ? Value[..2] : null;

    /// <summary>The benefit level 1–5, or null for the 10-digit form.</summary>
    public int? BenefitLevel => IsCardCode ? Value[2] - '0' : null;

    /// <summary>The two-digit province code of the card, or null for the 10-digit form.</summary>
    public int? ProvinceCode => IsCardCode ? ((Value[3] - '0') * 10) + (Value[4] - '0') : null;

    /// <summary>The 10-digit social insurance number (mã số BHXH), present in both forms.</summary>
    public string SocialInsuranceNumber => IsCardCode ? Value[5..] : Value;

    /// <summary>Reads a 15-character card code or a 10-digit number; lower-case letters are upper-cased.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number, or an error coded <c>HealthInsuranceNumber.*</c>.</returns>
    public static Result<HealthInsuranceNumber> Read(ReadOnlySpan<char> text)
    {
        if (text.Length == SocialInsuranceNumberLength)
        {
            var bad = text.IndexOfAnyExceptInRange('0', '9');
            return bad >= 0
                ? CoreErrors.Fail<HealthInsuranceNumber>(CoreErrorCodes.HealthInsuranceNumber.SocialInsuranceNumber, CheckInError.None, bad)
                : Result.Ok(new HealthInsuranceNumber(text.ToString()));
        }

        if (text.Length != CardCodeLength)
        {
            return CoreErrors.Fail<HealthInsuranceNumber>(CoreErrorCodes.HealthInsuranceNumber.Length, CheckInError.None, 0);
        }

        if (!char.IsAsciiLetter(text[0]) || !char.IsAsciiLetter(text[1]))
        {
            return CoreErrors.Fail<HealthInsuranceNumber>(CoreErrorCodes.HealthInsuranceNumber.BeneficiaryCode, CheckInError.None, 0);
        }

        if (text[2] is < '1' or > '5')
        {
            return CoreErrors.Fail<HealthInsuranceNumber>(CoreErrorCodes.HealthInsuranceNumber.BenefitLevel, CheckInError.None, 2);
        }

        if (!char.IsAsciiDigit(text[3]) || !char.IsAsciiDigit(text[4]))
        {
            return CoreErrors.Fail<HealthInsuranceNumber>(CoreErrorCodes.HealthInsuranceNumber.ProvinceCode, CheckInError.None, 3);
        }

        var badDigit = text[5..].IndexOfAnyExceptInRange('0', '9');
        if (badDigit >= 0)
        {
            return CoreErrors.Fail<HealthInsuranceNumber>(CoreErrorCodes.HealthInsuranceNumber.SocialInsuranceNumber, CheckInError.None, 5 + badDigit);
        }

        var value = text.ToString();
        if (char.IsAsciiLetterLower(value[0]) || char.IsAsciiLetterLower(value[1]))
        {
            value = value.ToUpperInvariant();
        }

        return Result.Ok(new HealthInsuranceNumber(value));
    }

    /// <summary>Reads a number without building an error.</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number when valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out HealthInsuranceNumber number) => Read(text).TryGetValue(out number);

    /// <summary>Reads a number or throws.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CheckInException">The text is not a health-insurance number.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static HealthInsuranceNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text).GetValueOrThrow();
    }

    /// <summary>
    /// Returns the number masked for display. The card code keeps its non-identifying prefix (beneficiary,
    /// level, province) and the last two digits: <c>HS401********11</c>; the 10-digit form <c>01******11</c>.
    /// </summary>
    /// <returns>The masked number.</returns>
    public override string ToString() => IsCardCode ? Redaction.Mask(Value, 5, 2) : Redaction.Mask(Value, 2, 2);
}
