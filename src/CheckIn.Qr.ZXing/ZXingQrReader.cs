using System.Text;
using CheckIn.Core;
using CheckIn.Qr.Imaging;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;
using ZXingResult = ZXing.Result;

namespace CheckIn.Qr.ZXing;

/// <summary>
/// Reads QR codes with ZXing.Net (the design's reader), into CheckIn's <see cref="QrCode"/>. Pure managed: the
/// camera frame's luminance goes to ZXing as is, without copying and without an image library. Thread-safe (a new
/// ZXing reader per call).
/// </summary>
/// <remarks>
/// <para>An opt-in alternative to <see cref="ManagedQrReader"/>, which stays the default: on photographs the two read
/// about as many codes, but ZXing's work per image is not bounded (crafted images of many finder-like squares have
/// taken it tens of seconds), and it cannot be stopped once started. This reader bounds what it can: images above
/// <see cref="ZXingQrReaderOptions.MaxPixels"/> are reduced first, and the token is checked before ZXing starts.</para>
/// <para>ZXing does not report the ECI designators or whether a code was mirrored or inverted: those properties are
/// empty or false. The version is derived from the data codewords and level; the corners from the finder patterns.</para>
/// <para>Creating the first reader registers the code-page encodings (<see cref="CodePagesEncodingProvider"/>), which
/// ZXing needs for Shift_JIS text.</para>
/// </remarks>
public sealed class ZXingQrReader : IQrImageReader
{
    private readonly ZXingQrReaderOptions _options;
    private readonly Dictionary<DecodeHintType, object> _hints;

    static ZXingQrReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Creates a reader.</summary>
    /// <param name="options">The options, or null for <see cref="ZXingQrReaderOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    public ZXingQrReader(ZXingQrReaderOptions? options = null)
    {
        _options = options ?? ZXingQrReaderOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
        _hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE } };
        if (_options.TryHarder)
        {
            _hints[DecodeHintType.TRY_HARDER] = true;
        }

        if (_options.TryInverted)
        {
            _hints[DecodeHintType.ALSO_INVERTED] = true;
        }
    }

    /// <inheritdoc />
    /// <remarks>The token is checked before ZXing starts; ZXing itself runs to its end.</remarks>
    public IReadOnlyList<QrCode> Read(LuminanceImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        cancellationToken.ThrowIfCancellationRequested();
        var (frame, scale) = QrImageScaling.Reduce(image, _options.MaxPixels);
        var source = new PlanarYUVLuminanceSource(frame.Pixels, frame.Stride, frame.Height, 0, 0, frame.Width, frame.Height, false);
        ZXingResult[]? results;
        try
        {
            results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), _hints);
        }
        catch (ReaderException)
        {
            results = null;
        }

        if (results is null)
        {
            return [];
        }

        var codes = new List<QrCode>(results.Length);
        foreach (var result in results)
        {
            if (ToQrCode(result, scale) is { } code)
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    private static QrCode? ToQrCode(ZXingResult result, double scale)
    {
        var metadata = result.ResultMetadata ?? new Dictionary<ResultMetadataType, object>();
        var level = metadata.TryGetValue(ResultMetadataType.ERROR_CORRECTION_LEVEL, out var l) && l?.ToString() is { } name
            && Enum.TryParse<QrErrorCorrectionLevel>(name, out var parsed) ? parsed : (QrErrorCorrectionLevel?)null;
        var codewords = result.RawBytes ?? [];
        if (level is not { } ecLevel || QrImageScaling.VersionOf(ecLevel, codewords.Length) is not { } version)
        {
            return null;
        }

        var bytes = metadata.TryGetValue(ResultMetadataType.BYTE_SEGMENTS, out var segments) && segments is IEnumerable<byte[]> list
            ? list.SelectMany(b => b).ToArray()
            : Encoding.UTF8.GetBytes(result.Text ?? string.Empty);
        QrStructuredAppend? part = null;
        if (metadata.TryGetValue(ResultMetadataType.STRUCTURED_APPEND_SEQUENCE, out var sequence) && sequence is int s
            && metadata.TryGetValue(ResultMetadataType.STRUCTURED_APPEND_PARITY, out var parity) && parity is int p)
        {
            part = new QrStructuredAppend(s >> 4, (s & 0x0F) + 1, p);
        }

        return new QrCode
        {
            Text = result.Text ?? string.Empty,
            Bytes = new EquatableArray<byte>(bytes),
            DataCodewords = new EquatableArray<byte>(codewords),
            Version = version,
            ErrorCorrectionLevel = ecLevel,
            Corners = new EquatableArray<QrPoint>(Corners(result.ResultPoints, version, scale)),
            CorrectedCodewords = metadata.TryGetValue(ResultMetadataType.ERRORS_CORRECTED, out var corrected) && corrected is int c ? c : 0,
            StructuredAppend = part,
            Gs1 = metadata.TryGetValue(ResultMetadataType.SYMBOLOGY_IDENTIFIER, out var symbology) && symbology is string id && id.StartsWith("]Q3", StringComparison.Ordinal),
        };
    }

    /// <summary>The symbol's corners from ZXing's finder centres (bottom-left, top-left, top-right): 3.5 modules out from each.</summary>
    private static QrPoint[] Corners(ResultPoint[]? points, int version, double scale)
    {
        if (points is not { Length: >= 3 })
        {
            return [];
        }

        var (bl, tl, tr) = (points[0], points[1], points[2]);
        var dimension = 17 + (4 * version);
        var span = dimension - 7.0;
        var (ux, uy) = ((tr.X - tl.X) / span, (tr.Y - tl.Y) / span);
        var (vx, vy) = ((bl.X - tl.X) / span, (bl.Y - tl.Y) / span);
        QrPoint At(double u, double v) => new(scale * (tl.X + (u * ux) + (v * vx)), scale * (tl.Y + (u * uy) + (v * vy)));
        return [At(-3.5, -3.5), At(dimension - 3.5, -3.5), At(dimension - 3.5, dimension - 3.5), At(-3.5, dimension - 3.5)];
    }
}
