namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// RFC 4648 Base32 without padding, upper case. Its alphabet (A–Z, 2–7) is a subset of both the QR
/// alphanumeric mode and the characters a URL path carries unescaped, which Base45 is not (its space and
/// <c>%</c> would have to be percent-encoded).
/// </summary>
internal static class Base32
{
    private static ReadOnlySpan<byte> Alphabet => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"u8;

    public static int EncodedLength(int byteCount) => ((byteCount * 8) + 4) / 5;

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[EncodedLength(data.Length)];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[index++] = (char)Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            chars[index] = (char)Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars);
    }

    /// <summary>Decodes case-insensitively; fails on any other character, on impossible lengths and on non-zero padding bits.</summary>
    /// <returns>The number of bytes written, or -1 with the failing position in <paramref name="errorPosition"/>.</returns>
    public static int Decode(ReadOnlySpan<char> text, Span<byte> destination, out int errorPosition)
    {
        errorPosition = 0;
        var byteCount = text.Length * 5 / 8;
        if (EncodedLength(byteCount) != text.Length || byteCount > destination.Length)
        {
            return -1;
        }

        var buffer = 0;
        var bits = 0;
        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = Value(text[i]);
            if (value < 0)
            {
                errorPosition = i;
                return -1;
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(buffer >> bits);
            }
        }

        if ((buffer & ((1 << bits) - 1)) != 0)
        {
            errorPosition = text.Length - 1;
            return -1;
        }

        return written;
    }

    private static int Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        >= '2' and <= '7' => c - '2' + 26,
        _ => -1,
    };
}
