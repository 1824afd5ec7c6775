using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CheckIn.Core.Imaging;

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

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8; // bit depth
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

        WriteChunk(output, "IDAT", Compress(image));
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

    private static byte[] Compress(LuminanceImage image)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var width = image.Width;
            var previous = new byte[width];
            var row = new byte[width + 1];
            var candidate = new byte[width + 1];
            for (var y = 0; y < image.Height; y++)
            {
                var line = image.Pixels.AsSpan(y * image.Stride, width);

                // The usual heuristic: the filter with the smallest sum of absolute (signed) bytes.
                var best = long.MaxValue;
                for (var filter = 0; filter <= 4; filter++)
                {
                    candidate[0] = (byte)filter;
                    long sum = 0;
                    for (var x = 0; x < width; x++)
                    {
                        var left = x > 0 ? line[x - 1] : 0;
                        var up = previous[x];
                        var upLeft = x > 0 ? previous[x - 1] : 0;
                        var value = (byte)(line[x] - filter switch
                        {
                            1 => left,
                            2 => up,
                            3 => (left + up) >> 1,
                            4 => Paeth(left, up, upLeft),
                            _ => 0,
                        });
                        candidate[x + 1] = value;
                        sum += value < 128 ? value : 256 - value;
                    }

                    if (sum < best)
                    {
                        best = sum;
                        (row, candidate) = (candidate, row);
                    }
                }

                zlib.Write(row);
                line.CopyTo(previous);
            }
        }

        return compressed.ToArray();
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
