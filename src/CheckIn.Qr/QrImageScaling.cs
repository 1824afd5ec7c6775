using CheckIn.Qr.Decoding;
using CheckIn.Qr.Detection;
using CheckIn.Qr.Imaging;

namespace CheckIn.Qr;

/// <summary>Helpers the reader plugins (CheckIn.Qr.ZXing, CheckIn.Qr.Skia) share with the managed reader.</summary>
internal static class QrImageScaling
{
    /// <summary>The image reduced by the smallest integer factor that brings it within the pixel budget, and that factor.</summary>
    public static (LuminanceImage Image, double Scale) Reduce(LuminanceImage image, long maxPixels)
    {
        var pixels = (long)image.Width * image.Height;
        if (pixels <= maxPixels)
        {
            return (image, 1);
        }

        var factor = 2;
        while (pixels / ((long)factor * factor) > maxPixels)
        {
            factor++;
        }

        return (ImageFilters.Downscale(image, factor), factor);
    }

    /// <summary>The version whose symbol holds exactly this many data codewords at the level, if any.</summary>
    public static int? VersionOf(QrErrorCorrectionLevel level, int dataCodewords)
    {
        for (var version = 1; version <= 40; version++)
        {
            if (QrVersions.DataCodewords(version, level) == dataCodewords)
            {
                return version;
            }
        }

        return null;
    }
}
