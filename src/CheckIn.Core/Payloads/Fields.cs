using System.Text;
using System.Text.Unicode;
using CheckIn.Core.Identity;
using NodaTime;

namespace CheckIn.Core.Payloads;

/// <summary>Field-level helpers shared by the format readers and writers.</summary>
internal static class Fields
{
    /// <summary>Splits on a separator when the field count is exactly one of the allowed counts.</summary>
    /// <returns>The field count (also when it is not allowed; then <paramref name="ranges"/> is not filled).</returns>
    public static int Split(ReadOnlySpan<char> text, char separator, Span<Range> ranges)
    {
        var count = text.Count(separator) + 1;
        if (count <= ranges.Length)
        {
            text.Split(ranges, separator);
        }

        return count;
    }

    public static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && text.IndexOfAnyExceptInRange('0', '9') < 0;

    public static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>Builds a date when day, month and year form one (no exception on impossible dates).</summary>
    public static bool TryDate(int year, int month, int day, out LocalDate date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary><c>ddMMyyyy</c>.</summary>
    public static bool TryCompactDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        return text.Length == 8 && IsDigits(text) && TryDate(Digits(text[4..]), Digits(text[2..4]), Digits(text[..2]), out date);
    }

    /// <summary><c>dd/MM/yyyy</c>.</summary>
    public static bool TrySlashDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        return text.Length == 10 && text[2] == '/' && text[5] == '/'
            && IsDigits(text[..2]) && IsDigits(text[3..5]) && IsDigits(text[6..])
            && TryDate(Digits(text[6..]), Digits(text[3..5]), Digits(text[..2]), out date);
    }

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static bool TryIsoDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        return text.Length == 10 && text[4] == '-' && text[7] == '-'
            && IsDigits(text[..4]) && IsDigits(text[5..7]) && IsDigits(text[8..])
            && TryDate(Digits(text[..4]), Digits(text[5..7]), Digits(text[8..]), out date);
    }

    public static bool TryBirthDate(LocalDate date, out BirthDate birthDate)
    {
        birthDate = BirthDate.IsAcceptedYear(date.Year) ? BirthDate.FromDate(date) : default;
        return birthDate.Year != 0;
    }

    public static string CompactDate(LocalDate date) => Format(date, "ddMMuuuu");

    public static string SlashDate(LocalDate date) => Format(date, "dd'/'MM'/'uuuu");

    public static string IsoDate(LocalDate date) => Format(date, "uuuu'-'MM'-'dd");

    private static string Format(LocalDate date, string pattern) =>
        date.ToString(pattern, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Trims, normalizes to NFC and records what changed.</summary>
    public static string CleanText(ReadOnlySpan<char> field, ref PayloadQuirks quirks)
    {
        var trimmed = field.Trim();
        if (trimmed.Length != field.Length)
        {
            quirks |= PayloadQuirks.SurroundingWhitespace;
        }

        var text = trimmed.ToString();
        var nfc = Text.VietnameseText.ToNfc(text);
        if (!ReferenceEquals(nfc, text))
        {
            quirks |= PayloadQuirks.DecomposedText;
        }

        return nfc;
    }

    /// <summary>
    /// Decodes hex-encoded UTF-8 text. Fails (so the caller keeps the raw text) when the field is not hex,
    /// not valid UTF-8, or decodes to control characters.
    /// </summary>
    public static bool TryDecodeHexText(ReadOnlySpan<char> field, out string text, out bool upperCase)
    {
        text = string.Empty;
        upperCase = false;
        if (field.IsEmpty || field.Length % 2 != 0)
        {
            return false;
        }

        var byteCount = field.Length / 2;
        var bytes = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        for (var i = 0; i < byteCount; i++)
        {
            var high = HexValue(field[2 * i], ref upperCase);
            var low = HexValue(field[(2 * i) + 1], ref upperCase);
            if ((high | low) < 0)
            {
                return false;
            }

            bytes[i] = (byte)((high << 4) | low);
        }

        if (!Utf8.IsValid(bytes))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(bytes);
        foreach (var c in text)
        {
            if (PayloadText.IsControl(c))
            {
                text = string.Empty;
                return false;
            }
        }

        return true;
    }

    public static string EncodeHexText(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));

    private static int HexValue(char c, ref bool upperCase)
    {
        if (c is >= '0' and <= '9')
        {
            return c - '0';
        }

        if (c is >= 'a' and <= 'f')
        {
            return c - 'a' + 10;
        }

        if (c is >= 'A' and <= 'F')
        {
            upperCase = true;
            return c - 'A' + 10;
        }

        return -1;
    }

    /// <summary>
    /// Throws when a text value could not be written and read back: empty (unless allowed), surrounding white
    /// space, control characters, not NFC, or the field separator (pass null for hex-encoded fields, which
    /// may hold any character).
    /// </summary>
    public static void RequireFieldText(string? value, string parameterName, bool allowEmpty, char? separator = '|')
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (!allowEmpty && value.AsSpan().Trim().IsEmpty)
        {
            throw new ArgumentException("The value must not be empty.", parameterName);
        }

        if (value.Length != value.AsSpan().Trim().Length)
        {
            throw new ArgumentException("The value must not start or end with white space.", parameterName);
        }

        RequireVerbatimText(value, parameterName, separator);
        if (!Text.VietnameseText.IsNfc(value))
        {
            throw new ArgumentException("The value must be in Unicode normalization form C.", parameterName);
        }
    }

    /// <summary>Throws when a value kept verbatim (check strings, extra fields) holds the separator or a control character.</summary>
    public static void RequireVerbatimText(string? value, string parameterName, char? separator = '|')
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var brokenPair = char.IsHighSurrogate(c)
                ? i + 1 >= value.Length || !char.IsLowSurrogate(value[++i])
                : char.IsLowSurrogate(c);
            if (c == separator || PayloadText.IsControl(c) || brokenPair)
            {
                throw new ArgumentException("The value must not contain the field separator, control characters or broken surrogate pairs.", parameterName);
            }
        }
    }
}
