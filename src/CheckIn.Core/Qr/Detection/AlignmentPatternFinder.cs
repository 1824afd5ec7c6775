using CheckIn.Core.Qr.Decoding;

namespace CheckIn.Core.Qr.Detection;

/// <summary>
/// Finds an alignment pattern (5 × 5: dark ring, light ring, dark centre) near where the finder patterns
/// predict it: light-dark-light runs of about one module each, confirmed vertically. The nearest wins.
/// </summary>
internal static class AlignmentPatternFinder
{
    public static (double X, double Y)? Find(BitMatrix image, double expectedX, double expectedY, double module, double radius)
    {
        var left = Math.Max(0, (int)(expectedX - radius));
        var right = Math.Min(image.Width - 1, (int)(expectedX + radius));
        var top = Math.Max(0, (int)(expectedY - radius));
        var bottom = Math.Min(image.Height - 1, (int)(expectedY + radius));
        if (right - left < module * 3 || bottom - top < module * 3)
        {
            return null;
        }

        (double X, double Y)? best = null;
        var bestDistance = double.MaxValue;
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
                            if (distance < bestDistance)
                            {
                                bestDistance = distance;
                                best = (centreX, centreY);
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

            if (best is not null && bestDistance < module * module * 4)
            {
                break;
            }
        }

        return best;
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
