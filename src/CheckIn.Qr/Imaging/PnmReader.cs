using CheckIn.Core;

namespace CheckIn.Qr.Imaging;

/// <summary>Reads binary and ASCII PGM (P5, P2) and PPM (P6, P3) images into grayscale. Never throws on bad input.</summary>
internal static class PnmReader
{
    public static bool IsPnm(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && data[0] == (byte)'P' && data[1] is (byte)'2' or (byte)'3' or (byte)'5' or (byte)'6';

    public static Result<LuminanceImage> Read(ReadOnlySpan<byte> data, ImageReadOptions options)
    {
        if (!IsPnm(data))
        {
            return Fail(QrErrorCodes.Pnm.Header, 0);
        }

        var kind = data[1] - '0';
        var channels = kind is 3 or 6 ? 3 : 1;
        var position = 2;
        Span<long> values = stackalloc long[3];
        for (var i = 0; i < 3; i++)
        {
            if (!TryReadNumber(data, ref position, out values[i]))
            {
                return Fail(QrErrorCodes.Pnm.Header, position);
            }
        }

        long width = values[0], height = values[1], maxValue = values[2];
        if (width < 1 || height < 1 || width > int.MaxValue || height > int.MaxValue || maxValue is < 1 or > 65535)
        {
            return Fail(QrErrorCodes.Pnm.Header, position);
        }

        if (width * height > options.MaxPixels)
        {
            return Fail(QrErrorCodes.Image.TooLarge, 0);
        }

        // Nothing is allocated before the file could hold the samples: binary ones take 1 or 2 bytes, text ones a
        // digit and a separator (the last one's separator may be missing).
        var sampleBytes = maxValue > 255 ? 2 : 1;
        var samplesNeeded = width * height * channels;
        var binary = kind is 5 or 6;
        var needed = binary ? samplesNeeded * sampleBytes : (2 * samplesNeeded) - 1;
        if (position + (binary ? 1 : 0) > data.Length || data.Length - position - (binary ? 1 : 0) < needed)
        {
            return Fail(QrErrorCodes.Pnm.Data, Math.Min(position, data.Length));
        }

        var image = LuminanceImage.White((int)width, (int)height);
        var pixels = image.Pixels;
        if (binary)
        {
            // One white-space byte separates the header from the binary samples.
            position++;

            Span<int> rgb = stackalloc int[3];
            for (long p = 0; p < width * height; p++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var at = position + (int)(((p * channels) + c) * sampleBytes);
                    rgb[c] = sampleBytes == 2 ? (data[at] << 8) | data[at + 1] : data[at];
                }

                pixels[p] = Gray(rgb, channels, maxValue);
            }
        }
        else
        {
            Span<int> samples = stackalloc int[3];
            for (long p = 0; p < width * height; p++)
            {
                for (var c = 0; c < channels; c++)
                {
                    if (!TryReadNumber(data, ref position, out var sample) || sample > maxValue)
                    {
                        return Fail(QrErrorCodes.Pnm.Data, Math.Min(position, data.Length));
                    }

                    samples[c] = (int)sample;
                }

                pixels[p] = Gray(samples, channels, maxValue);
            }
        }

        return Result.Ok(image);
    }

    private static byte Gray(ReadOnlySpan<int> rgb, int channels, long maxValue)
    {
        var value = channels == 1 ? rgb[0] : ((299 * rgb[0]) + (587 * rgb[1]) + (114 * rgb[2])) / 1000.0;
        return (byte)Math.Clamp(Math.Round(value * 255 / maxValue), 0, 255);
    }

    /// <summary>Skips white space and <c>#</c> comments, then reads a decimal number.</summary>
    private static bool TryReadNumber(ReadOnlySpan<byte> data, ref int position, out long value)
    {
        value = 0;
        while (position < data.Length)
        {
            if (data[position] == '#')
            {
                while (position < data.Length && data[position] is not ((byte)'\n' or (byte)'\r'))
                {
                    position++;
                }
            }
            else if (data[position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f')
            {
                position++;
            }
            else
            {
                break;
            }
        }

        var start = position;
        while (position < data.Length && data[position] is >= (byte)'0' and <= (byte)'9' && position - start < 12)
        {
            value = (value * 10) + (data[position] - '0');
            position++;
        }

        return position > start && (position >= data.Length || data[position] is < (byte)'0' or > (byte)'9');
    }

    private static Result<LuminanceImage> Fail(string code, int position) => QrErrors.Fail<LuminanceImage>(code, CheckInError.None, position);
}
