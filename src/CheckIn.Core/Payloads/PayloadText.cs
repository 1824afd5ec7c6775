using System.Text;

namespace CheckIn.Core.Payloads;

/// <summary>
/// Prepares scanned text for the format readers: removes what scanners add (BOM, trailing line breaks),
/// repairs UTF-8 that was decoded as Windows-1252, and refuses empty and oversized text, control characters and broken surrogate pairs.
/// </summary>
internal static class PayloadText
{
    /// <summary>The longest text any QR code can hold (version 40-L, numeric mode).</summary>
    public const int MaxLength = 7089;

    public static bool TryPrepare(ReadOnlySpan<char> raw, out ReadOnlySpan<char> text, out int offset, out PayloadQuirks quirks, out CheckInError error)
    {
        quirks = PayloadQuirks.None;
        offset = 0;
        error = default;
        text = raw;
        if (text.Length > MaxLength)
        {
            error = CoreErrors.At(CoreErrorCodes.Payload.TooLong, CheckInError.None, MaxLength);
            return false;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
            offset = 1;
            quirks |= PayloadQuirks.ByteOrderMark;
        }

        var trimmed = text.TrimEnd("\r\n");
        if (trimmed.Length != text.Length)
        {
            text = trimmed;
            quirks |= PayloadQuirks.TrailingLineBreak;
        }

        if (text.IsEmpty)
        {
            error = CoreErrors.At(CoreErrorCodes.Payload.Empty, CheckInError.None, 0);
            return false;
        }

        // Canonically equivalent texts are one text: a decomposed spelling is checked for mojibake as its composed
        // form is (the fields are composed later anyway), so N + U+0303 + U+2026 is repaired exactly as Ñ + U+2026.
        // Only combining marks (U+0300–U+036F) compose into Windows-1252 letters, and only then is a copy made.
        var candidate = text.ContainsAnyInRange('\u0300', '\u036F') ? Text.VietnameseText.ToNfc(text.ToString()).AsSpan() : text;
        if (TryRepairMojibake(candidate, out var repaired))
        {
            // Positions after a repair refer to the repaired text; the repair shortens multi-byte letters.
            text = repaired;
            quirks |= PayloadQuirks.MojibakeRepaired;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var highWithoutLow = char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]));
            if (IsControl(c) || char.IsLowSurrogate(c) || highWithoutLow)
            {
                error = CoreErrors.At(CoreErrorCodes.Payload.InvalidCharacter, CheckInError.None, offset + i);
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }

        return true;
    }

    public static bool IsControl(char c) => c < 0x20 || c is >= '\u007F' and <= '\u009F';

    /// <summary>
    /// Reverses the classic scanner fault of decoding UTF-8 bytes as Windows-1252 ("Nguyá»…n" → "Nguyễn").
    /// Only text whose every character maps back to one byte, and whose bytes then form valid UTF-8 with at
    /// least one multi-byte sequence, is repaired; anything else (real Latin-1 text included) is left alone.
    /// </summary>
    internal static bool TryRepairMojibake(ReadOnlySpan<char> text, out string repaired)
    {
        repaired = string.Empty;
        var hasHighByte = false;
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                hasHighByte = true;
                if (ToWindows1252Byte(c) < 0)
                {
                    return false;
                }
            }
        }

        if (!hasHighByte)
        {
            return false;
        }

        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = (byte)ToWindows1252Byte(text[i]);
        }

        try
        {
            repaired = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static int ToWindows1252Byte(char c)
    {
        if (c <= 0xFF)
        {
            return c;
        }

        return c switch
        {
            '\u20AC' => 0x80, '\u201A' => 0x82, '\u0192' => 0x83, '\u201E' => 0x84, '\u2026' => 0x85,
            '\u2020' => 0x86, '\u2021' => 0x87, '\u02C6' => 0x88, '\u2030' => 0x89, '\u0160' => 0x8A,
            '\u2039' => 0x8B, '\u0152' => 0x8C, '\u017D' => 0x8E, '\u2018' => 0x91, '\u2019' => 0x92,
            '\u201C' => 0x93, '\u201D' => 0x94, '\u2022' => 0x95, '\u2013' => 0x96, '\u2014' => 0x97,
            '\u02DC' => 0x98, '\u2122' => 0x99, '\u0161' => 0x9A, '\u203A' => 0x9B, '\u0153' => 0x9C,
            '\u017E' => 0x9E, '\u0178' => 0x9F,
            _ => -1,
        };
    }
}
