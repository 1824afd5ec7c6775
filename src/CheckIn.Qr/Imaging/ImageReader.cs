using CheckIn.Core;

namespace CheckIn.Qr.Imaging;

/// <summary>Reads image files (PNG, PGM, PPM) into grayscale for the QR reader. Never throws on bad input.</summary>
public static class ImageReader
{
    /// <summary>Reads an image file's bytes.</summary>
    /// <param name="data">The file.</param>
    /// <param name="options">Limits, or null for <see cref="ImageReadOptions.Default"/>.</param>
    /// <returns>The image, or an error coded <c>Image.*</c>, <c>Png.*</c> or <c>Pnm.*</c>.</returns>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    public static Result<LuminanceImage> Read(ReadOnlySpan<byte> data, ImageReadOptions? options = null)
    {
        options ??= ImageReadOptions.Default;
        InvalidOptionsException.ThrowIfAny(options.Validate(), nameof(options));
        if (data.IsEmpty)
        {
            return QrErrors.Fail<LuminanceImage>(QrErrorCodes.Image.Empty, CheckInError.None, 0);
        }

        if (PngReader.IsPng(data))
        {
            return PngReader.Read(data, options);
        }

        return PnmReader.IsPnm(data)
            ? PnmReader.Read(data, options)
            : QrErrors.Fail<LuminanceImage>(QrErrorCodes.Image.UnknownFormat, CheckInError.None, 0);
    }
}
