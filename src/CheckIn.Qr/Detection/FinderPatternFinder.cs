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
    /// <summary>
    /// Finds the candidates. Work is bounded: every run followed by a cross-check is capped at a few times the
    /// pattern's size, candidates are merged through a grid of cells (constant time each), and scanning stops once
    /// <paramref name="maxCandidates"/> distinct candidates are found (an image of thousands of finder-like
    /// squares is not a photo of a few codes).
    /// </summary>
    public static List<FinderCandidate> Find(BitMatrix image, int maxCandidates, CancellationToken cancellationToken)
    {
        var candidates = new CandidateSet(image.Width, image.Height, maxCandidates);
        // Every row of small images; on large ones about 600 rows, so the smallest finder a photo of that size
        // shows clearly (7 modules of 2 pixels or more) is still crossed by two scan lines or more.
        var step = image.Height < 400 ? 1 : Math.Clamp(image.Height / 600, 2, 7);
        Span<int> counts = stackalloc int[5];
        for (var y = 0; y < image.Height && candidates.Count < maxCandidates; y += step)
        {
            if ((y & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

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

        return candidates.All;
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

    private static void Confirm(BitMatrix image, ReadOnlySpan<int> counts, int endX, int y, CandidateSet candidates)
    {
        var total = counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
        var centreX = endX - counts[4] - counts[3] - (counts[2] / 2.0);
        var centreY = CrossCheck(image, (int)centreX, y, vertical: true, counts[2], total);
        if (double.IsNaN(centreY))
        {
            return;
        }

        var refinedX = CrossCheck(image, (int)centreX, (int)centreY, vertical: false, counts[2], total);
        if (double.IsNaN(refinedX) || !CrossCheckDiagonal(image, (int)refinedX, (int)centreY, total))
        {
            return;
        }

        candidates.AddOrMerge(refinedX, centreY, total / 7.0);
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
        var maxCentre = Math.Max(2 * originalTotal, 8);
        var i = at;
        while (i >= 0 && Dark(i) && counts[2] <= maxCentre)
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
        while (i < limit && Dark(i) && counts[2] <= maxCentre)
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
    private static bool CrossCheckDiagonal(BitMatrix image, int x, int y, int originalTotal)
    {
        Span<int> counts = stackalloc int[5];

        // No run along the diagonal is longer than the whole pattern across (√2 × its width, with room for blur).
        var maxRun = (2 * originalTotal) + 4;
        var i = 0;
        while (x - i >= 0 && y - i >= 0 && image[x - i, y - i] && counts[2] <= maxRun)
        {
            counts[2]++;
            i++;
        }

        while (x - i >= 0 && y - i >= 0 && !image[x - i, y - i] && counts[1] <= maxRun)
        {
            counts[1]++;
            i++;
        }

        while (x - i >= 0 && y - i >= 0 && image[x - i, y - i] && counts[0] <= maxRun)
        {
            counts[0]++;
            i++;
        }

        i = 1;
        while (x + i < image.Width && y + i < image.Height && image[x + i, y + i] && counts[2] <= maxRun)
        {
            counts[2]++;
            i++;
        }

        while (x + i < image.Width && y + i < image.Height && !image[x + i, y + i] && counts[3] <= maxRun)
        {
            counts[3]++;
            i++;
        }

        while (x + i < image.Width && y + i < image.Height && image[x + i, y + i] && counts[4] <= maxRun)
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

/// <summary>
/// Candidates found so far, indexed by a grid of cells so a new sighting finds the candidate it merges with in
/// constant time (a linear search made images of thousands of finder-like squares quadratic).
/// </summary>
internal sealed class CandidateSet(int width, int height, int capacity)
{
    private const int CellSize = 32;

    private readonly int _columns = (width / CellSize) + 1;
    private readonly int _rows = (height / CellSize) + 1;
    private readonly Dictionary<int, List<FinderCandidate>> _cells = [];

    public List<FinderCandidate> All { get; } = [];

    public int Count => All.Count;

    public void AddOrMerge(double x, double y, double module)
    {
        // A candidate merges with sightings within one module size, and module sizes stay below a cell's width
        // for all but huge codes: those search a wider neighbourhood.
        var reach = (int)Math.Ceiling(Math.Max(module * 1.5, 1) / CellSize);
        var column = Math.Clamp((int)(x / CellSize), 0, _columns - 1);
        var row = Math.Clamp((int)(y / CellSize), 0, _rows - 1);
        for (var r = Math.Max(0, row - reach); r <= Math.Min(_rows - 1, row + reach); r++)
        {
            for (var c = Math.Max(0, column - reach); c <= Math.Min(_columns - 1, column + reach); c++)
            {
                if (_cells.TryGetValue((r * _columns) + c, out var cell))
                {
                    foreach (var candidate in cell)
                    {
                        if (candidate.IsNear(x, y, module))
                        {
                            candidate.Merge(x, y, module);
                            return;
                        }
                    }
                }
            }
        }

        if (All.Count >= capacity)
        {
            return;
        }

        var added = new FinderCandidate(x, y, module);
        All.Add(added);
        var key = (row * _columns) + column;
        if (!_cells.TryGetValue(key, out var list))
        {
            _cells[key] = list = [];
        }

        list.Add(added);
    }
}
