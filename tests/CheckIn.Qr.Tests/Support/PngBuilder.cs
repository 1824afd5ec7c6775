using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CheckIn.Qr.Tests.Support;

/// <summary>
/// A deliberately plain PNG encoder for tests: any colour type, bit depth and interlacing, filter 0 only,
/// so the reader is checked against files it did not write itself.
/// </summary>
internal static class PngBuilder
{
    private static readonly int[] Adam7 = [0, 0, 8, 8, 4, 0, 8, 8, 0, 4, 4, 8, 2, 0, 4, 4, 0, 2, 2, 4, 1, 0, 2, 2, 0, 1, 1, 2];

    // samples: per pixel, its channel samples (already at the bit depth).
    public static byte[] Build(int width, int height, int colorType, int bitDepth, bool interlaced, Func<int, int, int[]> samples,
        byte[]? palette = null, byte[]? transparency = null, bool corruptCrc = false)
    {
        var channels = colorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };
        using var raw = new MemoryStream();
        void Pass(int x0, int y0, int dx, int dy)
        {
            var w = (width - x0 + dx - 1) / dx;
            var h = (height - y0 + dy - 1) / dy;
            if (w <= 0 || h <= 0)
            {
                return;
            }

            for (var row = 0; row < h; row++)
            {
                raw.WriteByte(0);
                var bits = new List<bool>();
                var line = new byte[((w * channels * bitDepth) + 7) / 8];
                var bit = 0;
                for (var i = 0; i < w; i++)
                {
                    foreach (var sample in samples(x0 + (i * dx), y0 + (row * dy)))
                    {
                        for (var b = bitDepth - 1; b >= 0; b--, bit++)
                        {
                            if (((sample >> b) & 1) != 0)
                            {
                                line[bit / 8] |= (byte)(0x80 >> (bit % 8));
                            }
                        }
                    }
                }

                raw.Write(line);
            }
        }

        if (interlaced)
        {
            for (var p = 0; p < 7; p++)
            {
                Pass(Adam7[p * 4], Adam7[(p * 4) + 1], Adam7[(p * 4) + 2], Adam7[(p * 4) + 3]);
            }
        }
        else
        {
            Pass(0, 0, 1, 1);
        }

        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colorType;
        header[12] = (byte)(interlaced ? 1 : 0);
        Chunk(output, "IHDR", header, corruptCrc);
        if (palette is not null)
        {
            Chunk(output, "PLTE", palette);
        }

        if (transparency is not null)
        {
            Chunk(output, "tRNS", transparency);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(zlib);
        }

        // Split the data over two IDAT chunks: readers must concatenate them.
        var data = compressed.ToArray();
        Chunk(output, "IDAT", data.AsSpan(0, data.Length / 2));
        Chunk(output, "IDAT", data.AsSpan(data.Length / 2));
        Chunk(output, "tEXt", Encoding.ASCII.GetBytes("Comment\0made by a test"));
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A valid PNG header with an IDAT of a few bytes (zlib of 16 zero bytes), whatever size it claims.</summary>
    public static byte[] Bomb(int width, int height, byte bitDepth, byte colorType)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;
        Chunk(output, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[16]);
        }

        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, ReadOnlySpan<byte> data, bool corruptCrc = false)
    {
        var buffer = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        Encoding.ASCII.GetBytes(type, buffer.AsSpan(4));
        output.Write(buffer);
        output.Write(data);
        var crc = Crc(buffer.AsSpan(4).ToArray().Concat(data.ToArray()).ToArray());
        BinaryPrimitives.WriteUInt32BigEndian(buffer, corruptCrc ? ~crc : crc);
        output.Write(buffer, 0, 4);
    }

    private static uint Crc(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
