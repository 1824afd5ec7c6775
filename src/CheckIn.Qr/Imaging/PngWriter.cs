using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CheckIn.Qr.Imaging;

/// <summary>
/// Writes 8-bit grayscale PNG files with their physical resolution (a <c>pHYs</c> chunk), so a print shop
/// prints a poster at the size it was made for.
/// </summary>
public static class PngWriter
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes an image.</summary>
    /// <param name="image">The image.</param>
    /// <param name="dotsPerInch">The print resolution to record, or 0 to record none.</param>
    /// <returns>The PNG file.</returns>
    public static byte[] Write(LuminanceImage image, double dotsPerInch = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(dotsPerInch);
        using var output = new MemoryStream();
        output.Write(Signature);

        // Black-and-white images (bare codes) are written one bit a pixel: an eighth of the data to compress.
        var bilevel = IsBilevel(image);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = (byte)(bilevel ? 1 : 8); // bit depth
        header[9] = 0; // grayscale
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // not interlaced
        WriteChunk(output, "IHDR", header);

        if (dotsPerInch > 0)
        {
            Span<byte> physical = stackalloc byte[9];
            var perMetre = (uint)Math.Round(dotsPerInch / 0.0254);
            BinaryPrimitives.WriteUInt32BigEndian(physical, perMetre);
            BinaryPrimitives.WriteUInt32BigEndian(physical[4..], perMetre);
            physical[8] = 1; // unit: metre
            WriteChunk(output, "pHYs", physical);
        }

        WriteChunk(output, "IDAT", bilevel ? CompressBilevel(image) : Compress(image));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Reads the resolution a PNG records in its <c>pHYs</c> chunk, if any.</summary>
    /// <param name="png">The PNG file.</param>
    /// <returns>Dots per inch (horizontal), or null when the file records none.</returns>
    public static double? ReadDotsPerInch(ReadOnlySpan<byte> png)
    {
        var position = Signature.Length;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[position..]);
            if (length < 0 || position + 12 + (long)length > png.Length)
            {
                return null;
            }

            var type = png.Slice(position + 4, 4);
            if (type.SequenceEqual("pHYs"u8) && length == 9 && png[position + 16] == 1)
            {
                return BinaryPrimitives.ReadUInt32BigEndian(png[(position + 8)..]) * 0.0254;
            }

            position += 12 + length;
        }

        return null;
    }

    private static bool IsBilevel(LuminanceImage image)
    {
        for (var y = 0; y < image.Height; y++)
        {
            foreach (var value in image.Pixels.AsSpan(y * image.Stride, image.Width))
            {
                if (value is not 0 and not 255)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>One bit a pixel (1 = white), each row filtered "Up" when it repeats the previous one, else "None".</summary>
    private static byte[] CompressBilevel(LuminanceImage image)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var rowBytes = (image.Width + 7) / 8;
            var previous = new byte[rowBytes];
            var row = new byte[rowBytes + 1];
            var packed = new byte[rowBytes];
            for (var y = 0; y < image.Height; y++)
            {
                var line = image.Pixels.AsSpan(y * image.Stride, image.Width);
                packed.AsSpan().Clear();
                for (var x = 0; x < line.Length; x++)
                {
                    if (line[x] != 0)
                    {
                        packed[x >> 3] |= (byte)(0x80 >> (x & 7));
                    }
                }

                if (y > 0 && packed.AsSpan().SequenceEqual(previous))
                {
                    row[0] = 2;
                    row.AsSpan(1).Clear();
                }
                else
                {
                    row[0] = 0;
                    packed.CopyTo(row, 1);
                }

                zlib.Write(row);
                (previous, packed) = (packed, previous);
            }
        }

        return compressed.ToArray();
    }

    private static byte[] Compress(LuminanceImage image)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var width = image.Width;
            var previous = new byte[width];
            var best = new byte[width + 1];
            var candidate = new byte[width + 1];
            for (var y = 0; y < image.Height; y++)
            {
                var line = image.Pixels.AsSpan(y * image.Stride, width);

                // The usual heuristic: the filter with the smallest sum of absolute (signed) bytes.
                var bestSum = long.MaxValue;
                for (var filter = 0; filter <= 4; filter++)
                {
                    var sum = Filter(filter, line, previous, candidate.AsSpan(1));
                    if (sum < bestSum)
                    {
                        bestSum = sum;
                        candidate[0] = (byte)filter;
                        (best, candidate) = (candidate, best);
                    }
                }

                zlib.Write(best);
                line.CopyTo(previous);
            }
        }

        return compressed.ToArray();
    }

    /// <summary>Filters a row into <paramref name="output"/>; returns the sum of absolute signed bytes.</summary>
    private static long Filter(int filter, ReadOnlySpan<byte> line, ReadOnlySpan<byte> previous, Span<byte> output)
    {
        long sum = 0;
        switch (filter)
        {
            case 0:
                line.CopyTo(output);
                break;
            case 1:
                output[0] = line[0];
                for (var x = 1; x < line.Length; x++)
                {
                    output[x] = (byte)(line[x] - line[x - 1]);
                }

                break;
            case 2:
                for (var x = 0; x < line.Length; x++)
                {
                    output[x] = (byte)(line[x] - previous[x]);
                }

                break;
            case 3:
                output[0] = (byte)(line[0] - (previous[0] >> 1));
                for (var x = 1; x < line.Length; x++)
                {
                    output[x] = (byte)(line[x] - ((line[x - 1] + previous[x]) >> 1));
                }

                break;
            default:
                output[0] = (byte)(line[0] - previous[0]);
                for (var x = 1; x < line.Length; x++)
                {
                    output[x] = (byte)(line[x] - Paeth(line[x - 1], previous[x], previous[x - 1]));
                }

                break;
        }

        foreach (var value in output[..line.Length])
        {
            sum += value < 128 ? value : 256 - value;
        }

        return sum;
    }

    internal static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        Encoding.ASCII.GetBytes(type, buffer[4..]);
        output.Write(buffer);
        output.Write(data);
        var crc = Crc32.Compute(data, Crc32.Compute(buffer[4..]));
        BinaryPrimitives.WriteUInt32BigEndian(buffer, crc);
        output.Write(buffer[..4]);
    }
}
