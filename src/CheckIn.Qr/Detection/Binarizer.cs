using CheckIn.Qr.Decoding;
using CheckIn.Qr.Imaging;

namespace CheckIn.Qr.Detection;

/// <summary>
/// Local adaptive thresholding: the image is cut into 8 × 8 blocks, each block gets a black point from its
/// own contrast (or its neighbours' when it is flat), and each pixel is compared with the average black
/// point of the 5 × 5 blocks around it. Copes with uneven light and shadows across a poster.
/// </summary>
internal static class Binarizer
{
    private const int BlockSize = 8;

    /// <summary>
    /// The smallest grey-level spread within a block that counts as contrast rather than flat paper: six
    /// times the noise (an 8 × 8 block of Gaussian noise spans about 4.7 σ), at least 8 levels so that soft
    /// shading stays flat, and at most 24 (ZXing's constant) unless the noise demands more.
    /// </summary>
    public static int MinDynamicRange(ImageStatistics statistics) =>
        (int)Math.Clamp(Math.Max(6 * statistics.Noise, Math.Min(24, statistics.Range / 8.0)), 8, 96);

    public static BitMatrix Binarize(LuminanceImage image, bool invert) =>
        Binarize(image, invert, MinDynamicRange(ImageStatistics.Measure(image)));

    public static BitMatrix Binarize(LuminanceImage image, bool invert, int minDynamicRange)
    {
        var width = image.Width;
        var height = image.Height;
        var matrix = new BitMatrix(width, height);
        var blocksX = (width + BlockSize - 1) / BlockSize;
        var blocksY = (height + BlockSize - 1) / BlockSize;
        if (blocksX < 5 || blocksY < 5)
        {
            Global(image, matrix, invert);
            return matrix;
        }

        var points = BlackPoints(image, blocksX, blocksY, minDynamicRange);
        for (var by = 0; by < blocksY; by++)
        {
            var top = Math.Clamp(by, 2, blocksY - 3);
            for (var bx = 0; bx < blocksX; bx++)
            {
                var left = Math.Clamp(bx, 2, blocksX - 3);
                var sum = 0;
                for (var dy = -2; dy <= 2; dy++)
                {
                    var row = (top + dy) * blocksX;
                    for (var dx = -2; dx <= 2; dx++)
                    {
                        sum += points[row + left + dx];
                    }
                }

                var threshold = sum / 25;
                var yEnd = Math.Min(height, (by + 1) * BlockSize);
                var xEnd = Math.Min(width, (bx + 1) * BlockSize);
                for (var y = by * BlockSize; y < yEnd; y++)
                {
                    var offset = y * image.Stride;
                    for (var x = bx * BlockSize; x < xEnd; x++)
                    {
                        matrix[x, y] = (image.Pixels[offset + x] <= threshold) ^ invert;
                    }
                }
            }
        }

        return matrix;
    }

    private static int[] BlackPoints(LuminanceImage image, int blocksX, int blocksY, int minDynamicRange)
    {
        var points = new int[blocksX * blocksY];
        for (var by = 0; by < blocksY; by++)
        {
            var yStart = Math.Min(by * BlockSize, image.Height - BlockSize);
            for (var bx = 0; bx < blocksX; bx++)
            {
                var xStart = Math.Min(bx * BlockSize, image.Width - BlockSize);
                int sum = 0, min = 255, max = 0;
                for (var y = yStart; y < yStart + BlockSize; y++)
                {
                    var offset = (y * image.Stride) + xStart;
                    for (var x = 0; x < BlockSize; x++)
                    {
                        int value = image.Pixels[offset + x];
                        sum += value;
                        min = Math.Min(min, value);
                        max = Math.Max(max, value);
                    }
                }

                var average = sum / (BlockSize * BlockSize);
                if (max - min <= minDynamicRange)
                {
                    // A flat block: assume it is light (paper), unless its neighbours say it is darker than their black point.
                    average = Math.Max(min / 2, min - (2 * minDynamicRange));
                    if (by > 0 && bx > 0)
                    {
                        var neighbours = (points[((by - 1) * blocksX) + bx] + (2 * points[(by * blocksX) + bx - 1]) + points[((by - 1) * blocksX) + bx - 1]) / 4;
                        if (min < neighbours)
                        {
                            average = neighbours;
                        }
                    }
                }

                points[(by * blocksX) + bx] = average;
            }
        }

        return points;
    }

    /// <summary>Small images: one threshold from the histogram (the valley between the two largest peaks).</summary>
    private static void Global(LuminanceImage image, BitMatrix matrix, bool invert)
    {
        Span<int> histogram = stackalloc int[32];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                histogram[image[x, y] >> 3]++;
            }
        }

        var first = 0;
        for (var i = 1; i < 32; i++)
        {
            if (histogram[i] > histogram[first])
            {
                first = i;
            }
        }

        var second = 0;
        var secondScore = -1L;
        for (var i = 0; i < 32; i++)
        {
            long score = (long)(i - first) * (i - first) * histogram[i];
            if (score > secondScore)
            {
                secondScore = score;
                second = i;
            }
        }

        var (low, high) = first < second ? (first, second) : (second, first);
        var valley = (low + high) / 2;
        for (var i = low + 1; i < high; i++)
        {
            if (histogram[i] < histogram[valley])
            {
                valley = i;
            }
        }

        var threshold = (valley << 3) + 4;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                matrix[x, y] = (image[x, y] < threshold) ^ invert;
            }
        }
    }
}
