namespace CheckIn.Qr.Detection;

/// <summary>
/// A projective mapping of the plane (a homography), as a 3 × 3 matrix M acting on (x, y, 1): built from four
/// point pairs, mapping module-grid coordinates to image coordinates.
/// </summary>
internal sealed class PerspectiveTransform
{
    // Row-major: X = m0 x + m1 y + m2, Y = m3 x + m4 y + m5, W = m6 x + m7 y + m8.
    private readonly double[] _m;

    private PerspectiveTransform(params double[] m) => _m = m;

    /// <summary>The transform taking (x0, y0) … (x3, y3) to (u0, v0) … (u3, v3).</summary>
    public static PerspectiveTransform QuadrilateralToQuadrilateral(
        double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3,
        double u0, double v0, double u1, double v1, double u2, double v2, double u3, double v3) =>
        SquareToQuadrilateral(u0, v0, u1, v1, u2, v2, u3, v3).After(SquareToQuadrilateral(x0, y0, x1, y1, x2, y2, x3, y3).Adjoint());

    public (double X, double Y) Map(double x, double y)
    {
        var m = _m;
        var w = (m[6] * x) + (m[7] * y) + m[8];
        return (((m[0] * x) + (m[1] * y) + m[2]) / w, ((m[3] * x) + (m[4] * y) + m[5]) / w);
    }

    /// <summary>The unit square (0,0), (1,0), (1,1), (0,1) onto the quadrilateral (Heckbert's closed form).</summary>
    private static PerspectiveTransform SquareToQuadrilateral(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3)
    {
        var dx3 = x0 - x1 + x2 - x3;
        var dy3 = y0 - y1 + y2 - y3;
        if (Math.Abs(dx3) < 1e-9 && Math.Abs(dy3) < 1e-9)
        {
            return new PerspectiveTransform(x1 - x0, x2 - x1, x0, y1 - y0, y2 - y1, y0, 0, 0, 1);
        }

        var dx1 = x1 - x2;
        var dx2 = x3 - x2;
        var dy1 = y1 - y2;
        var dy2 = y3 - y2;
        var denominator = (dx1 * dy2) - (dx2 * dy1);
        var g = ((dx3 * dy2) - (dx2 * dy3)) / denominator;
        var h = ((dx1 * dy3) - (dx3 * dy1)) / denominator;
        return new PerspectiveTransform(
            x1 - x0 + (g * x1), x3 - x0 + (h * x3), x0,
            y1 - y0 + (g * y1), y3 - y0 + (h * y3), y0,
            g, h, 1);
    }

    /// <summary>The adjugate: the inverse up to scale, which a homography does not care about.</summary>
    private PerspectiveTransform Adjoint()
    {
        var m = _m;
        return new PerspectiveTransform(
            (m[4] * m[8]) - (m[5] * m[7]), (m[2] * m[7]) - (m[1] * m[8]), (m[1] * m[5]) - (m[2] * m[4]),
            (m[5] * m[6]) - (m[3] * m[8]), (m[0] * m[8]) - (m[2] * m[6]), (m[2] * m[3]) - (m[0] * m[5]),
            (m[3] * m[7]) - (m[4] * m[6]), (m[1] * m[6]) - (m[0] * m[7]), (m[0] * m[4]) - (m[1] * m[3]));
    }

    /// <summary>This transform applied after <paramref name="first"/>: the matrix product this × first.</summary>
    private PerspectiveTransform After(PerspectiveTransform first)
    {
        var a = _m;
        var b = first._m;
        var r = new double[9];
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                r[(row * 3) + column] = (a[row * 3] * b[column]) + (a[(row * 3) + 1] * b[3 + column]) + (a[(row * 3) + 2] * b[6 + column]);
            }
        }

        return new PerspectiveTransform(r);
    }
}
