using System.Globalization;
using System.Net;
using System.Text;

namespace CheckIn.Cli.Reports;

/// <summary>One line of a chart: its points, in x order, and how it is drawn.</summary>
/// <param name="Label">The legend's text.</param>
/// <param name="Points">The points.</param>
/// <param name="Color">A CSS colour.</param>
/// <param name="Dashed">Dashed instead of solid.</param>
internal sealed record SvgSeries(string Label, IReadOnlyList<(double X, double Y)> Points, string Color, bool Dashed = false);

/// <summary>One group of bars: its label and a value per bar series.</summary>
/// <param name="Label">The category's label.</param>
/// <param name="Values">One value per series, in the order of the series names.</param>
internal sealed record SvgBarGroup(string Label, IReadOnlyList<double> Values);

/// <summary>
/// Self-contained SVG charts (no script, no web font): line charts with a linear or logarithmic x axis and bar charts,
/// with axes, ticks, a title and a legend set beside the plot so no label lands on a line. Text is escaped.
/// </summary>
internal static class SvgChart
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The colours of the series, in order (distinguishable in grey and by most colour-blind readers).</summary>
    public static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#7f7f7f"];

    /// <summary>A line chart.</summary>
    /// <param name="title">The title.</param>
    /// <param name="xLabel">The x axis's label.</param>
    /// <param name="yLabel">The y axis's label.</param>
    /// <param name="series">The lines (at least one point in all).</param>
    /// <param name="logX">A logarithmic x axis (every x above 0).</param>
    /// <param name="yMax">The top of the y axis, or null for the data's (rounded up).</param>
    /// <returns>The SVG document.</returns>
    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<SvgSeries> series, bool logX, double? yMax = null)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one point.", nameof(series));
        }

        if (logX && points.Any(p => p.X <= 0))
        {
            throw new ArgumentException("A logarithmic axis needs every x above 0.", nameof(series));
        }

        const int Left = 64, Top = 40, PlotWidth = 520, PlotHeight = 320;
        var width = Math.Max(Left + PlotWidth + 40, LegendRight(Left + PlotWidth + 20, series.Select(s => s.Label)));
        var height = Math.Max(Top + PlotHeight + 60, Top + 24 + (series.Count * 20));
        var (x0, x1) = (points.Min(p => p.X), points.Max(p => p.X));
        if (logX)
        {
            (x0, x1) = (Math.Pow(10, Math.Floor(Math.Log10(x0))), Math.Pow(10, Math.Ceiling(Math.Log10(x1))));
        }
        else if (x1 <= x0)
        {
            x1 = x0 + 1;
        }

        var top = NiceCeiling(yMax ?? Math.Max(points.Max(p => p.Y), 1e-9));
        double X(double x) => Left + (PlotWidth * (logX ? (Math.Log10(x) - Math.Log10(x0)) / (Math.Log10(x1) - Math.Log10(x0)) : (x - x0) / (x1 - x0)));
        double Y(double y) => Top + PlotHeight - (PlotHeight * Math.Clamp(y / top, 0, 1));

        var svg = Open(width, height, title);
        Axes(svg, Left, Top, PlotWidth, PlotHeight, xLabel, yLabel);
        foreach (var tick in YTicks(top))
        {
            svg.Append(Invariant, $"<line x1=\"{Left}\" y1=\"{Y(tick):F1}\" x2=\"{Left + PlotWidth}\" y2=\"{Y(tick):F1}\" stroke=\"#e3e7ea\"/>");
            svg.Append(Invariant, $"<text x=\"{Left - 6}\" y=\"{Y(tick) + 4:F1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#444\">{Number(tick)}</text>\n");
        }

        foreach (var tick in logX ? LogTicks(x0, x1) : LinearTicks(x0, x1))
        {
            svg.Append(Invariant, $"<line x1=\"{X(tick):F1}\" y1=\"{Top + PlotHeight}\" x2=\"{X(tick):F1}\" y2=\"{Top + PlotHeight + 5}\" stroke=\"#444\"/>");
            svg.Append(Invariant, $"<text x=\"{X(tick):F1}\" y=\"{Top + PlotHeight + 18}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">{Number(tick)}</text>\n");
        }

        foreach (var s in series)
        {
            var path = string.Join(' ', s.Points.Select((p, i) => string.Create(Invariant, $"{(i == 0 ? 'M' : 'L')}{X(p.X):F1} {Y(p.Y):F1}")));
            svg.Append(Invariant, $"<path d=\"{path}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\"{(s.Dashed ? " stroke-dasharray=\"6 4\"" : string.Empty)}><title>{E(s.Label)}</title></path>\n");
            foreach (var p in s.Points)
            {
                svg.Append(Invariant, $"<circle cx=\"{X(p.X):F1}\" cy=\"{Y(p.Y):F1}\" r=\"2.5\" fill=\"{s.Color}\"><title>{E(s.Label)}: {Number(p.X)}, {Number(p.Y)}</title></circle>");
            }

            svg.Append('\n');
        }

        Legend(svg, Left + PlotWidth + 20, Top, series.Select(s => (s.Label, s.Color, s.Dashed)));
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>A bar chart: groups along x, one bar per series in each.</summary>
    /// <param name="title">The title.</param>
    /// <param name="yLabel">The y axis's label.</param>
    /// <param name="seriesNames">The series, in the order of each group's values.</param>
    /// <param name="groups">The groups (labels are shown under the bars, rotated when long).</param>
    /// <returns>The SVG document.</returns>
    public static string Bars(string title, string yLabel, IReadOnlyList<string> seriesNames, IReadOnlyList<SvgBarGroup> groups)
    {
        if (groups.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one group.", nameof(groups));
        }

        const int Left = 64, Top = 40, PlotHeight = 260;
        var groupWidth = Math.Max(28, 14 * seriesNames.Count + 10);
        var plotWidth = groupWidth * groups.Count;
        var longest = groups.Max(g => g.Label.Length);
        var rotate = longest * 6.5 > groupWidth;
        var labelRoom = rotate ? (int)Math.Min(160, (longest * 6.2) + 10) : 24;
        var width = Math.Max(Left + plotWidth + 40, LegendRight(Left + plotWidth + 20, seriesNames));
        var height = Math.Max(Top + PlotHeight + labelRoom + 30, Top + 24 + (seriesNames.Count * 20));
        var top = NiceCeiling(Math.Max(groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max(), 1e-9));
        double Y(double y) => Top + PlotHeight - (PlotHeight * Math.Clamp(y / top, 0, 1));

        var svg = Open(width, height, title);
        Axes(svg, Left, Top, plotWidth, PlotHeight, string.Empty, yLabel);
        foreach (var tick in YTicks(top))
        {
            svg.Append(Invariant, $"<line x1=\"{Left}\" y1=\"{Y(tick):F1}\" x2=\"{Left + plotWidth}\" y2=\"{Y(tick):F1}\" stroke=\"#e3e7ea\"/>");
            svg.Append(Invariant, $"<text x=\"{Left - 6}\" y=\"{Y(tick) + 4:F1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#444\">{Number(tick)}</text>\n");
        }

        var barWidth = (groupWidth - 10.0) / Math.Max(1, seriesNames.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var x = Left + (g * groupWidth) + 5.0;
            for (var k = 0; k < groups[g].Values.Count && k < seriesNames.Count; k++)
            {
                var value = groups[g].Values[k];
                svg.Append(Invariant, $"<rect x=\"{x + (k * barWidth):F1}\" y=\"{Y(value):F1}\" width=\"{barWidth - 1:F1}\" height=\"{Top + PlotHeight - Y(value):F1}\" fill=\"{Palette[k % Palette.Length]}\"><title>{E(groups[g].Label)}, {E(seriesNames[k])}: {Number(value)}</title></rect>");
            }

            var cx = Left + (g * groupWidth) + (groupWidth / 2.0);
            var ly = Top + PlotHeight + 14;
            svg.Append(rotate
                ? string.Create(Invariant, $"<text x=\"{cx:F1}\" y=\"{ly}\" font-size=\"11\" fill=\"#333\" text-anchor=\"end\" transform=\"rotate(-40 {cx:F1} {ly})\">{E(groups[g].Label)}</text>\n")
                : string.Create(Invariant, $"<text x=\"{cx:F1}\" y=\"{ly}\" font-size=\"11\" fill=\"#333\" text-anchor=\"middle\">{E(groups[g].Label)}</text>\n"));
        }

        Legend(svg, Left + plotWidth + 20, Top, seriesNames.Select((name, k) => (name, Palette[k % Palette.Length], false)));
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>XML-escapes text.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    private static StringBuilder Open(int width, int height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\" font-family=\"DejaVu Sans, Arial, sans-serif\" style=\"max-width:100%;height:auto\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append(Invariant, $"<text x=\"12\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">{E(title)}</text>\n");
        return svg;
    }

    private static void Axes(StringBuilder svg, int left, int top, int width, int height, string xLabel, string yLabel)
    {
        svg.Append(Invariant, $"<line x1=\"{left}\" y1=\"{top + height}\" x2=\"{left + width}\" y2=\"{top + height}\" stroke=\"#444\"/>");
        svg.Append(Invariant, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + height}\" stroke=\"#444\"/>\n");
        if (xLabel.Length > 0)
        {
            svg.Append(Invariant, $"<text x=\"{left + (width / 2)}\" y=\"{top + height + 38}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\">{E(xLabel)}</text>\n");
        }

        svg.Append(Invariant, $"<text x=\"14\" y=\"{top + (height / 2)}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\" transform=\"rotate(-90 14 {top + (height / 2)})\">{E(yLabel)}</text>\n");
    }

    /// <summary>Where a legend's longest entry ends (11 px text: about 6.6 px a character, generous for wide letters).</summary>
    private static int LegendRight(int x, IEnumerable<string> labels) => x + 28 + (int)Math.Ceiling(labels.DefaultIfEmpty(string.Empty).Max(l => l.Length) * 6.6) + 12;

    private static void Legend(StringBuilder svg, int x, int y, IEnumerable<(string Label, string Color, bool Dashed)> entries)
    {
        var row = 0;
        foreach (var (label, color, dashed) in entries)
        {
            var ly = y + 10 + (row * 20);
            svg.Append(Invariant, $"<line x1=\"{x}\" y1=\"{ly}\" x2=\"{x + 22}\" y2=\"{ly}\" stroke=\"{color}\" stroke-width=\"{(dashed ? 2 : 6)}\"{(dashed ? " stroke-dasharray=\"6 4\"" : string.Empty)}/>");
            svg.Append(Invariant, $"<text x=\"{x + 28}\" y=\"{ly + 4}\" font-size=\"11\" fill=\"#222\">{E(label)}</text>\n");
            row++;
        }
    }

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static IEnumerable<double> YTicks(double top) => Enumerable.Range(0, 6).Select(i => top * i / 5);

    private static IEnumerable<double> LinearTicks(double x0, double x1) => Enumerable.Range(0, 6).Select(i => x0 + ((x1 - x0) * i / 5));

    private static IEnumerable<double> LogTicks(double x0, double x1)
    {
        for (var decade = x0; decade <= x1 * 1.0001; decade *= 10)
        {
            yield return decade;
        }
    }

    private static string Number(double value) => Math.Abs(value) >= 1000 || value == Math.Floor(value)
        ? value.ToString("#,0", Invariant)
        : value.ToString("0.##", Invariant);
}
