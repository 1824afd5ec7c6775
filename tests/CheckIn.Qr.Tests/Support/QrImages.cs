using CheckIn.Qr.Imaging;
using QRCoder;

namespace CheckIn.Qr.Tests.Support;

/// <summary>Makes test images of QR codes and puts them through the distortions a camera adds.</summary>
internal static class QrImages
{
    public static QRCodeData Encode(string text, QRCodeGenerator.ECCLevel level = QRCodeGenerator.ECCLevel.M, int version = -1)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(text, level, forceUtf8: text.Any(c => c > 127), requestedVersion: version);
    }

    /// <summary>Raw bytes in one byte-mode segment with no ECI, as a Japanese phone writes Shift_JIS text.</summary>
    public static QRCodeData EncodeBytes(byte[] bytes, QRCodeGenerator.ECCLevel level = QRCodeGenerator.ECCLevel.M)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(bytes, level);
    }

    /// <summary>The symbol as an image: <paramref name="modulePixels"/> per module, QRCoder's 4-module quiet zone.</summary>
    public static LuminanceImage Render(QRCodeData data, int modulePixels, byte dark = 0, byte light = 255)
    {
        var modules = data.ModuleMatrix.Count;
        var size = modules * modulePixels;
        var image = LuminanceImage.White(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                image.Pixels[(y * size) + x] = data.ModuleMatrix[y / modulePixels][x / modulePixels] ? dark : light;
            }
        }

        return image;
    }

    /// <summary>
    /// Draws <paramref name="source"/> onto a canvas so that its corners land on the four points (clockwise from
    /// top-left). Each canvas pixel averages <paramref name="supersample"/>² bilinear samples, as a camera's
    /// sensor integrates light over a pixel.
    /// </summary>
    public static void Place(LuminanceImage canvas, LuminanceImage source, (double X, double Y)[] corners, bool mirror = false, int supersample = 1)
    {
        // Inverse mapping: canvas point → source point through the homography of the four corners.
        double sx = source.Width;
        double sy = source.Height;
        var (u0, v0, u1, v1) = mirror ? (sx, 0.0, 0.0, 0.0) : (0.0, 0.0, sx, 0.0);
        var (u2, v2, u3, v3) = mirror ? (0.0, sy, sx, sy) : (sx, sy, 0.0, sy);
        var toSource = Homography.FromQuads(corners[0].X, corners[0].Y, corners[1].X, corners[1].Y, corners[2].X, corners[2].Y, corners[3].X, corners[3].Y,
            u0, v0, u1, v1, u2, v2, u3, v3);
        var minX = (int)Math.Max(0, corners.Min(c => c.X) - 1);
        var maxX = (int)Math.Min(canvas.Width - 1, corners.Max(c => c.X) + 1);
        var minY = (int)Math.Max(0, corners.Min(c => c.Y) - 1);
        var maxY = (int)Math.Min(canvas.Height - 1, corners.Max(c => c.Y) + 1);
        for (var y = minY; y <= maxY; y++)
        {
            for (var x = minX; x <= maxX; x++)
            {
                double sum = 0;
                var inside = 0;
                for (var j = 0; j < supersample; j++)
                {
                    for (var i = 0; i < supersample; i++)
                    {
                        var (px, py) = toSource.Map(x + ((i + 0.5) / supersample), y + ((j + 0.5) / supersample));
                        if (px >= 0 && py >= 0 && px < sx && py < sy)
                        {
                            sum += Bilinear(source, px - 0.5, py - 0.5);
                            inside++;
                        }
                    }
                }

                if (inside > 0)
                {
                    // Partly covered pixels mix with what is already on the canvas.
                    var covered = (double)inside / (supersample * supersample);
                    var value = (sum / inside * covered) + (canvas.Pixels[(y * canvas.Stride) + x] * (1 - covered));
                    canvas.Pixels[(y * canvas.Stride) + x] = (byte)Math.Round(value);
                }
            }
        }
    }

    public static (double X, double Y)[] Rotated(double centreX, double centreY, double size, double degrees)
    {
        var r = degrees * Math.PI / 180;
        var h = size / 2;
        (double, double) Rotate(double dx, double dy) => (centreX + (dx * Math.Cos(r)) - (dy * Math.Sin(r)), centreY + (dx * Math.Sin(r)) + (dy * Math.Cos(r)));
        return [Rotate(-h, -h), Rotate(h, -h), Rotate(h, h), Rotate(-h, h)];
    }

    /// <summary>A box blur of the given radius (separable: rows, then columns).</summary>
    public static LuminanceImage Blur(LuminanceImage image, int radius)
    {
        int w = image.Width, h = image.Height;
        var rows = new double[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                double sum = 0;
                var count = 0;
                for (var xx = Math.Max(0, x - radius); xx <= Math.Min(w - 1, x + radius); xx++)
                {
                    sum += image[xx, y];
                    count++;
                }

                rows[(y * w) + x] = sum / count;
            }
        }

        var result = LuminanceImage.White(w, h);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                double sum = 0;
                var count = 0;
                for (var yy = Math.Max(0, y - radius); yy <= Math.Min(h - 1, y + radius); yy++)
                {
                    sum += rows[(yy * w) + x];
                    count++;
                }

                result.Pixels[(y * w) + x] = (byte)Math.Round(sum / count);
            }
        }

        return result;
    }

    public static void Noise(LuminanceImage image, double sigma, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            image.Pixels[i] = (byte)Math.Clamp(image.Pixels[i] + (gaussian * sigma), 0, 255);
        }
    }

    /// <summary>Light falling off across the image, as from a lamp at one side.</summary>
    public static void UnevenLight(LuminanceImage image, double strength)
    {
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var factor = 1 - (strength * x / image.Width);
                image.Pixels[(y * image.Width) + x] = (byte)(image[x, y] * factor);
            }
        }
    }

    public static void Contrast(LuminanceImage image, byte low, byte high)
    {
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (byte)(low + (image.Pixels[i] * (high - low) / 255));
        }
    }

    private static byte Bilinear(LuminanceImage image, double x, double y)
    {
        var x0 = Math.Clamp((int)Math.Floor(x), 0, image.Width - 1);
        var y0 = Math.Clamp((int)Math.Floor(y), 0, image.Height - 1);
        var x1 = Math.Min(x0 + 1, image.Width - 1);
        var y1 = Math.Min(y0 + 1, image.Height - 1);
        var fx = Math.Clamp(x - x0, 0, 1);
        var fy = Math.Clamp(y - y0, 0, 1);
        var top = (image[x0, y0] * (1 - fx)) + (image[x1, y0] * fx);
        var bottom = (image[x0, y1] * (1 - fx)) + (image[x1, y1] * fx);
        return (byte)Math.Round((top * (1 - fy)) + (bottom * fy));
    }

    /// <summary>A homography solved directly (8 × 8 linear system), independent of the reader's own implementation.</summary>
    private sealed class Homography(double[] h)
    {
        public (double X, double Y) Map(double x, double y)
        {
            var w = (h[6] * x) + (h[7] * y) + 1;
            return (((h[0] * x) + (h[1] * y) + h[2]) / w, ((h[3] * x) + (h[4] * y) + h[5]) / w);
        }

        public static Homography FromQuads(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3,
            double u0, double v0, double u1, double v1, double u2, double v2, double u3, double v3)
        {
            double[] xs = [x0, x1, x2, x3], ys = [y0, y1, y2, y3], us = [u0, u1, u2, u3], vs = [v0, v1, v2, v3];
            var a = new double[8, 9];
            for (var i = 0; i < 4; i++)
            {
                double[] rowU = [xs[i], ys[i], 1, 0, 0, 0, -xs[i] * us[i], -ys[i] * us[i], us[i]];
                double[] rowV = [0, 0, 0, xs[i], ys[i], 1, -xs[i] * vs[i], -ys[i] * vs[i], vs[i]];
                for (var j = 0; j < 9; j++)
                {
                    a[2 * i, j] = rowU[j];
                    a[(2 * i) + 1, j] = rowV[j];
                }
            }

            // Gauss–Jordan with partial pivoting.
            for (var col = 0; col < 8; col++)
            {
                var pivot = col;
                for (var r = col + 1; r < 8; r++)
                {
                    if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                    {
                        pivot = r;
                    }
                }

                for (var j = 0; j < 9; j++)
                {
                    (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
                }

                for (var r = 0; r < 8; r++)
                {
                    if (r != col)
                    {
                        var f = a[r, col] / a[col, col];
                        for (var j = col; j < 9; j++)
                        {
                            a[r, j] -= f * a[col, j];
                        }
                    }
                }
            }

            return new Homography([.. Enumerable.Range(0, 8).Select(i => a[i, 8] / a[i, i])]);
        }
    }
}
