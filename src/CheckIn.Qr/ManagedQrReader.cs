using CheckIn.Core;
using CheckIn.Qr.Detection;
using CheckIn.Qr.Imaging;

namespace CheckIn.Qr;

/// <summary>
/// CheckIn's own QR reader, written from ISO/IEC 18004 with no native dependency: local adaptive
/// binarization, finder and alignment pattern detection, perspective sampling, all versions, levels, masks
/// and modes, Reed–Solomon correction; several codes per image, any rotation, mirrored and light-on-dark
/// codes. Its work per image is bounded (see <see cref="QrReaderOptions"/>), so a crafted image cannot hold a
/// thread for long. Thread-safe.
/// </summary>
public sealed class ManagedQrReader : IQrImageReader
{
    /// <summary>Images up to this side get a 2× upscaled pass for codes with 1–2 pixel modules.</summary>
    private const int MaxUpscaledSide = 1280;

    private readonly QrReaderOptions _options;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">The options, or null for <see cref="QrReaderOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range (<see cref="QrReaderOptions.Validate"/>).</exception>
    public ManagedQrReader(QrReaderOptions? options = null)
    {
        _options = options ?? QrReaderOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
    }

    /// <inheritdoc />
    public IReadOnlyList<QrCode> Read(LuminanceImage image, CancellationToken cancellationToken = default) =>
        Read(image, new QrReadWork(), cancellationToken);

    /// <summary>Reads, counting the work done (for the tests that prove its bounds).</summary>
    internal IReadOnlyList<QrCode> Read(LuminanceImage image, QrReadWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (frame, frameScale) = QrImageScaling.Reduce(image, _options.MaxPixels);
        var statistics = ImageStatistics.Measure(frame);

        // Noisy frames are smoothed before the first pass: salt-and-pepper breaks the finder's run lengths.
        var smoothing = statistics.Noise switch { > 30 => 2, > 10 => 1, _ => 0 };
        var codes = Pass(smoothing > 0 ? ImageFilters.BoxBlur(frame, smoothing) : frame, frameScale, work, cancellationToken);
        if (codes.Count > 0 || !_options.TryHarder)
        {
            return codes;
        }

        // Harder passes, each only when everything before found nothing, on a copy small enough to bound the work.
        var (small, smallScale) = QrImageScaling.Reduce(frame, _options.HarderPassMaxPixels);
        var scale = frameScale * smallScale;
        codes = Pass(smoothing > 0 ? small : ImageFilters.BoxBlur(small, 1), scale, work, cancellationToken);
        if (codes.Count == 0 && Math.Max(small.Width, small.Height) <= MaxUpscaledSide)
        {
            codes = Pass(ImageFilters.Upscale2(small), scale / 2, work, cancellationToken);
        }

        if (codes.Count == 0)
        {
            codes = Pass(ImageFilters.Sharpen(small, 2, 1.5), scale, work, cancellationToken);
        }

        return codes;
    }

    private List<QrCode> Pass(LuminanceImage image, double scale, QrReadWork work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var bits = Binarizer.Binarize(image, invert: false);
        var codes = QrDetector.Detect(bits, inverted: false, _options, work, cancellationToken);
        if (codes.Count == 0 && _options.TryInverted)
        {
            codes = QrDetector.Detect(bits.Inverted(), inverted: true, _options, work, cancellationToken);
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
    /// <param name="cancellationToken">Stops the reading between passes and scan lines.</param>
    /// <returns>The codes (possibly none), or the image error.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Result<IReadOnlyList<QrCode>> ReadFile(ReadOnlySpan<byte> file, ImageReadOptions? imageOptions = null, CancellationToken cancellationToken = default)
    {
        var image = ImageReader.Read(file, imageOptions);
        return image.TryGetValue(out var value) ? Result.Ok(Read(value, cancellationToken)) : image.ConvertError<IReadOnlyList<QrCode>>();
    }
}
