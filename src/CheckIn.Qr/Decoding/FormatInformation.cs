namespace CheckIn.Qr.Decoding;

/// <summary>
/// The 15-bit format information (error-correction level and mask) and the 18-bit version information, each
/// protected by a BCH code; read by nearest valid codeword so a few damaged modules are tolerated.
/// </summary>
internal static class FormatInformation
{
    private const int FormatMask = 0x5412;
    private static readonly int[] FormatCodewords = CreateFormatCodewords();
    private static readonly int[] VersionCodewords = CreateVersionCodewords();

    /// <summary>The level as the format information encodes it: L = 01, M = 00, Q = 11, H = 10.</summary>
    public static int LevelBits(QrErrorCorrectionLevel level) => level switch
    {
        QrErrorCorrectionLevel.L => 1,
        QrErrorCorrectionLevel.M => 0,
        QrErrorCorrectionLevel.Q => 3,
        _ => 2,
    };

    /// <summary>The 15 format bits (after masking) for a level and mask.</summary>
    public static int Encode(QrErrorCorrectionLevel level, int mask) => FormatCodewords[(LevelBits(level) << 3) | mask];

    /// <summary>Decodes either copy of the format bits; the closer valid codeword wins, within 3 bit errors.</summary>
    public static bool TryDecode(int copy1, int copy2, out QrErrorCorrectionLevel level, out int mask)
    {
        var bestDistance = int.MaxValue;
        var best = -1;
        for (var data = 0; data < 32; data++)
        {
            var distance = Math.Min(System.Numerics.BitOperations.PopCount((uint)(FormatCodewords[data] ^ copy1)), System.Numerics.BitOperations.PopCount((uint)(FormatCodewords[data] ^ copy2)));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = data;
            }
        }

        level = default;
        mask = 0;
        if (bestDistance > 3)
        {
            return false;
        }

        level = (best >> 3) switch
        {
            1 => QrErrorCorrectionLevel.L,
            0 => QrErrorCorrectionLevel.M,
            3 => QrErrorCorrectionLevel.Q,
            _ => QrErrorCorrectionLevel.H,
        };
        mask = best & 7;
        return true;
    }

    /// <summary>Decodes either copy of the version bits (versions 7–40), within 3 bit errors.</summary>
    public static bool TryDecodeVersion(int copy1, int copy2, out int version)
    {
        var bestDistance = int.MaxValue;
        version = 0;
        for (var v = 7; v <= QrVersions.MaxVersion; v++)
        {
            var codeword = VersionCodewords[v];
            var distance = Math.Min(System.Numerics.BitOperations.PopCount((uint)(codeword ^ copy1)), System.Numerics.BitOperations.PopCount((uint)(codeword ^ copy2)));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                version = v;
            }
        }

        return bestDistance <= 3;
    }

    public static int EncodeVersion(int version) => VersionCodewords[version];

    private static int[] CreateFormatCodewords()
    {
        var codewords = new int[32];
        for (var data = 0; data < 32; data++)
        {
            codewords[data] = ((data << 10) | BchRemainder(data << 10, 0x537, 10)) ^ FormatMask;
        }

        return codewords;
    }

    private static int[] CreateVersionCodewords()
    {
        var codewords = new int[QrVersions.MaxVersion + 1];
        for (var v = 7; v <= QrVersions.MaxVersion; v++)
        {
            codewords[v] = (v << 12) | BchRemainder(v << 12, 0x1F25, 12);
        }

        return codewords;
    }

    /// <summary>The remainder of the polynomial division by the generator (degree <paramref name="degree"/>).</summary>
    private static int BchRemainder(int value, int generator, int degree)
    {
        for (var bit = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)value); bit >= degree; bit--)
        {
            if ((value & (1 << bit)) != 0)
            {
                value ^= generator << (bit - degree);
            }
        }

        return value;
    }
}
