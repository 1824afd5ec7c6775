using System.Globalization;
using System.Text;

namespace CheckIn.Qr.Printing;

/// <summary>
/// A small single-stroke sans-serif font, drawn as thick lines, so posters and cards can carry Vietnamese
/// text in a PNG without a font engine (the registry here serves no SkiaSharp or ImageSharp). Glyphs are
/// defined on a grid where capitals are 10 units tall (top at 0, baseline at 10, x-height at 3, descenders
/// to 13). Vietnamese letters are composed from a base letter and its marks after canonical decomposition,
/// so every precomposed letter (ấ, ở, ự, Ẵ …) is covered; đ and Đ have their own bar. Characters the font
/// lacks are drawn as an empty box, never dropped.
/// </summary>
internal static class StrokeFont
{
    /// <summary>Capital height in font units.</summary>
    public const double CapHeight = 10;

    /// <summary>Space between letters in font units (plus the stroke width, added when measuring).</summary>
    private const double LetterSpacing = 2.0;

    private static readonly Dictionary<char, Glyph> Glyphs = Build();

    /// <summary>The polylines of one glyph in font units, and how far the pen advances after it.</summary>
    private sealed record Glyph(double Advance, IReadOnlyList<(double X, double Y)[]> Strokes, double Top, double Left, double Right);

    /// <summary>Lays out a line of text: the polylines (in font units, origin at the top of capitals) and the width.</summary>
    public static (List<(double X, double Y)[]> Strokes, double Width) Layout(string text, double strokeUnits)
    {
        var strokes = new List<(double X, double Y)[]>();
        var x = 0.0;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        Glyph? previous = null;
        var previousX = 0.0;
        var markLevel = 0;
        for (var index = 0; index < decomposed.Length; index++)
        {
            var c = decomposed[index];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                if (previous is not null)
                {
                    AddMark(strokes, c, previous, previousX, markLevel, strokeUnits);
                    if (c is not '\u0323' and not '\u031B')
                    {
                        markLevel++;
                    }
                }

                continue;
            }

            // i and j lose their dot under a mark above (í, ì, ỉ, ĩ), as Vietnamese is printed.
            if (c is 'i' or 'j' && index + 1 < decomposed.Length && decomposed[index + 1] is >= '\u0300' and <= '\u0315')
            {
                c = c == 'i' ? '\u0131' : '\u0237';
            }

            var glyph = Glyphs.TryGetValue(c, out var g) ? g : Glyphs[char.IsWhiteSpace(c) ? ' ' : '\uFFFD'];
            foreach (var stroke in glyph.Strokes)
            {
                strokes.Add([.. stroke.Select(p => (p.X + x, p.Y))]);
            }

            previous = glyph;
            previousX = x;
            markLevel = 0;
            x += glyph.Advance + LetterSpacing + strokeUnits;
        }

        var width = Math.Max(0, x - LetterSpacing - strokeUnits);
        return (strokes, width);
    }

    /// <summary>The width of a line of text in font units.</summary>
    public static double Measure(string text, double strokeUnits) => Layout(text, strokeUnits).Width;

    private static void AddMark(List<(double X, double Y)[]> strokes, char mark, Glyph glyph, double glyphX, int level, double strokeUnits)
    {
        var centre = glyphX + ((glyph.Left + glyph.Right) / 2);
        var gap = 1.0 + (strokeUnits / 2);
        switch (mark)
        {
            case '\u0323': // dot below
                strokes.Add(Dot(centre, 10 + 1.6 + (strokeUnits / 2)));
                return;
            case '\u031B': // horn: a short stroke up and out from the top right of o or u
                {
                    var top = glyph.Top + 0.8;
                    var right = glyphX + glyph.Right;
                    strokes.Add([(right - 0.6, top + 0.9), (right + 0.6, top - 0.3), (right + 1.0, top - 1.5)]);
                    return;
                }
        }

        // Marks above stack upwards: a tone mark sits above a circumflex or breve.
        var bottom = glyph.Top - gap - (level * (2.8 + strokeUnits));
        (double X, double Y)[] Shift((double X, double Y)[] points) => [.. points.Select(p => (p.X + centre, p.Y + bottom))];
        switch (mark)
        {
            case '\u0300': // grave
                strokes.Add(Shift([(-1.0, -2.4), (0.8, -0.2)]));
                break;
            case '\u0301': // acute
                strokes.Add(Shift([(-0.8, -0.2), (1.0, -2.4)]));
                break;
            case '\u0302': // circumflex
                strokes.Add(Shift([(-2.0, -0.2), (0, -2.2), (2.0, -0.2)]));
                break;
            case '\u0306': // breve
                strokes.Add(Shift(Arc(0, -2.2, 2.0, 2.0, 20, 160)));
                break;
            case '\u0303': // tilde
                strokes.Add(Shift([(-2.2, -0.6), (-1.4, -1.7), (-0.4, -1.6), (0.4, -0.8), (1.4, -0.6), (2.2, -1.8)]));
                break;
            case '\u0309': // hook above
                strokes.Add(Shift([.. Arc(0, -2.0, 1.3, 0.9, 190, 450), (0, -0.2)]));
                break;
            default: // another mark: a short bar, so it is not lost silently
                strokes.Add(Shift([(-1.5, -1.0), (1.5, -1.0)]));
                break;
        }
    }

    private static (double X, double Y)[] Dot(double x, double y) => [(x - 0.05, y), (x + 0.05, y)];

    /// <summary>Points along an elliptical arc; angles in degrees, 0 pointing right and 90 down (y grows downwards).</summary>
    private static (double X, double Y)[] Arc(double cx, double cy, double rx, double ry, double from, double to)
    {
        var steps = Math.Max(4, (int)Math.Ceiling(Math.Abs(to - from) / 10));
        var points = new (double X, double Y)[steps + 1];
        for (var i = 0; i <= steps; i++)
        {
            var angle = (from + ((to - from) * i / steps)) * Math.PI / 180;
            points[i] = (cx + (rx * Math.Cos(angle)), cy + (ry * Math.Sin(angle)));
        }

        return points;
    }

    /// <summary>Parses a glyph: strokes separated by ';', each "x,y x,y …" or an arc "@cx,cy,rx,ry,from,to".</summary>
    private static Glyph Parse(double advance, string definition)
    {
        var strokes = new List<(double X, double Y)[]>();
        foreach (var part in definition.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part[0] == '@')
            {
                var v = part[1..].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                strokes.Add(Arc(v[0], v[1], v[2], v[3], v[4], v[5]));
            }
            else if (part[0] == '.')
            {
                var v = part[1..].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                strokes.Add(Dot(v[0], v[1]));
            }
            else
            {
                strokes.Add([.. part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p =>
                {
                    var xy = p.Split(',');
                    return (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture));
                })]);
            }
        }

        var all = strokes.SelectMany(s => s).ToList();
        var top = all.Count == 0 ? 3 : all.Min(p => p.Y);
        var left = all.Count == 0 ? 0 : all.Min(p => p.X);
        var right = all.Count == 0 ? advance : all.Max(p => p.X);
        return new Glyph(advance, strokes, top, left, right);
    }

    private static Dictionary<char, Glyph> Build()
    {
        var d = new Dictionary<char, string>
        {
            // Capitals: 10 units tall.
            ['A'] = "8|0,10 4,0 8,10; 1.6,6.3 6.4,6.3",
            ['B'] = "7|0,0 0,10; 0,0 4.4,0; 0,4.8 4.6,4.8; 0,10 4.8,10; @4.4,2.4,2.4,2.4,-90,90; @4.8,7.4,2.6,2.6,-90,90",
            ['C'] = "8.5|@5,5,4.6,5,40,320",
            ['D'] = "8|0,0 0,10; 0,0 3,0; 0,10 3,10; @3,5,5,5,-90,90",
            ['E'] = "6.5|6.5,0 0,0 0,10 6.5,10; 0,4.9 5.5,4.9",
            ['F'] = "6.5|6.5,0 0,0 0,10; 0,4.9 5.5,4.9",
            ['G'] = "9|@5,5,4.6,5,20,320; 9.6,5.9 9.6,10; 9.6,5.9 5.6,5.9",
            ['H'] = "8|0,0 0,10; 8,0 8,10; 0,5 8,5",
            ['I'] = "0|0,0 0,10",
            ['J'] = "5.5|5.5,0 5.5,7.2; @2.75,7.2,2.75,2.8,0,180",
            ['K'] = "7|0,0 0,10; 7,0 0,6.5; 2.4,4.6 7,10",
            ['L'] = "6|0,0 0,10 6,10",
            ['M'] = "10|0,10 0,0 5,7.5 10,0 10,10",
            ['N'] = "8|0,10 0,0 8,10 8,0",
            ['O'] = "10|@5,5,5,5,0,360",
            ['P'] = "7|0,10 0,0 4.3,0; 0,5.4 4.3,5.4; @4.3,2.7,2.7,2.7,-90,90",
            ['Q'] = "10|@5,5,5,5,0,360; 6.2,7.2 10,10.8",
            ['R'] = "7.2|0,10 0,0 4.3,0; 0,5.4 4.3,5.4; @4.3,2.7,2.7,2.7,-90,90; 3.8,5.4 7.2,10",
            ['S'] = "7|@3.6,2.5,3.3,2.5,90,340; @3.6,7.5,3.5,2.5,-90,160",
            ['T'] = "8|0,0 8,0; 4,0 4,10",
            ['U'] = "8|0,0 0,6.5; 8,0 8,6.5; @4,6.5,4,3.5,0,180",
            ['V'] = "8|0,0 4,10 8,0",
            ['W'] = "11|0,0 2.7,10 5.5,2 8.3,10 11,0",
            ['X'] = "8|0,0 8,10; 8,0 0,10",
            ['Y'] = "8|0,0 4,5 8,0; 4,5 4,10",
            ['Z'] = "7.5|0,0 7.5,0 0,10 7.5,10",

            // Small letters: x-height from 3 to the baseline at 10, ascenders from 0, descenders to 13.
            ['a'] = "6|@3,6.5,3,3.5,0,360; 6,3 6,10",
            ['b'] = "6|0,0 0,10; @3,6.5,3,3.5,0,360",
            ['c'] = "5.6|@3,6.5,3,3.5,45,315",
            ['d'] = "6|@3,6.5,3,3.5,0,360; 6,0 6,10",
            ['e'] = "6|0.1,6.5 6,6.5; @3,6.5,3,3.5,40,360",
            ['f'] = "4.5|1.8,10 1.8,2; @3.8,2,2,2,180,300; 0,3.6 4.3,3.6",
            ['g'] = "6|@3,6.5,3,3.5,0,360; 6,3 6,11; @3,11,3,2,0,150",
            ['h'] = "6|0,0 0,10; @3,6,3,2.8,180,360; 6,6 6,10",
            ['i'] = "0|0,3 0,10; .0,0.9",
            ['j'] = "2|2,3 2,11; @0,11,2,2,0,120; .2,0.9",
            ['\u0131'] = "0|0,3 0,10", // dotless i
            ['\u0237'] = "2|2,3 2,11; @0,11,2,2,0,120", // dotless j
            ['k'] = "5.5|0,0 0,10; 5.2,3 0,7.2; 2,5.8 5.5,10",
            ['l'] = "0|0,0 0,10",
            ['m'] = "10|0,3 0,10; @2.5,5.7,2.5,2.6,180,360; 5,5.7 5,10; @7.5,5.7,2.5,2.6,180,360; 10,5.7 10,10",
            ['n'] = "6|0,3 0,10; @3,6,3,2.8,180,360; 6,6 6,10",
            ['o'] = "6.4|@3.2,6.5,3.2,3.5,0,360",
            ['p'] = "6|0,3 0,13; @3,6.5,3,3.5,0,360",
            ['q'] = "6|@3,6.5,3,3.5,0,360; 6,3 6,13",
            ['r'] = "4|0,3 0,10; @3.6,6.2,3.6,3,180,285",
            ['s'] = "5.4|@2.7,4.75,2.5,1.75,90,340; @2.7,8.25,2.7,1.75,-90,160",
            ['t'] = "4.2|1.5,0.8 1.5,8.3; @3.3,8.3,1.8,1.7,90,180; 0,3 4.2,3",
            ['u'] = "6|0,3 0,7; @3,7,3,3,0,180; 6,3 6,10",
            ['v'] = "6|0,3 3,10 6,3",
            ['w'] = "9|0,3 2.2,10 4.5,4 6.8,10 9,3",
            ['x'] = "6|0,3 6,10; 6,3 0,10",
            ['y'] = "6|0,3 3.1,9.8; 6,3 1.6,13",
            ['z'] = "6|0,3 6,3 0,10 6,10",

            ['\u0111'] = "6|@3,6.5,3,3.5,0,360; 6,0 6,10; 3.6,1.6 8,1.6", // đ
            ['\u0110'] = "9.2|1.2,0 1.2,10; 1.2,0 4.2,0; 1.2,10 4.2,10; @4.2,5,5,5,-90,90; 0,5 4,5", // Đ

            // Digits: 6 wide, 10 tall.
            ['0'] = "6|@3,5,3,5,0,360",
            ['1'] = "4|0.5,2.2 3.5,0 3.5,10",
            ['2'] = "6|@3,3,3,3,180,390; 5.6,4.5 0,10 6,10",
            ['3'] = "6|@3,2.6,2.8,2.6,200,450; @3,7.4,3,2.6,-90,160",
            ['4'] = "6.5|4.8,10 4.8,0 0,7 6.5,7",
            ['5'] = "6|5.7,0 1.1,0 0.6,4.4; @3,6.9,3,3.1,220,520",
            ['6'] = "6|@3,7,3,3,0,360; @6,7,6,7,180,250",
            ['7'] = "6|0,0 6,0 2.2,10",
            ['8'] = "6|@3,2.5,2.6,2.5,0,360; @3,7.4,3,2.6,0,360",
            ['9'] = "6|@3,3,3,3,0,360; @0,3,6,7,0,70",

            // Punctuation and symbols.
            [' '] = "3.5|",
            ['.'] = "0|.0,10",
            [','] = "1|1,9.6 0,12",
            [':'] = "0|.0,4; .0,10",
            [';'] = "1|.1,4; 1,9.6 0,12",
            ['!'] = "0|0,0 0,7; .0,10",
            ['?'] = "5.5|@2.75,2.6,2.75,2.6,180,420; 2.75,5.2 2.75,7; .2.75,10",
            ['-'] = "4|0,6 4,6",
            ['–'] = "6|0,6 6,6",
            ['_'] = "6|0,11 6,11",
            ['+'] = "6|0,6 6,6; 3,3 3,9",
            ['='] = "6|0,4.8 6,4.8; 0,7.4 6,7.4",
            ['/'] = "5|0,11 5,-1",
            ['\\'] = "5|0,-1 5,11",
            ['('] = "2.5|@3.5,5,3.3,6.5,115,245",
            [')'] = "2.5|@-1,5,3.3,6.5,-65,65",
            ['['] = "2.5|2.5,-1 0,-1 0,11 2.5,11",
            [']'] = "2.5|0,-1 2.5,-1 2.5,11 0,11",
            ['\''] = "0|0,0 0,3",
            ['"'] = "2|0,0 0,3; 2,0 2,3",
            ['‘'] = "1|1,0 0,3",
            ['’'] = "1|1,0 0,3",
            ['“'] = "3|1,0 0,3; 3,0 2,3",
            ['”'] = "3|1,0 0,3; 3,0 2,3",
            ['#'] = "7|2.5,0 1.5,10; 5.5,0 4.5,10; 0,3.3 7,3.3; 0,6.7 7,6.7",
            ['%'] = "8|8,0 0,10; @1.6,2,1.6,2,0,360; @6.4,8,1.6,2,0,360",
            ['&'] = "8|8,10 1.8,3.4; @3.3,2.2,1.8,2,150,390; 4.8,3.6 1,6.4; @3.6,7.4,3,2.6,150,360; 6.6,7.4 8,5.6",
            ['*'] = "5|2.5,0 2.5,5; 0,1.2 5,3.8; 5,1.2 0,3.8",
            ['@'] = "10|@5,5.5,5,5,20,340; @5.2,5.7,2,2.3,0,360; 7.2,3.4 7.2,7.2; @8.4,7.2,1.2,1.2,0,180",
            ['<'] = "5|5,3 0,6.5 5,10",
            ['>'] = "5|0,3 5,6.5 0,10",
            ['|'] = "0|0,-1 0,12",
            ['·'] = "0|.0,6",
            ['•'] = "2|@1,6,1,1,0,360",
            ['…'] = "8|.0,10; .4,10; .8,10",
            ['×'] = "5|0.2,4.2 4.8,8.8; 4.8,4.2 0.2,8.8",
            ['°'] = "3|@1.5,1.5,1.5,1.5,0,360",
            ['\uFFFD'] = "6|0,0 6,0 6,10 0,10 0,0",
        };

        var glyphs = new Dictionary<char, Glyph>();
        foreach (var (c, spec) in d)
        {
            var bar = spec.IndexOf('|', StringComparison.Ordinal);
            glyphs[c] = Parse(double.Parse(spec[..bar], CultureInfo.InvariantCulture), spec[(bar + 1)..]);
        }

        return glyphs;
    }

    /// <summary>Whether the font has a glyph for every base character of the text (after decomposition).</summary>
    public static bool Covers(string text) =>
        text.Normalize(NormalizationForm.FormD).All(c =>
            Glyphs.ContainsKey(c) || char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}
