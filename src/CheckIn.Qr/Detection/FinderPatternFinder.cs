using CheckIn.Qr.Decoding;

namespace CheckIn.Qr.Detection;

/// <summary>A finder pattern candidate: its centre, module size, and how many scan lines confirmed it.</summary>
internal sealed class FinderCandidate(double x, double y, double moduleSize)
{
    public double X { get; private set; } = x;

    public double Y { get; private set; } = y;

    public double ModuleSize { get; private set; } = moduleSize;

    public int Count { get; private set; } = 1;

    public bool IsNear(double x, double y, double moduleSize) =>
        Math.Abs(x - X) <= Math.Max(moduleSize, ModuleSize) && Math.Abs(y - Y) <= Math.Max(moduleSize, ModuleSize)
        && Math.Abs(moduleSize - ModuleSize) <= Math.Max(1, 0.3 * ModuleSize);

    public void Merge(double x, double y, double moduleSize)
    {
        Count++;
        X += (x - X) / Count;
        Y += (y - Y) / Count;
        ModuleSize += (moduleSize - ModuleSize) / Count;
    }
}

/// <summary>
/// Finds the three 7 × 7 finder patterns of QR symbols: scan lines for dark-light-dark-light-dark runs in the
/// ratio 1:1:3:1:1, each confirmed across (vertically, then horizontally again, then diagonally).
/// </summary>
internal static class FinderPatternFinder
{
    public static List<FinderCandidate> Find(BitMatrix image)
    {
        var candidates = new List<FinderCandidate>();
        var step = image.Height < 400 ? 1 : 2;
        Span<int> counts = stackalloc int[5];
        for (var y = 0; y < image.Height; y += step)
        {
            counts.Clear();
            var state = 0;
            for (var x = 0; x < image.Width; x++)
            {
                if (image[x, y])
                {
                    if ((state & 1) == 1)
                    {
                        state++;
                    }

                    counts[state]++;
                }
                else if ((state & 1) == 0)
                {
                    if (state == 0 && counts[0] == 0)
                    {
                        continue;
                    }

                    if (state == 4)
                    {
                        if (IsFinderRatio(counts))
                        {
                            Confirm(image, counts, x, y, candidates);
                        }

                        // Slide by one dark-light pair: the last three runs may start the next pattern.
                        counts[0] = counts[2];
                        counts[1] = counts[3];
                        counts[2] = counts[4];
                        counts[3] = 1;
                        counts[4] = 0;
                        state = 3;
                    }
                    else
                    {
                        state++;
                        counts[state]++;
                    }
                }
                else
                {
                    counts[state]++;
                }
            }

            if (state == 4 && IsFinderRatio(counts))
            {
                Confirm(image, counts, image.Width, y, candidates);
            }
        }

        return candidates;
    }

    /// <summary>Runs in the ratio 1:1:3:1:1, each within half a module (the centre within 1.5 modules).</summary>
    internal static bool IsFinderRatio(ReadOnlySpan<int> counts)
    {
        var total = 0;
        foreach (var c in counts)
        {
            if (c == 0)
            {
                return false;
            }

            total += c;
        }

        if (total < 7)
        {
            return false;
        }

        var module = total / 7.0;
        var tolerance = module / 1.5;
        return Math.Abs(module - counts[0]) < tolerance
            && Math.Abs(module - counts[1]) < tolerance
            && Math.Abs((3 * module) - counts[2]) < 3 * tolerance
            && Math.Abs(module - counts[3]) < tolerance
            && Math.Abs(module - counts[4]) < tolerance;
    }

    private static void Confirm(BitMatrix image, ReadOnlySpan<int> counts, int endX, int y, List<FinderCandidate> candidates)
    {
        var total = counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
        var centreX = endX - counts[4] - counts[3] - (counts[2] / 2.0);
        var centreY = CrossCheck(image, (int)centreX, y, vertical: true, counts[2], total);
        if (double.IsNaN(centreY))
        {
            return;
        }

        var refinedX = CrossCheck(image, (int)centreX, (int)centreY, vertical: false, counts[2], total);
        if (double.IsNaN(refinedX) || !CrossCheckDiagonal(image, (int)refinedX, (int)centreY))
        {
            return;
        }

        var module = total / 7.0;
        foreach (var candidate in candidates)
        {
            if (candidate.IsNear(refinedX, centreY, module))
            {
                candidate.Merge(refinedX, centreY, module);
                return;
            }
        }

        candidates.Add(new FinderCandidate(refinedX, centreY, module));
    }

    /// <summary>Counts the five runs through (x, y) along a column or row; returns the pattern's centre coordinate, or NaN.</summary>
    private static double CrossCheck(BitMatrix image, int x, int y, bool vertical, int centreRun, int originalTotal)
    {
        var limit = vertical ? image.Height : image.Width;
        var at = vertical ? y : x;
        bool Dark(int i) => vertical ? image[x, i] : image[i, y];
        if ((uint)x >= (uint)image.Width || (uint)y >= (uint)image.Height || !Dark(at))
        {
            return double.NaN;
        }

        Span<int> counts = stackalloc int[5];
        var maxRun = Math.Max(centreRun * 2, 4);
        var i = at;
        while (i >= 0 && Dark(i))
        {
            counts[2]++;
            i--;
        }

        while (i >= 0 && !Dark(i) && counts[1] <= maxRun)
        {
            counts[1]++;
            i--;
        }

        while (i >= 0 && Dark(i) && counts[0] <= maxRun)
        {
            counts[0]++;
            i--;
        }

        i = at + 1;
        while (i < limit && Dark(i))
        {
            counts[2]++;
            i++;
        }

        while (i < limit && !Dark(i) && counts[3] <= maxRun)
        {
            counts[3]++;
            i++;
        }

        while (i < limit && Dark(i) && counts[4] <= maxRun)
        {
            counts[4]++;
            i++;
        }

        var total = counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
        if (5 * Math.Abs(total - originalTotal) >= 3 * originalTotal || !IsFinderRatio(counts))
        {
            return double.NaN;
        }

        return i - counts[4] - counts[3] - (counts[2] / 2.0);
    }

    /// <summary>The pattern also reads 1:1:3:1:1 along the diagonal through its centre (rejects text and stripes).</summary>
    private static bool CrossCheckDiagonal(BitMatrix image, int x, int y)
    {
        Span<int> counts = stackalloc int[5];
        var i = 0;
        while (x - i >= 0 && y - i >= 0 && image[x - i, y - i])
        {
            counts[2]++;
            i++;
        }

        while (x - i >= 0 && y - i >= 0 && !image[x - i, y - i])
        {
            counts[1]++;
            i++;
        }

        while (x - i >= 0 && y - i >= 0 && image[x - i, y - i])
        {
            counts[0]++;
            i++;
        }

        i = 1;
        while (x + i < image.Width && y + i < image.Height && image[x + i, y + i])
        {
            counts[2]++;
            i++;
        }

        while (x + i < image.Width && y + i < image.Height && !image[x + i, y + i])
        {
            counts[3]++;
            i++;
        }

        while (x + i < image.Width && y + i < image.Height && image[x + i, y + i])
        {
            counts[4]++;
            i++;
        }

        // Along the diagonal the outer dark run ends where the image or the quiet zone does; be lenient.
        var total = counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
        if (total < 7 || counts[1] == 0 || counts[3] == 0 || counts[0] == 0 || counts[4] == 0)
        {
            return false;
        }

        var module = total / 7.0;
        return Math.Abs((3 * module) - counts[2]) < 2.5 * module
            && Math.Abs(module - counts[1]) < module
            && Math.Abs(module - counts[3]) < module;
    }
}
