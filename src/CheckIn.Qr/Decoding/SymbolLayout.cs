namespace CheckIn.Qr.Decoding;

/// <summary>
/// Where things are in a QR symbol of a given version: the function patterns (finders, separators, timing,
/// alignment, format and version information, the dark module), the order data modules are placed in, and
/// the positions of the format and version bits.
/// </summary>
internal sealed class SymbolLayout
{
    private static readonly SymbolLayout?[] Cache = new SymbolLayout?[QrVersions.MaxVersion + 1];

    private SymbolLayout(int version)
    {
        Version = version;
        Dimension = QrVersions.Dimension(version);
        Function = new BitMatrix(Dimension, Dimension);
        var d = Dimension;

        // Finder patterns with their separators, and the format information areas next to them.
        Function.SetRegion(0, 0, 9, 9);
        Function.SetRegion(d - 8, 0, 8, 9);
        Function.SetRegion(0, d - 8, 9, 8);

        // Timing patterns.
        Function.SetRegion(8, 6, d - 16, 1);
        Function.SetRegion(6, 8, 1, d - 16);

        var centres = QrVersions.AlignmentCentres(version);
        foreach (var y in centres)
        {
            foreach (var x in centres)
            {
                var overlapsFinder = (x == 6 && y == 6) || (x == 6 && y == centres[^1]) || (x == centres[^1] && y == 6);
                if (!overlapsFinder)
                {
                    Function.SetRegion(x - 2, y - 2, 5, 5);
                }
            }
        }

        if (version >= 7)
        {
            Function.SetRegion(d - 11, 0, 3, 6);
            Function.SetRegion(0, d - 11, 6, 3);
        }

        DataModules = PlaceOrder();
    }

    public int Version { get; }

    public int Dimension { get; }

    public BitMatrix Function { get; }

    /// <summary>The data modules in codeword-bit order: (x, y) of bit 7 of codeword 0 first.</summary>
    public (int X, int Y)[] DataModules { get; }

    public static SymbolLayout For(int version) => Cache[version] ??= new SymbolLayout(version);

    /// <summary>Reads the two copies of the 15 format bits (bit 14 first).</summary>
    public static (int Copy1, int Copy2) ReadFormatBits(BitMatrix matrix)
    {
        var d = matrix.Width;
        var copy1 = 0;

        // Copy 1 around the top-left finder: row 8 from the left (bits 14–7, skipping the timing column), then column 8 upwards (bits 6–0).
        foreach (var x in (ReadOnlySpan<int>)[0, 1, 2, 3, 4, 5, 7, 8])
        {
            copy1 = (copy1 << 1) | (matrix[x, 8] ? 1 : 0);
        }

        foreach (var y in (ReadOnlySpan<int>)[7, 5, 4, 3, 2, 1, 0])
        {
            copy1 = (copy1 << 1) | (matrix[8, y] ? 1 : 0);
        }

        // Copy 2: column 8 from the bottom up (bits 14–8), then row 8 across the top-right (bits 7–0).
        var copy2 = 0;
        for (var y = d - 1; y >= d - 7; y--)
        {
            copy2 = (copy2 << 1) | (matrix[8, y] ? 1 : 0);
        }

        for (var x = d - 8; x < d; x++)
        {
            copy2 = (copy2 << 1) | (matrix[x, 8] ? 1 : 0);
        }

        return (copy1, copy2);
    }

    /// <summary>Reads the two copies of the 18 version bits (versions 7 and up; bit 17 first).</summary>
    public static (int TopRight, int BottomLeft) ReadVersionBits(BitMatrix matrix)
    {
        var d = matrix.Width;
        int topRight = 0, bottomLeft = 0;
        for (var bit = 17; bit >= 0; bit--)
        {
            topRight = (topRight << 1) | (matrix[d - 11 + (bit % 3), bit / 3] ? 1 : 0);
            bottomLeft = (bottomLeft << 1) | (matrix[bit / 3, d - 11 + (bit % 3)] ? 1 : 0);
        }

        return (topRight, bottomLeft);
    }

    public static bool MaskBit(int mask, int x, int y) => mask switch
    {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => ((y / 2) + (x / 3)) % 2 == 0,
        5 => ((x * y) % 2) + ((x * y) % 3) == 0,
        6 => (((x * y) % 2) + ((x * y) % 3)) % 2 == 0,
        _ => (((x + y) % 2) + ((x * y) % 3)) % 2 == 0,
    };

    /// <summary>The zigzag: column pairs from the right, up then down, skipping the vertical timing column.</summary>
    private (int X, int Y)[] PlaceOrder()
    {
        var d = Dimension;
        var order = new List<(int X, int Y)>(QrVersions.TotalCodewords(Version) * 8);
        var upward = true;
        for (var right = d - 1; right > 0; right -= 2)
        {
            if (right == 6)
            {
                right = 5;
            }

            for (var i = 0; i < d; i++)
            {
                var y = upward ? d - 1 - i : i;
                for (var dx = 0; dx < 2; dx++)
                {
                    var x = right - dx;
                    if (!Function[x, y])
                    {
                        order.Add((x, y));
                    }
                }
            }

            upward = !upward;
        }

        return [.. order];
    }
}
