using CheckIn.Qr.Imaging;

namespace CheckIn.Qr.Printing;

/// <summary>Draws anti-aliased thick lines and filled rectangles in black on a white grayscale image.</summary>
internal static class Raster
{
    /// <summary>Darkens the pixels within <paramref name="width"/>/2 of the polyline (round caps and joins).</summary>
    public static void Polyline(LuminanceImage image, ReadOnlySpan<(double X, double Y)> points, double width)
    {
        if (points.Length == 1)
        {
            Segment(image, points[0], points[0], width / 2);
        }

        for (var i = 1; i < points.Length; i++)
        {
            Segment(image, points[i - 1], points[i], width / 2);
        }
    }

    /// <summary>Fills a rectangle in pixel coordinates with the given grey (coverage-weighted at the edges).</summary>
    public static void FillRectangle(LuminanceImage image, double left, double top, double right, double bottom, byte value)
    {
        var x0 = Math.Max(0, (int)Math.Floor(left));
        var x1 = Math.Min(image.Width - 1, (int)Math.Ceiling(right) - 1);
        var y0 = Math.Max(0, (int)Math.Floor(top));
        var y1 = Math.Min(image.Height - 1, (int)Math.Ceiling(bottom) - 1);
        for (var y = y0; y <= y1; y++)
        {
            var coverY = Math.Min(y + 1, bottom) - Math.Max(y, top);
            for (var x = x0; x <= x1; x++)
            {
                var cover = coverY * (Math.Min(x + 1, right) - Math.Max(x, left));
                Darken(image, x, y, cover, value);
            }
        }
    }

    private static void Segment(LuminanceImage image, (double X, double Y) a, (double X, double Y) b, double radius)
    {
        var minX = Math.Max(0, (int)Math.Floor(Math.Min(a.X, b.X) - radius - 1));
        var maxX = Math.Min(image.Width - 1, (int)Math.Ceiling(Math.Max(a.X, b.X) + radius + 1));
        var minY = Math.Max(0, (int)Math.Floor(Math.Min(a.Y, b.Y) - radius - 1));
        var maxY = Math.Min(image.Height - 1, (int)Math.Ceiling(Math.Max(a.Y, b.Y) + radius + 1));
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var lengthSquared = (dx * dx) + (dy * dy);
        for (var y = minY; y <= maxY; y++)
        {
            for (var x = minX; x <= maxX; x++)
            {
                // Distance from the pixel centre to the segment.
                var px = x + 0.5 - a.X;
                var py = y + 0.5 - a.Y;
                var t = lengthSquared == 0 ? 0 : Math.Clamp(((px * dx) + (py * dy)) / lengthSquared, 0, 1);
                var ex = px - (t * dx);
                var ey = py - (t * dy);
                var distance = Math.Sqrt((ex * ex) + (ey * ey));
                var cover = Math.Clamp(radius + 0.5 - distance, 0, 1);
                if (cover > 0)
                {
                    Darken(image, x, y, cover, 0);
                }
            }
        }
    }

    private static void Darken(LuminanceImage image, int x, int y, double cover, byte value)
    {
        var index = (y * image.Stride) + x;
        var target = (byte)Math.Round(255 - (cover * (255 - value)));
        if (target < image.Pixels[index])
        {
            image.Pixels[index] = target;
        }
    }
}
