using CheckIn.Core.Imaging;
using CheckIn.Core.Qr.Detection;

namespace CheckIn.Core.Qr;

/// <summary>
/// CheckIn's own QR reader, written from ISO/IEC 18004 with no native dependency: local adaptive
/// binarization, finder and alignment pattern detection, perspective sampling, all versions, levels, masks
/// and modes, Reed–Solomon correction; several codes per image, any rotation, mirrored and light-on-dark
/// codes. Thread-safe.
/// </summary>
public sealed class ManagedQrReader : IQrImageReader
{
    private readonly QrReaderOptions _options;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">The options, or null for <see cref="QrReaderOptions.Default"/>.</param>
    public ManagedQrReader(QrReaderOptions? options = null) => _options = options ?? QrReaderOptions.Default;

    /// <inheritdoc />
    public IReadOnlyList<QrCode> Read(LuminanceImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var codes = QrDetector.Detect(Binarizer.Binarize(image, invert: false), inverted: false, _options);
        if (codes.Count == 0 && _options.TryInverted)
        {
            codes = QrDetector.Detect(Binarizer.Binarize(image, invert: true), inverted: true, _options);
        }

        return codes;
    }

    /// <summary>Reads an image file (PNG, PGM or PPM) and the codes in it.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="imageOptions">Image limits, or null for the defaults.</param>
    /// <returns>The codes (possibly none), or the image error.</returns>
    public ParseResult<IReadOnlyList<QrCode>> ReadFile(ReadOnlySpan<byte> file, ImageReadOptions? imageOptions = null)
    {
        var image = ImageReader.Read(file, imageOptions);
        return image.TryGetValue(out var value) ? ParseResult.Ok(Read(value)) : image.ConvertError<IReadOnlyList<QrCode>>();
    }
}
