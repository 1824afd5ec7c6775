using CheckIn.Qr.Imaging;

namespace CheckIn.Qr.Detection;

/// <summary>The few filters the reader's extra passes need: smoothing (noise), upscaling (tiny modules), sharpening (blur).</summary>
internal static class ImageFilters
{
    /// <summary>A separable box filter of the given radius.</summary>
    public static LuminanceImage BoxBlur(LuminanceImage image, int radius)
    {
        int width = image.Width, height = image.Height;
        var rows = new ushort[width * height];
        var window = (2 * radius) + 1;
        for (var y = 0; y < height; y++)
        {
            var source = image.Pixels.AsSpan(y * image.Stride, width);
            var sum = 0;
            for (var x = -radius; x <= radius; x++)
            {
                sum += source[Math.Clamp(x, 0, width - 1)];
            }

            for (var x = 0; x < width; x++)
            {
                rows[(y * width) + x] = (ushort)sum;
                sum += source[Math.Min(x + radius + 1, width - 1)] - source[Math.Max(x - radius, 0)];
            }
        }

        var result = new byte[width * height];
        var area = window * window;
        for (var x = 0; x < width; x++)
        {
            var sum = 0;
            for (var y = -radius; y <= radius; y++)
            {
                sum += rows[(Math.Clamp(y, 0, height - 1) * width) + x];
            }

            for (var y = 0; y < height; y++)
            {
                result[(y * width) + x] = (byte)((sum + (area / 2)) / area);
                sum += rows[(Math.Min(y + radius + 1, height - 1) * width) + x] - rows[(Math.Max(y - radius, 0) * width) + x];
            }
        }

        return new LuminanceImage(width, height, result);
    }

    /// <summary>An integer fraction of the size, each output pixel the mean of a <paramref name="factor"/> × <paramref name="factor"/> block.</summary>
    public static LuminanceImage Downscale(LuminanceImage image, int factor)
    {
        var width = Math.Max(1, image.Width / factor);
        var height = Math.Max(1, image.Height / factor);
        var result = new byte[width * height];
        var sums = new int[width];
        var area = factor * factor;
        for (var y = 0; y < height; y++)
        {
            Array.Clear(sums);
            for (var dy = 0; dy < factor; dy++)
            {
                var row = image.Pixels.AsSpan((((y * factor) + dy) * image.Stride), width * factor);
                for (var x = 0; x < width; x++)
                {
                    var sum = 0;
                    foreach (var value in row.Slice(x * factor, factor))
                    {
                        sum += value;
                    }

                    sums[x] += sum;
                }
            }

            for (var x = 0; x < width; x++)
            {
                result[(y * width) + x] = (byte)((sums[x] + (area / 2)) / area);
            }
        }

        return new LuminanceImage(width, height, result);
    }

    /// <summary>Twice the size, bilinear: gives the finder's run-length test room when modules are 1–2 pixels.</summary>
    public static LuminanceImage Upscale2(LuminanceImage image)
    {
        int width = image.Width, height = image.Height;
        var result = new byte[4 * width * height];
        var outWidth = 2 * width;
        for (var y = 0; y < 2 * height; y++)
        {
            // Output pixel centre (x + 0.5) / 2 - 0.5 in source coordinates.
            var sy = Math.Max(0, ((y + 0.5) / 2) - 0.5);
            var y0 = Math.Min((int)sy, height - 1);
            var y1 = Math.Min(y0 + 1, height - 1);
            var fy = sy - y0;
            for (var x = 0; x < outWidth; x++)
            {
                var sx = Math.Max(0, ((x + 0.5) / 2) - 0.5);
                var x0 = Math.Min((int)sx, width - 1);
                var x1 = Math.Min(x0 + 1, width - 1);
                var fx = sx - x0;
                var top = (image[x0, y0] * (1 - fx)) + (image[x1, y0] * fx);
                var bottom = (image[x0, y1] * (1 - fx)) + (image[x1, y1] * fx);
                result[(y * outWidth) + x] = (byte)((top * (1 - fy)) + (bottom * fy) + 0.5);
            }
        }

        return new LuminanceImage(outWidth, 2 * height, result);
    }

    /// <summary>Unsharp masking: the image plus <paramref name="amount"/> times its difference from a blurred copy.</summary>
    public static LuminanceImage Sharpen(LuminanceImage image, int radius, double amount)
    {
        var blurred = BoxBlur(image, radius);
        var result = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var value = image[x, y];
                result[(y * image.Width) + x] = (byte)Math.Clamp(value + (amount * (value - blurred[x, y])), 0, 255);
            }
        }

        return new LuminanceImage(image.Width, image.Height, result);
    }
}
