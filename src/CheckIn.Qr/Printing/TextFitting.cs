namespace CheckIn.Qr.Printing;

/// <summary>Wraps and sizes text to fit a width, measured with the stroke font the PNG output draws with.</summary>
internal static class TextFitting
{
    public const double RegularWeight = 1.1;
    public const double BoldWeight = 1.7;

    /// <summary>Line pitch as a multiple of the capital height (room for stacked Vietnamese marks).</summary>
    public const double LineHeight = 1.8;

    public static double WidthMillimetres(string text, double capMillimetres, bool bold) =>
        StrokeFont.Measure(text, bold ? BoldWeight : RegularWeight) * capMillimetres / StrokeFont.CapHeight;

    /// <summary>Greedy word wrap; null when a single word is wider than the line.</summary>
    public static List<string>? Wrap(string text, double maxWidth, double capMillimetres, bool bold)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (WidthMillimetres(candidate, capMillimetres, bold) <= maxWidth)
            {
                current = candidate;
                continue;
            }

            if (current.Length == 0 || WidthMillimetres(word, capMillimetres, bold) > maxWidth)
            {
                return null;
            }

            lines.Add(current);
            current = word;
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    /// <summary>Narrows the measure while the line count holds, so wrapped lines come out even rather than one long and one short.</summary>
    private static List<string> Balance(string text, List<string> lines, double maxWidth, double cap, bool bold)
    {
        if (lines.Count < 2)
        {
            return lines;
        }

        double low = 0, high = maxWidth;
        var best = lines;
        for (var i = 0; i < 12; i++)
        {
            var middle = (low + high) / 2;
            if (Wrap(text, middle, cap, bold) is { } candidate && candidate.Count == lines.Count)
            {
                best = candidate;
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return best;
    }

    /// <summary>The largest size from <paramref name="preferredCap"/> down to <paramref name="minimumCap"/> (5% steps) at which the text fits in the lines; null when it never does.</summary>
    public static (List<string> Lines, double Cap)? Fit(string text, double maxWidth, int maxLines, double preferredCap, double minimumCap, bool bold)
    {
        for (var cap = preferredCap; cap >= minimumCap - 1e-9; cap *= 0.95)
        {
            if (Wrap(text, maxWidth, cap, bold) is { } lines && lines.Count <= maxLines)
            {
                return (Balance(text, lines, maxWidth, cap, bold), cap);
            }
        }

        return null;
    }
}
