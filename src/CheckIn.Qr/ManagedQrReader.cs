using CheckIn.Core;
using CheckIn.Qr.Detection;
using CheckIn.Qr.Imaging;

namespace CheckIn.Qr;

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
        var statistics = ImageStatistics.Measure(image);

        // Noisy frames are smoothed before the first pass: salt-and-pepper breaks the finder's run lengths.
        var smoothing = statistics.Noise switch { > 30 => 2, > 10 => 1, _ => 0 };
        var codes = Pass(smoothing > 0 ? ImageFilters.BoxBlur(image, smoothing) : image);
        if (codes.Count > 0 || !_options.TryHarder)
        {
            return codes;
        }

        // Harder passes, each only when everything before found nothing.
        codes = Pass(smoothing > 0 ? image : ImageFilters.BoxBlur(image, 1));
        if (codes.Count == 0 && Math.Max(image.Width, image.Height) <= MaxUpscaledSide)
        {
            codes = Pass(ImageFilters.Upscale2(image), scale: 0.5);
        }

        if (codes.Count == 0)
        {
            codes = Pass(ImageFilters.Sharpen(image, 2, 1.5));
        }

        return codes;
    }

    /// <summary>Images up to this side get a 2× upscaled pass for codes with 1–2 pixel modules.</summary>
    private const int MaxUpscaledSide = 1280;

    private List<QrCode> Pass(LuminanceImage image, double scale = 1)
    {
        var bits = Binarizer.Binarize(image, invert: false);
        var codes = QrDetector.Detect(bits, inverted: false, _options);
        if (codes.Count == 0 && _options.TryInverted)
        {
            codes = QrDetector.Detect(bits.Inverted(), inverted: true, _options);
        }

        if (scale != 1)
        {
            codes = [.. codes.Select(c => c with
            {
                Corners = new EquatableArray<QrPoint>([.. c.Corners.Items.Select(p => new QrPoint(p.X * scale, p.Y * scale))]),
            })];
        }

        return codes;
    }

    /// <summary>Reads an image file (PNG, PGM or PPM) and the codes in it.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="imageOptions">Image limits, or null for the defaults.</param>
    /// <returns>The codes (possibly none), or the image error.</returns>
    public Result<IReadOnlyList<QrCode>> ReadFile(ReadOnlySpan<byte> file, ImageReadOptions? imageOptions = null)
    {
        var image = ImageReader.Read(file, imageOptions);
        return image.TryGetValue(out var value) ? Result.Ok(Read(value)) : image.ConvertError<IReadOnlyList<QrCode>>();
    }
}
