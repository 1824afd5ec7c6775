using CheckIn.Qr.Decoding;

namespace CheckIn.Qr.Detection;

/// <summary>
/// Finds alignment patterns (5 × 5: dark ring, light ring, dark centre) near where the finder patterns
/// predict one: light-dark-light runs of about one module each, confirmed vertically. Candidates come
/// nearest first; decoding tells which is real (data modules can mimic the pattern, and under perspective
/// the real one is not always the nearest).
/// </summary>
internal static class AlignmentPatternFinder
{
    public static (double X, double Y)? Find(BitMatrix image, double expectedX, double expectedY, double module, double radius) =>
        FindAll(image, expectedX, expectedY, module, radius, 1) is [var first, ..] ? first : null;

    public static List<(double X, double Y)> FindAll(BitMatrix image, double expectedX, double expectedY, double module, double radius, int maxCount)
    {
        var found = new List<(double X, double Y, double Distance, bool Strict)>();
        var left = Math.Max(0, (int)(expectedX - radius));
        var right = Math.Min(image.Width - 1, (int)(expectedX + radius));
        var top = Math.Max(0, (int)(expectedY - radius));
        var bottom = Math.Min(image.Height - 1, (int)(expectedY + radius));
        if (right - left < module * 3 || bottom - top < module * 3)
        {
            return [];
        }

        Span<int> runs = stackalloc int[3];

        // Rows from the expected centre outwards, so a near pattern is found before a far one.
        for (var k = 0; k <= bottom - top; k++)
        {
            var y = (int)expectedY + ((k & 1) == 0 ? k / 2 : -((k + 1) / 2));
            if (y < top || y > bottom)
            {
                continue;
            }

            runs.Clear();
            var state = 0;
            var x = left;

            // Skip to the first light pixel so runs start light-dark-light.
            while (x <= right && image[x, y])
            {
                x++;
            }

            for (; x <= right; x++)
            {
                var dark = image[x, y];
                if (dark == (state == 1))
                {
                    runs[state]++;
                    continue;
                }

                if (state == 2)
                {
                    if (IsAlignmentRatio(runs, module))
                    {
                        var centreX = x - runs[2] - (runs[1] / 2.0);
                        var centreY = CrossCheckVertical(image, (int)centreX, y, module);
                        if (!double.IsNaN(centreY))
                        {
                            var distance = Math.Pow(centreX - expectedX, 2) + Math.Pow(centreY - expectedY, 2);
                            var same = found.FindIndex(f => Math.Abs(f.X - centreX) < module && Math.Abs(f.Y - centreY) < module);
                            if (same < 0 && found.Count < MaxCandidates)
                            {
                                found.Add((centreX, centreY, distance, HasOuterRing(image, centreX, centreY, module)));
                            }
                        }
                    }

                    // The trailing light run starts the next light-dark-light window.
                    runs[0] = runs[2];
                    runs[1] = 1;
                    runs[2] = 0;
                    state = 1;
                }
                else
                {
                    state++;
                    runs[state]++;
                }
            }

            if (found.Count >= MaxCandidates)
            {
                break;
            }
        }

        // Patterns whose outer dark ring is there too come first, each group nearest first.
        return [.. found.OrderByDescending(f => f.Strict).ThenBy(f => f.Distance).Take(maxCount).Select(f => (f.X, f.Y))];
    }

    private const int MaxCandidates = 24;

    /// <summary>Whether the full 1:1:1:1:1 dark-light-dark-light-dark profile reads across and down through the centre.</summary>
    private static bool HasOuterRing(BitMatrix image, double centreX, double centreY, double module)
    {
        var x = (int)centreX;
        var y = (int)centreY;
        foreach (var (dx, dy) in (ReadOnlySpan<(int, int)>)[(1, 0), (0, 1)])
        {
            // From the centre outwards on both sides: dark centre, light ring, dark ring.
            for (var sign = -1; sign <= 1; sign += 2)
            {
                var i = 0;
                bool Dark(int step) => image[Math.Clamp(x + (sign * dx * step), 0, image.Width - 1), Math.Clamp(y + (sign * dy * step), 0, image.Height - 1)];
                var limit = (int)Math.Ceiling(module * 2.5);
                while (i < limit && Dark(i))
                {
                    i++;
                }

                var light = 0;
                while (i < limit * 2 && !Dark(i))
                {
                    i++;
                    light++;
                }

                var dark = 0;
                while (i < limit * 3 && Dark(i))
                {
                    i++;
                    dark++;
                }

                if (light == 0 || dark == 0 || light > module * 2 || dark > module * 2.2 || Math.Abs(light - module) > module * 0.8)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsAlignmentRatio(ReadOnlySpan<int> runs, double module)
    {
        var tolerance = module / 1.4;
        return Math.Abs(module - runs[1]) < tolerance && runs[0] > 0 && runs[2] > 0
            && Math.Abs(module - runs[0]) < module * 1.2 && Math.Abs(module - runs[2]) < module * 1.2;
    }

    private static double CrossCheckVertical(BitMatrix image, int x, int y, double module)
    {
        if ((uint)x >= (uint)image.Width || !image[x, y])
        {
            return double.NaN;
        }

        var maxRun = (int)Math.Ceiling(module * 2);
        int up = 0, down = 0, lightUp = 0, lightDown = 0;
        var i = y;
        while (i >= 0 && image[x, i] && up <= maxRun)
        {
            up++;
            i--;
        }

        while (i >= 0 && !image[x, i] && lightUp <= maxRun)
        {
            lightUp++;
            i--;
        }

        i = y + 1;
        while (i < image.Height && image[x, i] && down <= maxRun)
        {
            down++;
            i++;
        }

        while (i < image.Height && !image[x, i] && lightDown <= maxRun)
        {
            lightDown++;
            i++;
        }

        var centre = up + down;
        var tolerance = module / 1.4;
        if (Math.Abs(centre - module) >= tolerance || lightUp == 0 || lightDown == 0 || lightUp > maxRun || lightDown > maxRun)
        {
            return double.NaN;
        }

        return y - up + 1 + (centre / 2.0);
    }
}
