using CheckIn.Qr.Decoding;

namespace CheckIn.Qr.Detection;

/// <summary>
/// The outer corners of a finder pattern's dark ring, found by filling the ring (a connected dark region
/// the light separator and quiet zone cut off from the data) and taking its extreme points along the
/// symbol's diagonals. Each finder then shows the local perspective: the line through the top-right
/// finder's right edge and the line through the bottom-left finder's bottom edge meet at the symbol's
/// bottom-right corner, which three centres alone cannot predict under a tilted camera.
/// </summary>
internal static class FinderCorners
{
    /// <summary>
    /// The ring's corners in the symbol's frame: top-left, top-right, bottom-right, bottom-left, where "right"
    /// is along <paramref name="xAxis"/> and "down" along <paramref name="yAxis"/>; null when the ring cannot be traced.
    /// </summary>
    public static (double X, double Y)[]? Find(BitMatrix image, FinderCandidate finder, (double X, double Y) xAxis, (double X, double Y) yAxis)
    {
        var module = finder.ModuleSize;
        var reach = (int)Math.Ceiling(module * 5.5);
        int left = Math.Max(0, (int)finder.X - reach), right = Math.Min(image.Width - 1, (int)finder.X + reach);
        int top = Math.Max(0, (int)finder.Y - reach), bottom = Math.Min(image.Height - 1, (int)finder.Y + reach);

        // Walk from the centre along the x axis: the dark centre, the light ring, then the dark ring.
        (int X, int Y)? seed = null;
        var phase = 0;
        for (var step = 0.0; step < module * 5; step += 0.5)
        {
            var x = (int)Math.Round(finder.X + (xAxis.X * step));
            var y = (int)Math.Round(finder.Y + (xAxis.Y * step));
            if (x < left || x > right || y < top || y > bottom)
            {
                return null;
            }

            var dark = image[x, y];
            if (phase == 0 && !dark)
            {
                phase = 1;
            }
            else if (phase == 1 && dark)
            {
                seed = (x, y);
                break;
            }
        }

        if (seed is not { } start)
        {
            return null;
        }

        // Flood-fill the ring inside the window.
        var width = right - left + 1;
        var seen = new bool[width * (bottom - top + 1)];
        var stack = new Stack<(int X, int Y)>();
        stack.Push(start);
        seen[((start.Y - top) * width) + start.X - left] = true;
        Span<double> best = [double.MinValue, double.MinValue, double.MinValue, double.MinValue];
        Span<(double X, double Y)> corners = stackalloc (double X, double Y)[4];
        var count = 0;
        while (stack.Count > 0)
        {
            var (x, y) = stack.Pop();
            count++;
            var dx = x + 0.5 - finder.X;
            var dy = y + 0.5 - finder.Y;
            var u = (dx * xAxis.X) + (dy * xAxis.Y);
            var v = (dx * yAxis.X) + (dy * yAxis.Y);
            // Top-left (−u −v), top-right (+u −v), bottom-right (+u +v), bottom-left (−u +v).
            Span<double> scores = [-u - v, u - v, u + v, -u + v];
            for (var k = 0; k < 4; k++)
            {
                if (scores[k] > best[k])
                {
                    best[k] = scores[k];
                    corners[k] = (x + 0.5, y + 0.5);
                }
            }

            foreach (var (nx, ny) in (ReadOnlySpan<(int, int)>)[(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)])
            {
                if (nx < left || nx > right || ny < top || ny > bottom)
                {
                    continue;
                }

                var index = ((ny - top) * width) + nx - left;
                if (!seen[index] && image[nx, ny])
                {
                    seen[index] = true;
                    stack.Push((nx, ny));
                }
            }
        }

        // A ring is about 24 modules' area; much more means it merged with the data (blur), much less is noise.
        var area = module * module;
        if (count < area * 10 || count > area * 40)
        {
            return null;
        }

        // Pixel centres sit half a pixel inside the true outline: push each corner out along its diagonal.
        var result = new (double X, double Y)[4];
        for (var k = 0; k < 4; k++)
        {
            var su = k is 1 or 2 ? 1 : -1;
            var sv = k is 2 or 3 ? 1 : -1;
            result[k] = (corners[k].X + (0.5 * ((su * xAxis.X) + (sv * yAxis.X))), corners[k].Y + (0.5 * ((su * xAxis.Y) + (sv * yAxis.Y))));
        }

        return result;
    }

    /// <summary>Where the line through a0 and a1 meets the line through b0 and b1; null for (nearly) parallel lines.</summary>
    public static (double X, double Y)? Intersect((double X, double Y) a0, (double X, double Y) a1, (double X, double Y) b0, (double X, double Y) b1)
    {
        var d1x = a1.X - a0.X;
        var d1y = a1.Y - a0.Y;
        var d2x = b1.X - b0.X;
        var d2y = b1.Y - b0.Y;
        var denominator = (d1x * d2y) - (d1y * d2x);
        if (Math.Abs(denominator) < 1e-9 * Math.Max(1, (d1x * d1x) + (d1y * d1y)) * Math.Max(1, (d2x * d2x) + (d2y * d2y)))
        {
            return null;
        }

        var t = (((b0.X - a0.X) * d2y) - ((b0.Y - a0.Y) * d2x)) / denominator;
        return (a0.X + (t * d1x), a0.Y + (t * d1y));
    }
}
