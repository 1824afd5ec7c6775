namespace CheckIn.Core.Text;

/// <summary>
/// Base45 (RFC 9285), the text encoding of EU Digital COVID Certificates (<c>HC1:</c>) and other QR payloads: each two
/// bytes become three characters of a 45-character alphabet that QR codes store in their compact alphanumeric mode,
/// a last single byte two characters. Decoding reports bad text as coded errors and never throws.
/// </summary>
public static class Base45
{
    /// <summary>The longest text <see cref="Decode"/> takes (a version 40 QR code holds at most 4,296 such characters; this leaves room).</summary>
    public const int MaxTextLength = 1 << 16;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static readonly sbyte[] Values = MakeValues();

    /// <summary>Encodes bytes as Base45 text.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The text, 3 characters per 2 bytes (2 for a last single byte).</returns>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var length = (bytes.Length / 2 * 3) + (bytes.Length % 2 * 2);
        return string.Create(length, bytes.ToArray(), static (text, data) =>
        {
            var at = 0;
            for (var i = 0; i + 1 < data.Length; i += 2)
            {
                var n = (data[i] << 8) | data[i + 1];
                text[at++] = Alphabet[n % 45];
                text[at++] = Alphabet[n / 45 % 45];
                text[at++] = Alphabet[n / (45 * 45)];
            }

            if (data.Length % 2 == 1)
            {
                var n = data[^1];
                text[at++] = Alphabet[n % 45];
                text[at] = Alphabet[n / 45];
            }
        });
    }

    /// <summary>Decodes Base45 text.</summary>
    /// <param name="text">The text (upper-case only, as the alphabet is).</param>
    /// <returns>
    /// The bytes; or <see cref="CoreErrorCodes.Base45.TooLong"/>, <see cref="CoreErrorCodes.Base45.Character"/>,
    /// <see cref="CoreErrorCodes.Base45.Length"/> or <see cref="CoreErrorCodes.Base45.Overflow"/> with the position of the
    /// character (or group) at fault.
    /// </returns>
    public static Result<byte[]> Decode(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxTextLength)
        {
            return CoreErrors.Fail<byte[]>(CoreErrorCodes.Base45.TooLong, CheckInError.None, MaxTextLength);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= Values.Length || Values[text[i]] < 0)
            {
                return CoreErrors.Fail<byte[]>(CoreErrorCodes.Base45.Character, CheckInError.None, i);
            }
        }

        if (text.Length % 3 == 1)
        {
            return CoreErrors.Fail<byte[]>(CoreErrorCodes.Base45.Length, CheckInError.None, text.Length - 1);
        }

        var bytes = new byte[(text.Length / 3 * 2) + (text.Length % 3 == 2 ? 1 : 0)];
        var at = 0;
        var g = 0;
        for (; g + 2 < text.Length; g += 3)
        {
            var n = Values[text[g]] + (Values[text[g + 1]] * 45) + (Values[text[g + 2]] * 45 * 45);
            if (n > ushort.MaxValue)
            {
                return CoreErrors.Fail<byte[]>(CoreErrorCodes.Base45.Overflow, CheckInError.None, g);
            }

            bytes[at++] = (byte)(n >> 8);
            bytes[at++] = (byte)n;
        }

        if (g < text.Length)
        {
            var n = Values[text[g]] + (Values[text[g + 1]] * 45);
            if (n > byte.MaxValue)
            {
                return CoreErrors.Fail<byte[]>(CoreErrorCodes.Base45.Overflow, CheckInError.None, g);
            }

            bytes[at] = (byte)n;
        }

        return Result.Ok(bytes);
    }

    private static sbyte[] MakeValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
