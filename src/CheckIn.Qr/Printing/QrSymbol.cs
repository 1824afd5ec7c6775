using System.Collections;
using System.Globalization;
using System.Text;
using CheckIn.Core;
using CheckIn.Qr.Imaging;
using QRCoder;

namespace CheckIn.Qr.Printing;

/// <summary>
/// A QR symbol ready to print: the module grid QRCoder encoded, the error-correction level and version
/// chosen for the payload and the physical size. Writes PNG (with its resolution recorded) and SVG. Immutable.
/// </summary>
public sealed class QrSymbol
{
    /// <summary>How much larger than asked rounding modules up to whole dots may make the symbol (25%).</summary>
    private const double MaxEnlargement = 1.25;

    private readonly BitArray[] _rows;

    private QrSymbol(BitArray[] rows, int version, QrErrorCorrectionLevel level, bool utf8Eci, QrPrintOptions options)
    {
        _rows = rows;
        Version = version;
        ErrorCorrectionLevel = level;
        Utf8Eci = utf8Eci;
        Options = options;
        Modules = rows.Length;
        ModulePixels = (int)Math.Ceiling(options.SymbolCentimetres / 2.54 * options.DotsPerInch / Modules);
    }

    /// <summary>The version (1–40).</summary>
    public int Version { get; }

    /// <summary>The error-correction level.</summary>
    public QrErrorCorrectionLevel ErrorCorrectionLevel { get; }

    /// <summary>Whether the payload is UTF-8 announced by an ECI designator (it has non-ASCII characters).</summary>
    public bool Utf8Eci { get; }

    /// <summary>The options it was made for.</summary>
    public QrPrintOptions Options { get; }

    /// <summary>Modules along a side, without the quiet zone (21 to 177).</summary>
    public int Modules { get; }

    /// <summary>
    /// The module size in PNG output: whole printer dots at <see cref="QrPrintOptions.DotsPerInch"/>, rounded up
    /// so that the symbol is never smaller than asked.
    /// </summary>
    public int ModulePixels { get; }

    /// <summary>The module size in millimetres, the same in PNG and SVG output.</summary>
    public double ModuleMillimetres => ModulePixels * 25.4 / Options.DotsPerInch;

    /// <summary>The symbol's side (without quiet zone) as printed, in centimetres: at least the size asked, at most 25% more.</summary>
    public double PrintedCentimetres => ModuleMillimetres * Modules / 10;

    /// <summary>Whether the module at (x, y) of the symbol (without quiet zone) is dark.</summary>
    /// <param name="x">The column, 0 to <see cref="Modules"/> − 1.</param>
    /// <param name="y">The row, 0 to <see cref="Modules"/> − 1.</param>
    /// <returns>True for a dark module.</returns>
    public bool IsDark(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Modules);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Modules);
        return _rows[y][x];
    }

    /// <summary>
    /// Encodes a payload for printing. The level is <see cref="QrPrintOptions.ErrorCorrection"/>, or else the
    /// highest of H, Q, M, L whose symbol keeps modules at least <see cref="QrPrintOptions.MinimumModuleMillimetres"/>.
    /// Non-ASCII text is encoded as UTF-8 with an ECI designator.
    /// </summary>
    /// <param name="payload">The text to encode.</param>
    /// <param name="options">How it is printed; null for <see cref="QrPrintOptions.VenuePoster"/>.</param>
    /// <returns>
    /// The symbol, or <see cref="CoreErrorCodes.Payload.Empty"/>, <see cref="CoreErrorCodes.Payload.TooLong"/>
    /// (no version holds it), <see cref="QrErrorCodes.QrPrint.ModuleTooSmall"/> (the symbol would need
    /// modules smaller than the scanning-distance rule allows: print it larger or scan it closer), or
    /// <see cref="QrErrorCodes.QrPrint.ResolutionTooLow"/> (whole-dot modules would make it over 25% larger
    /// than asked).
    /// </returns>
    /// <exception cref="InvalidOptionsException">An option is outside its documented range.</exception>
    public static Result<QrSymbol> Encode(string payload, QrPrintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        options ??= QrPrintOptions.VenuePoster;
        InvalidOptionsException.ThrowIfAny(options.Validate(), nameof(options));
        if (payload.Length == 0)
        {
            return Result.Fail<QrSymbol>(new CheckInError(CoreErrorCodes.Payload.Empty, CoreErrorCodes.Messages) { Position = 0 });
        }

        var utf8 = payload.Any(c => c > 127);
        QrErrorCorrectionLevel[] levels = options.ErrorCorrection is { } forced
            ? [forced]
            : [QrErrorCorrectionLevel.H, QrErrorCorrectionLevel.Q, QrErrorCorrectionLevel.M, QrErrorCorrectionLevel.L];
        var anyFits = false;
        using var generator = new QRCodeGenerator();
        foreach (var level in levels)
        {
            QRCodeData data;
            try
            {
                data = generator.CreateQrCode(payload, (QRCodeGenerator.ECCLevel)(int)level, forceUtf8: false, utf8BOM: false,
                    eciMode: utf8 ? QRCodeGenerator.EciMode.Utf8 : QRCodeGenerator.EciMode.Default);
            }
            catch (QRCoder.Exceptions.DataTooLongException)
            {
                continue;
            }

            using (data)
            {
                anyFits = true;
                var modules = data.ModuleMatrix.Count - 8; // QRCoder adds a 4-module quiet zone on each side
                if (options.SymbolCentimetres * 10 / modules < options.MinimumModuleMillimetres)
                {
                    continue;
                }

                var rows = new BitArray[modules];
                for (var y = 0; y < modules; y++)
                {
                    rows[y] = new BitArray(modules);
                    for (var x = 0; x < modules; x++)
                    {
                        rows[y][x] = data.ModuleMatrix[y + 4][x + 4];
                    }
                }

                var symbol = new QrSymbol(rows, data.Version, level, utf8, options);
                return symbol.PrintedCentimetres > options.SymbolCentimetres * MaxEnlargement
                    ? QrErrors.Fail<QrSymbol>(QrErrorCodes.QrPrint.ResolutionTooLow, CheckInError.None, 0)
                    : Result.Ok(symbol);
            }
        }

        return Result.Fail<QrSymbol>(anyFits
            ? QrErrors.At(QrErrorCodes.QrPrint.ModuleTooSmall, CheckInError.None, 0)
            : new CheckInError(CoreErrorCodes.Payload.TooLong, CoreErrorCodes.Messages) { Position = 0 });
    }

    /// <summary>The symbol with its quiet zone as an image, <see cref="ModulePixels"/> pixels a module.</summary>
    /// <returns>A grayscale image, black modules on white.</returns>
    public LuminanceImage ToImage()
    {
        var side = (Modules + (2 * Options.QuietZoneModules)) * ModulePixels;
        var image = LuminanceImage.White(side, side);
        Draw(image, Options.QuietZoneModules * ModulePixels, Options.QuietZoneModules * ModulePixels, ModulePixels);
        return image;
    }

    /// <summary>The symbol with its quiet zone as a PNG recording <see cref="QrPrintOptions.DotsPerInch"/>.</summary>
    /// <returns>The PNG file.</returns>
    public byte[] ToPng() => PngWriter.Write(ToImage(), Options.DotsPerInch);

    /// <summary>The symbol with its quiet zone as an SVG sized in millimetres, the same size as the PNG prints.</summary>
    /// <returns>The SVG document.</returns>
    public string ToSvg()
    {
        var total = Modules + (2 * Options.QuietZoneModules);
        var millimetres = total * ModuleMillimetres;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Svg.Number(millimetres)}mm\" height=\"{Svg.Number(millimetres)}mm\" viewBox=\"0 0 {total} {total}\" shape-rendering=\"crispEdges\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{total}\" height=\"{total}\" fill=\"#fff\"/>");
        svg.Append("<path fill=\"#000\" d=\"");
        AppendPath(svg, Options.QuietZoneModules, Options.QuietZoneModules, 1);
        svg.Append("\"/></svg>\n");
        return svg.ToString();
    }

    /// <summary>Draws the dark modules with the top-left module at (left, top).</summary>
    internal void Draw(LuminanceImage image, int left, int top, int modulePixels)
    {
        for (var y = 0; y < Modules; y++)
        {
            for (var x = 0; x < Modules; x++)
            {
                if (_rows[y][x])
                {
                    for (var py = 0; py < modulePixels; py++)
                    {
                        image.Pixels.AsSpan(((top + (y * modulePixels) + py) * image.Stride) + left + (x * modulePixels), modulePixels).Clear();
                    }
                }
            }
        }
    }

    /// <summary>Appends SVG path data for the dark modules, one sub-path per horizontal run.</summary>
    internal void AppendPath(StringBuilder path, double left, double top, double module)
    {
        for (var y = 0; y < Modules; y++)
        {
            var x = 0;
            while (x < Modules)
            {
                if (!_rows[y][x])
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < Modules && _rows[y][x])
                {
                    x++;
                }

                path.Append(CultureInfo.InvariantCulture,
                    $"M{Svg.Number(left + (start * module))} {Svg.Number(top + (y * module))}h{Svg.Number((x - start) * module)}v{Svg.Number(module)}h{Svg.Number(-(x - start) * module)}z");
            }
        }
    }
}
