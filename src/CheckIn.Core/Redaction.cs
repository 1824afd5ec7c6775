using CheckIn.Core.Payloads;

namespace CheckIn.Core;

/// <summary>
/// Masks personal data for display and logs: CheckIn's one masking policy. Every identifier's <c>ToString()</c>,
/// every payload's <see cref="CheckInPayload.ToString"/> and <see cref="CheckInPayload.GetFields"/>, every
/// document's and record's <c>ToString()</c>, and every scanned text a tool prints (<see cref="MaskScannedText"/>) go
/// through here, so a full ID number, name, phone, address or date of birth never reaches a screen or a log by
/// accident.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Document numbers (CCCD, CMND, passport; <see cref="MaskDocumentNumber"/>): the last two characters only,
/// <c>**********56</c>. A CCCD's first six digits are the province, the sex and century, and the year of birth, which
/// masked output prints beside it; keeping them would leave 10,000 candidates for the number. With the last two
/// only, 63 provinces × 10,000 = 630,000 remain even when the birth year and sex are known.</item>
/// <item>Phones (<see cref="MaskPhone"/>): the carrier prefix and the last two digits, <c>091*****78</c> (100,000 candidates).</item>
/// <item>Names (<see cref="MaskName"/>): initials, <c>N***** V** A*</c>.</item>
/// <item>Dates of birth: the year only; addresses and street lines: <c>***</c>; e-mail addresses: the domain only.</item>
/// <item>Other codes (insurance, QR ids): <see cref="Mask"/> with a prefix that carries no person (the insurance
/// card's object and benefit codes) and the last two characters.</item>
/// </list>
/// </remarks>
public static class Redaction
{
    /// <summary>The character that replaces hidden characters.</summary>
    public const char MaskCharacter = '*';

    /// <summary>
    /// Keeps the first <paramref name="keepStart"/> and last <paramref name="keepEnd"/> characters and masks the
    /// rest: <c>Mask("079301000456", 3, 2)</c> → <c>**********56</c>. When that would hide fewer than a third of
    /// the characters, everything is masked.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="keepStart">Characters kept at the start.</param>
    /// <param name="keepEnd">Characters kept at the end.</param>
    /// <returns>The masked text, as long as the value.</returns>
    public static string Mask(ReadOnlySpan<char> value, int keepStart, int keepEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepStart);
        ArgumentOutOfRangeException.ThrowIfNegative(keepEnd);
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        var hidden = value.Length - keepStart - keepEnd;
        if (hidden < Math.Max(1, value.Length / 3))
        {
            return new string(MaskCharacter, value.Length);
        }

        return string.Concat(value[..keepStart], new string(MaskCharacter, hidden), value[^keepEnd..]);
    }

    /// <summary>
    /// Masks a CCCD, CMND or passport number to its last two characters: <c>079301000456</c> → <c>**********56</c>.
    /// </summary>
    /// <param name="number">The number.</param>
    /// <returns>The masked text, as long as the number.</returns>
    public static string MaskDocumentNumber(ReadOnlySpan<char> number) => Mask(number, 0, 2);

    /// <summary>Masks a phone number to its carrier prefix and last two digits: <c>0912345678</c> → <c>091*****78</c>.</summary>
    /// <param name="phone">The phone number as written.</param>
    /// <returns>The masked text, as long as the input.</returns>
    public static string MaskPhone(ReadOnlySpan<char> phone) => Mask(phone, 3, 2);

    /// <summary>Masks an e-mail address to its domain: <c>an@example.vn</c> → <c>***@example.vn</c>.</summary>
    /// <param name="email">The address.</param>
    /// <returns>The masked text.</returns>
    public static string MaskEmail(ReadOnlySpan<char> email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? new string(MaskCharacter, 3) : string.Concat("***", email[at..]);
    }

    /// <summary>
    /// Masks a person's name to initials, keeping word boundaries: <c>NGUYEN VAN AN</c> → <c>N***** V** A*</c>.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The masked name.</returns>
    public static string MaskName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return string.Empty;
        }

        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var atWordStart = true;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsWhiteSpace(c))
            {
                buffer[i] = ' ';
                atWordStart = true;
            }
            else
            {
                buffer[i] = atWordStart ? c : MaskCharacter;
                atWordStart = false;
            }
        }

        return new string(buffer);
    }

    /// <summary>
    /// A scanned code's text as it may be shown or logged. A venue code (tokhaiyte.vn, a CheckIn signed venue code)
    /// and any other web address print in full; a personal code that reads prints as its kind and masked fields
    /// (<see cref="CheckInPayload.ToString"/>); any other text (a personal code too damaged to read is still personal
    /// data) prints with each <c>|</c>-separated field masked: names to initials, dates (eight digits) entirely,
    /// other numbers to their last two characters, fields shorter than three characters as they are.
    /// </summary>
    /// <param name="text">The text a scanner read.</param>
    /// <param name="options">The options to read it with, or null for the defaults.</param>
    /// <returns>The text to print.</returns>
    public static string MaskScannedText(string text, PayloadReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = PayloadReader.Read(text, options);
        if (read.TryGetValue(out var payload))
        {
            return payload.Kind is PayloadKind.TokhaiyteVenue or PayloadKind.SignedVenue ? text : payload.ToString();
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        return string.Join('|', text.Split('|').Select(MaskField));
    }

    private static string MaskField(string field)
    {
        if (field.Length < 3)
        {
            return field;
        }

        var letters = false;
        var digits = false;
        foreach (var c in field)
        {
            letters |= char.IsLetter(c);
            digits |= char.IsDigit(c);
        }

        if (letters && !digits)
        {
            return MaskName(field);
        }

        // A date (ddMMyyyy as cards write their dates of birth, yyyy-MM-dd, dd/MM/yyyy): nothing of it stays.
        return IsDateLike(field) ? new string(MaskCharacter, field.Length) : MaskDocumentNumber(field);
    }

    private static bool IsDateLike(string field)
    {
        var digits = 0;
        foreach (var c in field)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('-' or '/' or '.'))
            {
                return false;
            }
        }

        return digits == 8;
    }
}
