using System.Buffers.Binary;
using System.IO.Compression;
using CheckIn.Core;

namespace CheckIn.Qr.Imaging;

/// <summary>
/// Reads PNG files into grayscale: every colour type (gray, RGB, palette, gray+alpha, RGBA), every bit depth
/// (1, 2, 4, 8, 16), transparency (composited on white) and Adam7 interlacing. Never throws on bad input.
/// </summary>
internal static class PngReader
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Adam7: x start, y start, x step, y step of the seven passes.
    private static ReadOnlySpan<byte> Adam7 => [0, 0, 8, 8, 4, 0, 8, 8, 0, 4, 4, 8, 2, 0, 4, 4, 0, 2, 2, 4, 1, 0, 2, 2, 0, 1, 1, 2];

    public static bool IsPng(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static Result<LuminanceImage> Read(ReadOnlySpan<byte> data, ImageReadOptions options)
    {
        if (!IsPng(data))
        {
            return Fail(QrErrorCodes.Image.UnknownFormat, 0);
        }

        var position = Signature.Length;
        Header? header = null;
        byte[]? palette = null;
        byte[]? paletteAlpha = null;
        int? grayKey = null;
        (int R, int G, int B)? rgbKey = null;
        using var idat = new MemoryStream();
        var ended = false;
        while (!ended)
        {
            if (position + 12 > data.Length)
            {
                return Fail(QrErrorCodes.Png.Chunk, position);
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                return Fail(QrErrorCodes.Png.Chunk, position);
            }

            var type = data.Slice(position + 4, 4);
            var body = data.Slice(position + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + (int)length)..]);
            if (Crc32.Compute(body, Crc32.Compute(type)) != crc)
            {
                return Fail(QrErrorCodes.Png.Crc, position);
            }

            if (header is null && !type.SequenceEqual("IHDR"u8))
            {
                return Fail(QrErrorCodes.Png.Header, position);
            }

            if (type.SequenceEqual("IHDR"u8))
            {
                if (header is not null || !Header.TryRead(body, out var parsed))
                {
                    return Fail(QrErrorCodes.Png.Header, position);
                }

                if ((long)parsed.Width * parsed.Height > options.MaxPixels)
                {
                    return Fail(QrErrorCodes.Image.TooLarge, position);
                }

                header = parsed;
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                if (body.Length == 0 || body.Length % 3 != 0 || body.Length > 768)
                {
                    return Fail(QrErrorCodes.Png.Palette, position);
                }

                palette = body.ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8))
            {
                switch (header!.Value.ColorType)
                {
                    case 3:
                        paletteAlpha = body.ToArray();
                        break;
                    case 0 when body.Length >= 2:
                        grayKey = BinaryPrimitives.ReadUInt16BigEndian(body);
                        break;
                    case 2 when body.Length >= 6:
                        rgbKey = (BinaryPrimitives.ReadUInt16BigEndian(body), BinaryPrimitives.ReadUInt16BigEndian(body[2..]), BinaryPrimitives.ReadUInt16BigEndian(body[4..]));
                        break;
                }
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(body);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                ended = true;
            }
            else if ((type[0] & 0x20) == 0)
            {
                // An unknown critical chunk: the image cannot be read correctly without it.
                return Fail(QrErrorCodes.Png.Chunk, position);
            }

            position += 12 + (int)length;
        }

        var h = header!.Value;
        if (h.ColorType == 3 && palette is null)
        {
            return Fail(QrErrorCodes.Png.Palette, position);
        }

        // Nothing is allocated for the image before the compressed data could hold it: DEFLATE expands at most
        // 1032 to 1, so a 66-byte file claiming 40 megapixels is refused here, not after reserving 320 MB.
        if (h.DecodedLength() > (idat.Length * MaxDeflateRatio) + 1024)
        {
            return Fail(QrErrorCodes.Png.Data, Signature.Length);
        }

        // Rows are inflated and unfiltered one at a time: the image and two rows are all that is held.
        var image = LuminanceImage.White(h.Width, h.Height);
        try
        {
            idat.Position = 0;
            using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
            if (h.Interlace == 0)
            {
                if (!DecodePass(zlib, h, 0, 0, 1, 1, image, palette, paletteAlpha, grayKey, rgbKey))
                {
                    return Fail(QrErrorCodes.Png.Data, Signature.Length);
                }
            }
            else
            {
                var adam7 = Adam7;
                for (var pass = 0; pass < 7; pass++)
                {
                    if (!DecodePass(zlib, h, adam7[pass * 4], adam7[(pass * 4) + 1], adam7[(pass * 4) + 2], adam7[(pass * 4) + 3], image, palette, paletteAlpha, grayKey, rgbKey))
                    {
                        return Fail(QrErrorCodes.Png.Data, Signature.Length);
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            return Fail(QrErrorCodes.Png.Data, Signature.Length);
        }

        return Result.Ok(image);
    }

    /// <summary>The most DEFLATE can expand its input (a run of one byte coded at 258 bytes per 2 bits, roughly).</summary>
    private const long MaxDeflateRatio = 1032;

    private static bool DecodePass(Stream zlib, Header h, int x0, int y0, int dx, int dy, LuminanceImage image,
        byte[]? palette, byte[]? paletteAlpha, int? grayKey, (int R, int G, int B)? rgbKey)
    {
        var passWidth = (h.Width - x0 + dx - 1) / dx;
        var passHeight = (h.Height - y0 + dy - 1) / dy;
        if (passWidth <= 0 || passHeight <= 0)
        {
            return true;
        }

        var bitsPerPixel = h.BitDepth * h.Channels;
        var rowBytes = ((passWidth * bitsPerPixel) + 7) / 8;
        var bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        Span<byte> filterByte = stackalloc byte[1];
        for (var row = 0; row < passHeight; row++)
        {
            if (zlib.ReadAtLeast(filterByte, 1, throwOnEndOfStream: false) < 1 || zlib.ReadAtLeast(current, rowBytes, throwOnEndOfStream: false) < rowBytes)
            {
                return false;
            }

            var filter = filterByte[0];
            if (!Unfilter(filter, current, previous, bytesPerPixel))
            {
                return false;
            }

            var y = y0 + (row * dy);
            if (dx == 1 && h.ColorType == 0 && h.BitDepth == 8 && grayKey is null)
            {
                // The common case (and what CheckIn writes): 8-bit grey rows are the pixels.
                current.CopyTo(image.Pixels.AsSpan(y * image.Stride, h.Width));
            }
            else if (dx == 1 && h.ColorType == 2 && h.BitDepth == 8 && rgbKey is null)
            {
                var target = image.Pixels.AsSpan(y * image.Stride, h.Width);
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = (byte)Luma(current[3 * i], current[(3 * i) + 1], current[(3 * i) + 2]);
                }
            }
            else
            {
                for (var i = 0; i < passWidth; i++)
                {
                    image.Pixels[(y * image.Stride) + x0 + (i * dx)] = Luminance(current, i, h, palette, paletteAlpha, grayKey, rgbKey);
                }
            }

            (previous, current) = (current, previous);
        }

        return true;
    }

    private static bool Unfilter(byte filter, Span<byte> line, ReadOnlySpan<byte> previous, int bpp)
    {
        if (bpp == 1 && filter is 1 or 3 or 4 && line.Length > 0)
        {
            UnfilterOneBytePixels(filter, line, previous[..line.Length]);
            return true;
        }

        switch (filter)
        {
            case 0:
                return true;
            case 1:
                for (var i = bpp; i < line.Length; i++)
                {
                    line[i] += line[i - bpp];
                }

                return true;
            case 2:
                for (var i = 0; i < line.Length; i++)
                {
                    line[i] += previous[i];
                }

                return true;
            case 3:
                for (var i = 0; i < Math.Min(bpp, line.Length); i++)
                {
                    line[i] += (byte)(previous[i] >> 1);
                }

                for (var i = bpp; i < line.Length; i++)
                {
                    line[i] += (byte)((line[i - bpp] + previous[i]) >> 1);
                }

                return true;
            case 4:
                for (var i = 0; i < Math.Min(bpp, line.Length); i++)
                {
                    line[i] += previous[i]; // Paeth(0, up, 0) is up
                }

                for (var i = bpp; i < line.Length; i++)
                {
                    int a = line[i - bpp], b = previous[i], c = previous[i - bpp];
                    var pa = Math.Abs(b - c);
                    var pb = Math.Abs(a - c);
                    var pc = Math.Abs(a + b - c - c);
                    line[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Sub, Average and Paeth for one byte a pixel (8-bit grey, the common case): the left and upper-left bytes ride in registers.</summary>
    private static void UnfilterOneBytePixels(byte filter, Span<byte> line, ReadOnlySpan<byte> previous)
    {
        int left = 0, upLeft = 0;
        switch (filter)
        {
            case 1:
                for (var i = 0; i < line.Length; i++)
                {
                    left = (byte)(line[i] + left);
                    line[i] = (byte)left;
                }

                break;
            case 3:
                for (var i = 0; i < line.Length; i++)
                {
                    left = (byte)(line[i] + ((left + previous[i]) >> 1));
                    line[i] = (byte)left;
                }

                break;
            default:
                for (var i = 0; i < line.Length; i++)
                {
                    int up = previous[i];
                    var pa = Math.Abs(up - upLeft);
                    var pb = Math.Abs(left - upLeft);
                    var pc = Math.Abs(left + up - upLeft - upLeft);
                    var predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
                    left = (byte)(line[i] + predictor);
                    line[i] = (byte)left;
                    upLeft = up;
                }

                break;
        }
    }

    private static byte Luminance(ReadOnlySpan<byte> line, int index, Header h, byte[]? palette, byte[]? paletteAlpha, int? grayKey, (int R, int G, int B)? rgbKey)
    {
        var max = (1 << h.BitDepth) - 1;
        int luma;
        double alpha;
        switch (h.ColorType)
        {
            case 0:
            {
                var g = Sample(line, index, h, 0);
                luma = g * 255 / max;
                alpha = grayKey == g ? 0 : 1;
                break;
            }

            case 2:
            {
                int r = Sample(line, index, h, 0), gr = Sample(line, index, h, 1), b = Sample(line, index, h, 2);
                luma = Luma(r * 255 / max, gr * 255 / max, b * 255 / max);
                alpha = rgbKey is { } key && key == (r, gr, b) ? 0 : 1;
                break;
            }

            case 3:
            {
                var i = Sample(line, index, h, 0);
                if (palette is null || (i * 3) + 2 >= palette.Length)
                {
                    return 255;
                }

                luma = Luma(palette[i * 3], palette[(i * 3) + 1], palette[(i * 3) + 2]);
                alpha = paletteAlpha is not null && i < paletteAlpha.Length ? paletteAlpha[i] / 255.0 : 1;
                break;
            }

            case 4:
                luma = Sample(line, index, h, 0) * 255 / max;
                alpha = Sample(line, index, h, 1) / (double)max;
                break;
            default:
                luma = Luma(Sample(line, index, h, 0) * 255 / max, Sample(line, index, h, 1) * 255 / max, Sample(line, index, h, 2) * 255 / max);
                alpha = Sample(line, index, h, 3) / (double)max;
                break;
        }

        // Transparent pixels show the white paper behind them.
        return (byte)Math.Round((luma * alpha) + (255 * (1 - alpha)));
    }

    private static int Sample(ReadOnlySpan<byte> line, int index, Header h, int channel)
    {
        var bit = ((index * h.Channels) + channel) * h.BitDepth;
        return h.BitDepth switch
        {
            16 => (line[bit / 8] << 8) | line[(bit / 8) + 1],
            8 => line[bit / 8],
            _ => (line[bit / 8] >> (8 - h.BitDepth - (bit % 8))) & ((1 << h.BitDepth) - 1),
        };
    }

    private static int Luma(int r, int g, int b) => ((299 * r) + (587 * g) + (114 * b) + 500) / 1000;

    private static Result<LuminanceImage> Fail(string code, int position) => QrErrors.Fail<LuminanceImage>(code, CheckInError.None, position);

    private readonly record struct Header(int Width, int Height, int BitDepth, int ColorType, int Interlace)
    {
        public int Channels => ColorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };

        public static bool TryRead(ReadOnlySpan<byte> body, out Header header)
        {
            header = default;
            if (body.Length != 13)
            {
                return false;
            }

            var width = BinaryPrimitives.ReadInt32BigEndian(body);
            var height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
            int depth = body[8], color = body[9];
            var depthOk = color switch
            {
                0 => depth is 1 or 2 or 4 or 8 or 16,
                3 => depth is 1 or 2 or 4 or 8,
                2 or 4 or 6 => depth is 8 or 16,
                _ => false,
            };
            if (width <= 0 || height <= 0 || !depthOk || body[10] != 0 || body[11] != 0 || body[12] > 1)
            {
                return false;
            }

            header = new Header(width, height, depth, color, body[12]);
            return true;
        }

        public long DecodedLength()
        {
            long total = 0;
            if (Interlace == 0)
            {
                return Height * (1 + ((((long)Width * BitDepth * Channels) + 7) / 8));
            }

            var adam7 = Adam7;
            for (var pass = 0; pass < 7; pass++)
            {
                long w = (Width - adam7[pass * 4] + adam7[(pass * 4) + 2] - 1) / adam7[(pass * 4) + 2];
                long h = (Height - adam7[(pass * 4) + 1] + adam7[(pass * 4) + 3] - 1) / adam7[(pass * 4) + 3];
                if (w > 0 && h > 0)
                {
                    total += h * (1 + (((w * BitDepth * Channels) + 7) / 8));
                }
            }

            return total;
        }
    }
}
