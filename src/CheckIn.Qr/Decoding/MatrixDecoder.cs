namespace CheckIn.Qr.Decoding;

/// <summary>A symbol's data once read from its module matrix.</summary>
internal sealed record DecodedSymbol(
    int Version,
    QrErrorCorrectionLevel Level,
    int Mask,
    byte[] DataCodewords,
    int CorrectedCodewords);

/// <summary>
/// Reads a sampled module matrix: format and version information, unmasking, codeword extraction, block
/// de-interleaving and Reed–Solomon correction (ISO/IEC 18004 §7).
/// </summary>
internal static class MatrixDecoder
{
    public static DecodedSymbol? Decode(BitMatrix matrix)
    {
        var dimension = matrix.Width;
        if (dimension != matrix.Height || dimension < 21 || dimension > 177 || (dimension - 17) % 4 != 0)
        {
            return null;
        }

        var (copy1, copy2) = SymbolLayout.ReadFormatBits(matrix);
        if (!FormatInformation.TryDecode(copy1, copy2, out var level, out var mask))
        {
            return null;
        }

        var version = QrVersions.VersionForDimension(dimension);
        if (version >= 7)
        {
            var (topRight, bottomLeft) = SymbolLayout.ReadVersionBits(matrix);
            if (!FormatInformation.TryDecodeVersion(topRight, bottomLeft, out var stated) || stated != version)
            {
                return null;
            }
        }

        var layout = SymbolLayout.For(version);
        var total = QrVersions.TotalCodewords(version);
        var codewords = new byte[total];
        for (var bit = 0; bit < total * 8; bit++)
        {
            var (x, y) = layout.DataModules[bit];
            if (matrix[x, y] ^ SymbolLayout.MaskBit(mask, x, y))
            {
                codewords[bit >> 3] |= (byte)(0x80 >> (bit & 7));
            }
        }

        var (ecc, blocks) = QrVersions.EccBlocks(version, level);
        var dataTotal = total - (ecc * blocks);
        var shortLength = dataTotal / blocks;
        var longBlocks = dataTotal % blocks;
        var data = new byte[dataTotal];
        var block = new byte[shortLength + 1 + ecc];
        var corrected = 0;
        var dataOffset = 0;
        for (var b = 0; b < blocks; b++)
        {
            // Short blocks come first; long blocks carry one more data codeword.
            var dataLength = shortLength + (b >= blocks - longBlocks ? 1 : 0);
            var length = dataLength + ecc;
            for (var i = 0; i < dataLength; i++)
            {
                block[i] = codewords[DataIndex(i, b, blocks, shortLength, longBlocks)];
            }

            for (var i = 0; i < ecc; i++)
            {
                block[dataLength + i] = codewords[dataTotal + (i * blocks) + b];
            }

            var fixedCount = ReedSolomon.Correct(block.AsSpan(0, length), ecc);
            if (fixedCount < 0)
            {
                return null;
            }

            corrected += fixedCount;
            block.AsSpan(0, dataLength).CopyTo(data.AsSpan(dataOffset));
            dataOffset += dataLength;
        }

        return new DecodedSymbol(version, level, mask, data, corrected);
    }

    /// <summary>Where data codeword <paramref name="i"/> of block <paramref name="b"/> sits in the interleaved stream.</summary>
    private static int DataIndex(int i, int b, int blocks, int shortLength, int longBlocks)
    {
        // Every block contributes one codeword per round while it has one; the extra last round has only the long blocks.
        if (i < shortLength)
        {
            return (i * blocks) + b;
        }

        return (shortLength * blocks) + (b - (blocks - longBlocks));
    }
}
