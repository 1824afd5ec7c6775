using CheckIn.Qr.Imaging;

namespace CheckIn.Qr.Detection;

/// <summary>
/// Cheap whole-image measurements that set the binarizer's parameters: sensor noise (from the median
/// difference of neighbouring pixels, robust to edges) and the spread of grey levels.
/// </summary>
internal readonly record struct ImageStatistics(double Noise, int Low, int High)
{
    /// <summary>The grey levels between the 2nd and 98th percentiles.</summary>
    public int Range => High - Low;

    public static ImageStatistics Measure(LuminanceImage image)
    {
        Span<int> differences = stackalloc int[256];
        Span<int> levels = stackalloc int[256];
        var rowStep = Math.Max(1, image.Height / 128);
        var samples = 0;
        for (var y = 0; y < image.Height; y += rowStep)
        {
            var row = image.Pixels.AsSpan(y * image.Stride, image.Width);
            for (var x = 1; x < row.Length; x += 2)
            {
                differences[Math.Abs(row[x] - row[x - 1])]++;
                levels[row[x]]++;
                samples++;
            }
        }

        if (samples == 0)
        {
            return new ImageStatistics(0, image.Pixels[0], image.Pixels[0]);
        }

        // For Gaussian noise σ the difference of two pixels has median |d| ≈ 0.954 σ.
        var noise = Percentile(differences, samples, 0.5) / 0.954;
        return new ImageStatistics(noise, Percentile(levels, samples, 0.02), Percentile(levels, samples, 0.98));
    }

    private static int Percentile(ReadOnlySpan<int> histogram, int samples, double fraction)
    {
        var target = (long)Math.Ceiling(samples * fraction);
        long seen = 0;
        for (var i = 0; i < histogram.Length; i++)
        {
            seen += histogram[i];
            if (seen >= Math.Max(1, target))
            {
                return i;
            }
        }

        return histogram.Length - 1;
    }
}
