namespace CheckIn.Qr.Decoding;

/// <summary>
/// The structure of QR versions 1–40 (ISO/IEC 18004): size, alignment pattern centres, and the Reed–Solomon
/// block structure per error-correction level.
/// </summary>
internal static class QrVersions
{
    public const int MinVersion = 1;
    public const int MaxVersion = 40;

    // Per version 1–40: error-correction codewords per block, and the number of blocks (ISO/IEC 18004 Table 9).
    private static ReadOnlySpan<byte> EccPerBlockL => [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30];

    private static ReadOnlySpan<byte> BlocksL => [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25];

    private static ReadOnlySpan<byte> EccPerBlockM => [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];

    private static ReadOnlySpan<byte> BlocksM => [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];

    private static ReadOnlySpan<byte> EccPerBlockQ => [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30];

    private static ReadOnlySpan<byte> BlocksQ => [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68];

    private static ReadOnlySpan<byte> EccPerBlockH => [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30];

    private static ReadOnlySpan<byte> BlocksH => [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81];

    public static int Dimension(int version) => 17 + (4 * version);

    public static int VersionForDimension(int dimension) => (dimension - 17) / 4;

    /// <summary>All codewords (data and error correction) of a version: the modules left after the function patterns, in bytes.</summary>
    public static int TotalCodewords(int version)
    {
        var modules = (((16 * version) + 128) * version) + 64;
        if (version >= 2)
        {
            var alignments = (version / 7) + 2;
            modules -= (((25 * alignments) - 10) * alignments) - 55;
            if (version >= 7)
            {
                modules -= 36;
            }
        }

        return modules / 8;
    }

    public static (int EccPerBlock, int Blocks) EccBlocks(int version, QrErrorCorrectionLevel level)
    {
        var i = version - 1;
        return level switch
        {
            QrErrorCorrectionLevel.L => (EccPerBlockL[i], BlocksL[i]),
            QrErrorCorrectionLevel.M => (EccPerBlockM[i], BlocksM[i]),
            QrErrorCorrectionLevel.Q => (EccPerBlockQ[i], BlocksQ[i]),
            _ => (EccPerBlockH[i], BlocksH[i]),
        };
    }

    public static int DataCodewords(int version, QrErrorCorrectionLevel level)
    {
        var (ecc, blocks) = EccBlocks(version, level);
        return TotalCodewords(version) - (ecc * blocks);
    }

    /// <summary>The row and column coordinates of the alignment pattern centres (ISO/IEC 18004 Annex E).</summary>
    public static int[] AlignmentCentres(int version)
    {
        if (version == 1)
        {
            return [];
        }

        var count = (version / 7) + 2;
        var size = Dimension(version);

        // Centres are evenly spaced by an even step from the last one back to 6 (version 32 is the standard's exception).
        var step = version == 32 ? 26 : (((version * 4) + (count * 2) + 1) / ((count * 2) - 2)) * 2;
        var centres = new int[count];
        centres[0] = 6;
        for (var i = count - 1; i >= 1; i--)
        {
            centres[i] = size - 7 - ((count - 1 - i) * step);
        }

        return centres;
    }

    /// <summary>The number of bits of a segment's character count, by mode indicator and version.</summary>
    public static int CharacterCountBits(int mode, int version)
    {
        var range = version <= 9 ? 0 : version <= 26 ? 1 : 2;
        return mode switch
        {
            Mode.Numeric => range switch { 0 => 10, 1 => 12, _ => 14 },
            Mode.Alphanumeric => range switch { 0 => 9, 1 => 11, _ => 13 },
            Mode.Byte => range == 0 ? 8 : 16,
            Mode.Kanji => range switch { 0 => 8, 1 => 10, _ => 12 },
            Mode.Hanzi => range switch { 0 => 8, 1 => 10, _ => 12 },
            _ => 0,
        };
    }

    /// <summary>The 4-bit mode indicators.</summary>
    public static class Mode
    {
        public const int Terminator = 0b0000;
        public const int Numeric = 0b0001;
        public const int Alphanumeric = 0b0010;
        public const int StructuredAppend = 0b0011;
        public const int Byte = 0b0100;
        public const int Fnc1First = 0b0101;
        public const int Eci = 0b0111;
        public const int Kanji = 0b1000;
        public const int Fnc1Second = 0b1001;
        public const int Hanzi = 0b1101;
    }
}
