using System.Globalization;
using System.Text.RegularExpressions;

namespace CheckIn.Core.Identity;

/// <summary>
/// A Vietnamese phone number, normalized to E.164 (<c>+84912345678</c>).
/// </summary>
/// <remarks>
/// <para>
/// Accepts the national form (<c>0912 345 678</c>), the international forms (<c>+84 912 345 678</c>,
/// <c>84912345678</c>, <c>0084…</c>, and the common slip <c>+84 0912…</c>), with spaces, dots, dashes and
/// parentheses. Classification follows libphonenumber's metadata for Viet Nam: mobile numbers have 9
/// national digits, fixed lines 10 starting with 2. Service numbers (toll-free 1800, premium 1900, VoIP 672,
/// short UAN numbers) are refused: a person's phone in a declaration or a paper log is a mobile or a landline.
/// </para>
/// <para>
/// Knows the 2018 conversion of 11-digit mobile numbers (<c>01xx</c>) to 10 digits, so a number written
/// before September 2018 (<c>0168 123 4567</c>) maps to its current form (<c>038 123 4567</c>);
/// <see cref="WasConverted"/> says so.
/// </para>
/// <para><see cref="ToString"/> masks the number; the full value is only available through <see cref="E164"/> and <see cref="National"/>.</para>
/// </remarks>
public readonly partial record struct PhoneNumber
{
    private const int MaxInputLength = 32;

    // National significant number (the digits after the trunk 0), at most 10 digits.
    private readonly long _nationalNumber;
    private readonly byte _digits;

    private PhoneNumber(long nationalNumber, int digits, PhoneKind kind, bool wasConverted)
    {
        _nationalNumber = nationalNumber;
        _digits = (byte)digits;
        Kind = kind;
        WasConverted = wasConverted;
    }

    /// <summary>Mobile or landline.</summary>
    public PhoneKind Kind { get; }

    /// <summary>True when the input was an old 11-digit mobile number, converted to its current 10-digit form.</summary>
    public bool WasConverted { get; }

    /// <summary>The number in E.164 form, e.g. <c>+84912345678</c>. Personal data: do not log it.</summary>
    public string E164 => "+84" + NationalSignificantNumber;

    /// <summary>The number in national form with the trunk 0, e.g. <c>0912345678</c>. Personal data: do not log it.</summary>
    public string National => "0" + NationalSignificantNumber;

    private string NationalSignificantNumber =>
        _nationalNumber.ToString("D" + _digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Reads a Vietnamese phone number.</summary>
    /// <param name="text">The text as typed or printed.</param>
    /// <returns>The number, or an error coded <c>PhoneNumber.*</c>.</returns>
    public static Result<PhoneNumber> Read(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxInputLength)
        {
            return CoreErrors.Fail<PhoneNumber>(CoreErrorCodes.PhoneNumber.Length, CheckInError.None, MaxInputLength);
        }

        Span<char> digits = stackalloc char[MaxInputLength];
        var count = 0;
        var plus = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (c == '+' && count == 0 && !plus)
            {
                plus = true;
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')' or '\u00A0'))
            {
                return CoreErrors.Fail<PhoneNumber>(CoreErrorCodes.PhoneNumber.Character, CheckInError.None, i);
            }
        }

        ReadOnlySpan<char> national = digits[..count];
        if (plus)
        {
            if (!national.StartsWith("84"))
            {
                return CoreErrors.Fail<PhoneNumber>(CoreErrorCodes.PhoneNumber.CountryCode, CheckInError.None, 0);
            }

            national = national[2..];
        }
        else if (national.StartsWith("0084"))
        {
            national = national[4..];
        }
        else if (national.StartsWith("84") && national.Length is 11 or 12)
        {
            // 84 + 9 (mobile) or 10 (landline) national digits; a national number never starts with 84.
            national = national[2..];
        }

        // Drop the trunk prefix, also when it follows the country code (+84 0912…).
        if (national.StartsWith('0'))
        {
            national = national[1..];
        }

        var converted = false;
        Span<char> convertedBuffer = stackalloc char[9];
        if (national.Length == 10 && national[0] == '1' && TryConvertOldMobile(national, convertedBuffer))
        {
            national = convertedBuffer;
            converted = true;
        }

        PhoneKind kind;
        if (national.Length == 9 && MobilePattern().IsMatch(national))
        {
            kind = PhoneKind.Mobile;
        }
        else if (national.Length == 10 && FixedLinePattern().IsMatch(national))
        {
            kind = PhoneKind.Landline;
        }
        else
        {
            // Nine national digits are a mobile's length, ten starting with 2 a landline's and with 1 an old mobile's:
            // then the prefix is what is wrong.
            var rightLength = national.Length == 9 || (national.Length == 10 && national[0] is '1' or '2');
            return CoreErrors.Fail<PhoneNumber>(
                rightLength ? CoreErrorCodes.PhoneNumber.UnknownPrefix : CoreErrorCodes.PhoneNumber.Length,
                CheckInError.None,
                0);
        }

        return Result.Ok(new PhoneNumber(long.Parse(national, NumberStyles.None, CultureInfo.InvariantCulture), national.Length, kind, converted));
    }

    /// <summary>Reads a number without building an error.</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number when valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PhoneNumber number) => Read(text).TryGetValue(out number);

    /// <summary>Reads a number or throws.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CheckInException">The text is not a Vietnamese phone number.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static PhoneNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text).GetValueOrThrow();
    }

    /// <summary>Returns the national form masked for display: <c>091****678</c>.</summary>
    /// <returns>The masked number.</returns>
    public override string ToString() => Redaction.MaskPhone(National);

    // The 2018 conversion of 11-digit mobile prefixes (Ministry of Information and Communications):
    // old national prefix (after the 0, three digits starting with 1) → new prefix (two digits).
    private static bool TryConvertOldMobile(ReadOnlySpan<char> national, Span<char> destination)
    {
        var oldPrefix = ((national[1] - '0') * 10) + (national[2] - '0');
        var newPrefix = oldPrefix switch
        {
            // Viettel 0162–0169 → 032–039
            >= 62 and <= 69 => 30 + (oldPrefix - 60),
            // MobiFone
            20 => 70,
            21 => 79,
            22 => 77,
            26 => 76,
            28 => 78,
            // VinaPhone
            23 => 83,
            24 => 84,
            25 => 85,
            27 => 81,
            29 => 82,
            // Vietnamobile
            86 => 56,
            88 => 58,
            // Gmobile
            99 => 59,
            _ => -1,
        };
        if (newPrefix < 0)
        {
            return false;
        }

        destination[0] = (char)('0' + (newPrefix / 10));
        destination[1] = (char)('0' + (newPrefix % 10));
        national[3..].CopyTo(destination[2..]);
        return true;
    }

    // libphonenumber's metadata for VN (9.0.43; mobile: 9 national digits, including the 121x, 140 and 160 ranges;
    // fixed line: 10 starting with 2). PhoneNumberOracleTests compares every prefix with it.
    [GeneratedRegex(@"^(?:121[0-3]\d{5}|(?:1[46]0|(?:3\d|7[06-9])\d|5(?:[1689]\d|2[238]|59)|8(?:[1-8]\d|9[6-9])|9(?:[0-8]\d|9[013-9]))\d{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^2(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])\d{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex FixedLinePattern();
}
