using CheckIn.Core;
using CheckIn.Qr.Decoding;

namespace CheckIn.Qr.Detection;

/// <summary>
/// From a binarized image to decoded symbols: groups finder patterns into triples shaped like a symbol's
/// corners, estimates the size, refines with the bottom-right alignment pattern, samples the module grid
/// through a perspective transform, and decodes (mirrored too).
/// </summary>
internal static class QrDetector
{
    /// <summary>The most confirmed candidates (by how many scan lines saw them) grouped into triples: 40 make 9,880.</summary>
    private const int MaxCandidates = 40;

    public static List<QrCode> Detect(BitMatrix image, bool inverted, QrReaderOptions options, QrReadWork work, CancellationToken cancellationToken)
    {
        var found = new List<QrCode>();
        var all = FinderPatternFinder.Find(image, options.MaxFinderCandidates, cancellationToken);
        work.Detections++;
        work.PixelsScanned += (long)image.Width * image.Height;
        work.MostCandidatesInADetection = Math.Max(work.MostCandidatesInADetection, all.Count);
        var candidates = all
            .OrderByDescending(c => c.Count)
            .Take(MaxCandidates)
            .ToList();
        var triples = Triples(candidates);
        var used = new HashSet<FinderCandidate>();
        var attempts = options.MaxDecodeAttempts;
        foreach (var (a, b, c, _) in triples)
        {
            if (found.Count >= options.MaxCodes || attempts <= 0)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();

            if (used.Contains(a) || used.Contains(b) || used.Contains(c))
            {
                continue;
            }

            if (TryDecode(image, a, b, c, inverted, options, ref attempts) is { } code && !found.Any(f => Overlaps(f, code)))
            {
                found.Add(code);
                used.Add(a);
                used.Add(b);
                used.Add(c);
            }
        }

        work.MostGridsInADetection = Math.Max(work.MostGridsInADetection, options.MaxDecodeAttempts - Math.Max(0, attempts));
        return found;
    }

    private static bool Overlaps(QrCode a, QrCode b) =>
        a.Text == b.Text && Math.Abs(a.Center.X - b.Center.X) < 8 && Math.Abs(a.Center.Y - b.Center.Y) < 8;

    /// <summary>Triples whose shape is close to a right isosceles triangle, best first.</summary>
    private static List<(FinderCandidate A, FinderCandidate B, FinderCandidate C, double Score)> Triples(List<FinderCandidate> candidates)
    {
        var triples = new List<(FinderCandidate, FinderCandidate, FinderCandidate, double)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                for (var k = j + 1; k < candidates.Count; k++)
                {
                    var (p, q, r) = (candidates[i], candidates[j], candidates[k]);
                    var maxModule = Math.Max(p.ModuleSize, Math.Max(q.ModuleSize, r.ModuleSize));
                    var minModule = Math.Min(p.ModuleSize, Math.Min(q.ModuleSize, r.ModuleSize));
                    if (maxModule > minModule * 2.2)
                    {
                        continue;
                    }

                    var dPQ = Distance(p, q);
                    var dPR = Distance(p, r);
                    var dQR = Distance(q, r);

                    // The right angle is at the vertex opposite the longest side.
                    var (corner, one, other, hypotenuse, side1, side2) = dQR >= dPQ && dQR >= dPR ? (p, q, r, dQR, dPQ, dPR)
                        : dPR >= dPQ ? (q, p, r, dPR, dPQ, dQR)
                        : (r, p, q, dPQ, dPR, dQR);
                    var ratio = Math.Min(side1, side2) / Math.Max(side1, side2);
                    var pythagoras = Math.Abs((hypotenuse * hypotenuse) - (side1 * side1) - (side2 * side2)) / (hypotenuse * hypotenuse);
                    var module = (p.ModuleSize + q.ModuleSize + r.ModuleSize) / 3;
                    var modulesAcross = ((side1 + side2) / 2 / module) + 7;
                    if (ratio < 0.55 || pythagoras > 0.45 || modulesAcross < 15 || modulesAcross > 190)
                    {
                        continue;
                    }

                    var score = (1 - ratio) + pythagoras + ((maxModule / minModule) - 1);
                    triples.Add((corner, one, other, score));
                }
            }
        }

        triples.Sort((x, y) => x.Item4.CompareTo(y.Item4));
        return triples;
    }

    private static double Distance(FinderCandidate a, FinderCandidate b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));

    /// <summary>Samples and decodes the grid a triple describes, trying sizes and bottom-right points; each sampled grid costs one attempt.</summary>
    private static QrCode? TryDecode(BitMatrix image, FinderCandidate topLeft, FinderCandidate b, FinderCandidate c, bool inverted, QrReaderOptions options, ref int attempts)
    {
        // Orient: with y pointing down, top-right → bottom-left turns clockwise around the top-left corner.
        var cross = ((b.X - topLeft.X) * (c.Y - topLeft.Y)) - ((b.Y - topLeft.Y) * (c.X - topLeft.X));
        var (topRight, bottomLeft) = cross > 0 ? (b, c) : (c, b);
        var module = (topLeft.ModuleSize + topRight.ModuleSize + bottomLeft.ModuleSize) / 3;

        // Modules along each side, measured with that side's own finder sizes (perspective makes them differ).
        var across = Distance(topLeft, topRight) / ((topLeft.ModuleSize + topRight.ModuleSize) / 2);
        var down = Distance(topLeft, bottomLeft) / ((topLeft.ModuleSize + bottomLeft.ModuleSize) / 2);
        var estimate = (int)Math.Round(((across + down) / 2) + 7);
        foreach (var dimension in DimensionCandidates(estimate))
        {
            foreach (var bottomRight in BottomRightCandidates(image, topLeft, topRight, bottomLeft, dimension, module))
            {
                if (attempts-- <= 0)
                {
                    return null;
                }

                if (Sample(image, topLeft, topRight, bottomLeft, bottomRight, dimension) is not var (matrix, transform))
                {
                    continue;
                }

                var code = Decode(matrix, transform, dimension, mirrored: false, inverted);
                if (code is null && options.TryMirrored)
                {
                    code = Decode(matrix.Transposed(), transform, dimension, mirrored: true, inverted);
                }

                if (code is not null)
                {
                    return code;
                }
            }
        }

        return null;
    }

    private static int[] DimensionCandidates(int estimate)
    {
        var nearest = estimate + (estimate % 4) switch { 0 => 1, 2 => -1, 3 => 2, _ => 0 };
        return [.. new[] { nearest, nearest - 4, nearest + 4, nearest - 8, nearest + 8 }.Where(d => d is >= 21 and <= 177)];
    }

    /// <summary>
    /// Where the bottom-right reference point may be, most trusted first: alignment-pattern candidates near
    /// where the finder rings' edges put it (robust to perspective), then near the parallelogram's prediction
    /// (module coordinate dimension − 6.5), then the symbol's corner where the ring edges meet (coordinate
    /// dimension), then the parallelogram's fourth corner (coordinate dimension − 3.5).
    /// </summary>
    private static IEnumerable<(double X, double Y, double Module)> BottomRightCandidates(BitMatrix image, FinderCandidate topLeft, FinderCandidate topRight, FinderCandidate bottomLeft, int dimension, double module)
    {
        var corner = EdgeCorner(image, topLeft, topRight, bottomLeft);
        if (dimension > 21)
        {
            if (corner is { } c)
            {
                // The grid through the three finder centres and the corner predicts the alignment pattern.
                var far = dimension - 3.5;
                var grid = PerspectiveTransform.QuadrilateralToQuadrilateral(
                    3.5, 3.5, far, 3.5, dimension, dimension, 3.5, far,
                    topLeft.X, topLeft.Y, topRight.X, topRight.Y, c.X, c.Y, bottomLeft.X, bottomLeft.Y);
                var (ax, ay) = grid.Map(dimension - 6.5, dimension - 6.5);
                if (!double.IsNaN(ax) && !double.IsNaN(ay))
                {
                    foreach (var (x, y) in AlignmentPatternFinder.FindAll(image, ax, ay, module, 5 * module, 2))
                    {
                        yield return (x, y, dimension - 6.5);
                    }
                }
            }

            var u = (dimension - 10.0) / (dimension - 7.0);
            var expectedX = topLeft.X + (u * (topRight.X - topLeft.X)) + (u * (bottomLeft.X - topLeft.X));
            var expectedY = topLeft.Y + (u * (topRight.Y - topLeft.Y)) + (u * (bottomLeft.Y - topLeft.Y));

            // Perspective moves the pattern away from the parallelogram's corner: search up to 12 modules around it.
            foreach (var (x, y) in AlignmentPatternFinder.FindAll(image, expectedX, expectedY, module, 12 * module, MaxAlignmentCandidates))
            {
                yield return (x, y, dimension - 6.5);
            }
        }

        if (corner is { } edge)
        {
            yield return (edge.X, edge.Y, dimension);
        }

        yield return (topRight.X - topLeft.X + bottomLeft.X, topRight.Y - topLeft.Y + bottomLeft.Y, dimension - 3.5);
    }

    /// <summary>The symbol's bottom-right corner where the top-right ring's right edge meets the bottom-left ring's bottom edge.</summary>
    private static (double X, double Y)? EdgeCorner(BitMatrix image, FinderCandidate topLeft, FinderCandidate topRight, FinderCandidate bottomLeft)
    {
        var across = Distance(topLeft, topRight);
        var down = Distance(topLeft, bottomLeft);
        if (across < 1 || down < 1)
        {
            return null;
        }

        (double X, double Y) xAxis = ((topRight.X - topLeft.X) / across, (topRight.Y - topLeft.Y) / across);
        (double X, double Y) yAxis = ((bottomLeft.X - topLeft.X) / down, (bottomLeft.Y - topLeft.Y) / down);
        if (FinderCorners.Find(image, topRight, xAxis, yAxis) is not { } tr || FinderCorners.Find(image, bottomLeft, xAxis, yAxis) is not { } bl)
        {
            return null;
        }

        // Right edge of the top-right ring: its top-right and bottom-right corners; bottom edge of the bottom-left ring likewise.
        return FinderCorners.Intersect(tr[1], tr[2], bl[3], bl[2]);
    }

    private const int MaxAlignmentCandidates = 4;

    private static (BitMatrix Matrix, PerspectiveTransform Transform)? Sample(BitMatrix image, FinderCandidate topLeft, FinderCandidate topRight, FinderCandidate bottomLeft, (double X, double Y, double Module) bottomRight, int dimension)
    {
        var far = dimension - 3.5;
        var transform = PerspectiveTransform.QuadrilateralToQuadrilateral(
            3.5, 3.5, far, 3.5, bottomRight.Module, bottomRight.Module, 3.5, far,
            topLeft.X, topLeft.Y, topRight.X, topRight.Y, bottomRight.X, bottomRight.Y, bottomLeft.X, bottomLeft.Y);
        var matrix = new BitMatrix(dimension, dimension);

        // Row 8 and column 8 hold both copies of the format information (of the mirrored symbol too): when neither
        // orientation's decodes, this is no symbol, and the rest of the grid (up to 31,329 modules) is not sampled.
        for (var i = 0; i < dimension; i++)
        {
            if (!TrySample(image, transform, i, 8, matrix) || !TrySample(image, transform, 8, i, matrix))
            {
                return null;
            }
        }

        var (copy1, copy2) = SymbolLayout.ReadFormatBits(matrix);
        var (mirrored1, mirrored2) = SymbolLayout.ReadFormatBits(matrix.Transposed());
        if (!FormatInformation.TryDecode(copy1, copy2, out _, out _) && !FormatInformation.TryDecode(mirrored1, mirrored2, out _, out _))
        {
            return null;
        }

        for (var my = 0; my < dimension; my++)
        {
            for (var mx = 0; mx < dimension; mx++)
            {
                var (px, py) = transform.Map(mx + 0.5, my + 0.5);
                if (double.IsNaN(px) || double.IsNaN(py) || px < -1 || py < -1 || px > image.Width || py > image.Height)
                {
                    return null;
                }

                matrix[mx, my] = image[Math.Clamp((int)px, 0, image.Width - 1), Math.Clamp((int)py, 0, image.Height - 1)];
            }
        }

        return (matrix, transform);
    }

    private static bool TrySample(BitMatrix image, PerspectiveTransform transform, int mx, int my, BitMatrix matrix)
    {
        var (px, py) = transform.Map(mx + 0.5, my + 0.5);
        if (double.IsNaN(px) || double.IsNaN(py) || px < -1 || py < -1 || px > image.Width || py > image.Height)
        {
            return false;
        }

        matrix[mx, my] = image[Math.Clamp((int)px, 0, image.Width - 1), Math.Clamp((int)py, 0, image.Height - 1)];
        return true;
    }

    private static QrCode? Decode(BitMatrix matrix, PerspectiveTransform transform, int dimension, bool mirrored, bool inverted)
    {
        if (MatrixDecoder.Decode(matrix) is not { } symbol || ContentDecoder.Decode(symbol.DataCodewords, symbol.Version) is not { } content)
        {
            return null;
        }

        QrPoint Corner(double x, double y)
        {
            // A mirrored symbol was decoded transposed: its module (x, y) is the sampled grid's (y, x).
            var (px, py) = mirrored ? transform.Map(y, x) : transform.Map(x, y);
            return new QrPoint(px, py);
        }

        return new QrCode
        {
            Text = content.Text,
            Bytes = new EquatableArray<byte>(content.Bytes),
            DataCodewords = new EquatableArray<byte>(symbol.DataCodewords),
            Version = symbol.Version,
            ErrorCorrectionLevel = symbol.Level,
            Corners = new EquatableArray<QrPoint>([Corner(0, 0), Corner(dimension, 0), Corner(dimension, dimension), Corner(0, dimension)]),
            CorrectedCodewords = symbol.CorrectedCodewords,
            StructuredAppend = content.StructuredAppend,
            EciDesignators = new EquatableArray<int>(content.EciDesignators),
            Mirrored = mirrored,
            Inverted = inverted,
            Gs1 = content.Gs1,
        };
    }
}
