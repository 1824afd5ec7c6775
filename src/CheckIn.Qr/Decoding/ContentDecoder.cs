using System.Text;
using System.Text.Unicode;

namespace CheckIn.Qr.Decoding;

/// <summary>The content of a symbol's data codewords.</summary>
internal sealed record DecodedContent(string Text, byte[] Bytes, QrStructuredAppend? StructuredAppend, IReadOnlyList<int> EciDesignators, bool Gs1);

/// <summary>
/// Decodes a data bit stream (ISO/IEC 18004 §7.4): numeric, alphanumeric, byte and kanji segments, ECI
/// designators, structured append headers and FNC1 (GS1) markers.
/// </summary>
internal static class ContentDecoder
{
    private const string AlphanumericTable = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    private static readonly Lazy<Encoding?> ShiftJis = new(() =>
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (Exception exception) when (exception is NotSupportedException or ArgumentException)
        {
            return null;
        }
    });

    public static DecodedContent? Decode(ReadOnlySpan<byte> data, int version)
    {
        var reader = new BitReader(data);
        var text = new StringBuilder();
        var allBytes = new List<byte>();
        var ecis = new List<int>();
        QrStructuredAppend? structuredAppend = null;
        var gs1 = false;
        Encoding? eciEncoding = null;
        while (reader.Available >= 4)
        {
            var mode = reader.Read(4);
            if (mode == QrVersions.Mode.Terminator)
            {
                break;
            }

            switch (mode)
            {
                case QrVersions.Mode.StructuredAppend:
                    if (reader.Available < 16)
                    {
                        return null;
                    }

                    var index = reader.Read(4);
                    var count = reader.Read(4) + 1;
                    structuredAppend = new QrStructuredAppend(index, count, reader.Read(8));
                    continue;
                case QrVersions.Mode.Fnc1First:
                    gs1 = true;
                    continue;
                case QrVersions.Mode.Fnc1Second:
                    if (reader.Available < 8)
                    {
                        return null;
                    }

                    reader.Read(8);
                    gs1 = true;
                    continue;
                case QrVersions.Mode.Eci:
                    if (ReadEciDesignator(ref reader) is not { } designator)
                    {
                        return null;
                    }

                    ecis.Add(designator);
                    eciEncoding = EncodingFor(designator);
                    if (eciEncoding is null && designator is not (0 or 2 or 3 or 26))
                    {
                        // An ECI we cannot interpret: keep going with the bytes as Latin-1 rather than inventing text.
                        eciEncoding = Encoding.Latin1;
                    }

                    continue;
            }

            var countBits = QrVersions.CharacterCountBits(mode, version);
            if (countBits == 0 || reader.Available < countBits)
            {
                return null;
            }

            var length = reader.Read(countBits);
            var ok = mode switch
            {
                QrVersions.Mode.Numeric => ReadNumeric(ref reader, length, text, allBytes),
                QrVersions.Mode.Alphanumeric => ReadAlphanumeric(ref reader, length, text, allBytes, gs1),
                QrVersions.Mode.Byte => ReadBytes(ref reader, length, text, allBytes, eciEncoding),
                QrVersions.Mode.Kanji => ReadKanji(ref reader, length, text, allBytes),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return new DecodedContent(text.ToString(), [.. allBytes], structuredAppend, ecis, gs1);
    }

    private static int? ReadEciDesignator(ref BitReader reader)
    {
        if (reader.Available < 8)
        {
            return null;
        }

        var first = reader.Read(8);
        if ((first & 0x80) == 0)
        {
            return first;
        }

        if ((first & 0xC0) == 0x80)
        {
            return reader.Available < 8 ? null : ((first & 0x3F) << 8) | reader.Read(8);
        }

        if ((first & 0xE0) == 0xC0)
        {
            return reader.Available < 16 ? null : ((first & 0x1F) << 16) | reader.Read(16);
        }

        return null;
    }

    private static Encoding? EncodingFor(int designator) => designator switch
    {
        0 or 2 => CodePage(437),
        1 or 3 => Encoding.Latin1,
        >= 4 and <= 18 and not 14 => CodePage(28590 + designator - 2),
        20 => ShiftJis.Value,
        21 => CodePage(1250),
        22 => CodePage(1251),
        23 => CodePage(1252),
        24 => CodePage(1256),
        25 => Encoding.BigEndianUnicode,
        26 => Encoding.UTF8,
        27 or 170 => Encoding.ASCII,
        28 => CodePage(950),
        29 => CodePage(936),
        30 => CodePage(949),
        _ => null,
    };

    private static Encoding? CodePage(int codePage)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);
        }
        catch (Exception exception) when (exception is NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    private static bool ReadNumeric(ref BitReader reader, int length, StringBuilder text, List<byte> bytes)
    {
        while (length > 0)
        {
            var digits = Math.Min(3, length);
            var bits = digits switch { 3 => 10, 2 => 7, _ => 4 };
            if (reader.Available < bits)
            {
                return false;
            }

            var value = reader.Read(bits);
            if (value >= (digits switch { 3 => 1000, 2 => 100, _ => 10 }))
            {
                return false;
            }

            var chunk = value.ToString("D" + digits.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
            text.Append(chunk);
            bytes.AddRange(Encoding.ASCII.GetBytes(chunk));
            length -= digits;
        }

        return true;
    }

    private static bool ReadAlphanumeric(ref BitReader reader, int length, StringBuilder text, List<byte> bytes, bool gs1)
    {
        var segment = new StringBuilder();
        while (length > 0)
        {
            if (length >= 2)
            {
                if (reader.Available < 11)
                {
                    return false;
                }

                var pair = reader.Read(11);
                if (pair >= 45 * 45)
                {
                    return false;
                }

                segment.Append(AlphanumericTable[pair / 45]).Append(AlphanumericTable[pair % 45]);
                length -= 2;
            }
            else
            {
                if (reader.Available < 6)
                {
                    return false;
                }

                var single = reader.Read(6);
                if (single >= 45)
                {
                    return false;
                }

                segment.Append(AlphanumericTable[single]);
                length--;
            }
        }

        var value = segment.ToString();
        if (gs1)
        {
            // In GS1 mode "%%" is a percent sign and a lone "%" is the FNC1 separator (GS, 0x1D).
            value = value.Replace("%%", "\u0001", StringComparison.Ordinal).Replace('%', '\u001D').Replace('\u0001', '%');
        }

        text.Append(value);
        bytes.AddRange(Encoding.ASCII.GetBytes(value));
        return true;
    }

    private static bool ReadBytes(ref BitReader reader, int length, StringBuilder text, List<byte> bytes, Encoding? eciEncoding)
    {
        if (reader.Available < length * 8)
        {
            return false;
        }

        var segment = new byte[length];
        for (var i = 0; i < length; i++)
        {
            segment[i] = (byte)reader.Read(8);
        }

        bytes.AddRange(segment);
        text.Append((eciEncoding ?? GuessEncoding(segment)).GetString(segment));
        return true;
    }

    private static bool ReadKanji(ref BitReader reader, int length, StringBuilder text, List<byte> bytes)
    {
        if (reader.Available < length * 13)
        {
            return false;
        }

        var segment = new byte[length * 2];
        for (var i = 0; i < length; i++)
        {
            var value = reader.Read(13);
            var combined = ((value / 0xC0) << 8) | (value % 0xC0);
            combined += combined < 0x1F00 ? 0x8140 : 0xC140;
            segment[i * 2] = (byte)(combined >> 8);
            segment[(i * 2) + 1] = (byte)combined;
        }

        bytes.AddRange(segment);
        if (ShiftJis.Value is not { } shiftJis)
        {
            return false;
        }

        try
        {
            text.Append(shiftJis.GetString(segment));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// Byte segments without an ECI: UTF-8 when the bytes are valid UTF-8 with at least one multi-byte character;
    /// Shift_JIS when they are valid Shift_JIS and look like Japanese (a double-byte character, or three half-width
    /// katakana in a row); otherwise ISO-8859-1, the standard's default.
    /// </summary>
    /// <remarks>
    /// Half-width katakana (0xA1–0xDF) are single bytes that are also Latin-1 letters and symbols (À–ß, ¡–¿), so a
    /// short run is ambiguous. Three in a row is a katakana word, since Latin-1 text almost never has three
    /// upper-case accented letters or symbols together; one or two stay Latin-1 (<c>ÀÉ</c>, and <c>café</c>'s é is
    /// 0xE9, not katakana at all).
    /// </remarks>
    private static Encoding GuessEncoding(ReadOnlySpan<byte> bytes)
    {
        var ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) < 0;
        if (ascii || Utf8.IsValid(bytes))
        {
            return ascii ? Encoding.ASCII : StrictUtf8;
        }

        if (ShiftJis.Value is { } shiftJis && LooksLikeShiftJis(bytes))
        {
            return shiftJis;
        }

        return Encoding.Latin1;
    }

    private static bool LooksLikeShiftJis(ReadOnlySpan<byte> bytes)
    {
        int doubleBytes = 0, run = 0, longestRun = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b is >= 0xA1 and <= 0xDF)
            {
                run++;
                longestRun = Math.Max(longestRun, run);
                continue;
            }

            run = 0;
            if (b < 0x80)
            {
                continue;
            }

            if (b is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xEF) && i + 1 < bytes.Length && bytes[i + 1] is >= 0x40 and <= 0xFC and not 0x7F)
            {
                doubleBytes++;
                i++;
                continue;
            }

            return false;
        }

        return doubleBytes > 0 || longestRun >= 3;
    }
}
