using CheckIn.Core;

namespace CheckIn.Qr.Printing;

/// <summary>
/// How a code is printed: the symbol's physical size, the printer's resolution and the distance it is
/// scanned from. Immutable; start from <see cref="VenuePoster"/> or <see cref="PersonalCard"/>.
/// </summary>
/// <remarks>
/// <para>
/// The scanning-distance rule: a module (one black or white square) must be at least
/// <see cref="MinimumModuleMillimetres"/> = max(0.4 mm, distance ÷ <see cref="DistanceToModuleRatio"/>).
/// A phone camera with a 70° field of view sees a strip 1.4 × distance wide; in a 1920-pixel frame a module of
/// distance ÷ 400 covers about 3.4 pixels, in a 1280-pixel preview about 2.3, which is what decoders need
/// after blur and hand shake. 0.4 mm is about 5 dots of a 300-dpi printer, below which ink spread closes
/// the light modules.
/// </para>
/// <para>
/// The national rules ask for venue codes of at least 15 × 15 cm and personal codes of at least 5 × 5 cm;
/// the presets use those sizes with scanning distances of 1 m (a visitor at the door) and 0.3 m (staff
/// scanning a card in a hand).
/// </para>
/// </remarks>
public sealed record QrPrintOptions
{
    /// <summary>The ratio of scanning distance to the smallest module size (400).</summary>
    public const double DistanceToModuleRatio = 400;

    /// <summary>The smallest module printed at any distance, in millimetres (0.4).</summary>
    public const double AbsoluteMinimumModuleMillimetres = 0.4;

    /// <summary>A venue poster: a 15 cm symbol scanned from 1 m, printed at 300 dpi.</summary>
    public static QrPrintOptions VenuePoster { get; } = new() { SymbolCentimetres = 15, ScanDistanceMetres = 1.0 };

    /// <summary>A personal card: a 5 cm symbol scanned from 0.3 m, printed at 300 dpi.</summary>
    public static QrPrintOptions PersonalCard { get; } = new() { SymbolCentimetres = 5, ScanDistanceMetres = 0.3 };

    /// <summary>The side of the symbol without its quiet zone, in centimetres (0.5–200). Default 15.</summary>
    public double SymbolCentimetres { get; init; } = 15;

    /// <summary>The printer's resolution for PNG output, in dots per inch (72–2400). Default 300.</summary>
    public int DotsPerInch { get; init; } = 300;

    /// <summary>The distance the code is scanned from, in metres (0.05–50). Default 1.</summary>
    public double ScanDistanceMetres { get; init; } = 1.0;

    /// <summary>The light margin around the symbol, in modules (4–20; the standard asks for at least 4). Default 4.</summary>
    public int QuietZoneModules { get; init; } = 4;

    /// <summary>The error-correction level, or null (the default) to choose the highest level that keeps modules above the minimum.</summary>
    public QrErrorCorrectionLevel? ErrorCorrection { get; init; }

    /// <summary>The smallest module the scanning-distance rule allows, in millimetres.</summary>
    public double MinimumModuleMillimetres => Math.Max(AbsoluteMinimumModuleMillimetres, ScanDistanceMetres * 1000 / DistanceToModuleRatio);

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>QrPrintOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(QrErrorCodes.Messages)
        .Check(SymbolCentimetres is >= 0.5 and <= 200, QrErrorCodes.PrintOptions.SymbolCentimetres, nameof(SymbolCentimetres))
        .Check(DotsPerInch is >= 72 and <= 2400, QrErrorCodes.PrintOptions.DotsPerInch, nameof(DotsPerInch))
        .Check(ScanDistanceMetres is >= 0.05 and <= 50, QrErrorCodes.PrintOptions.ScanDistanceMetres, nameof(ScanDistanceMetres))
        .Check(QuietZoneModules is >= 4 and <= 20, QrErrorCodes.PrintOptions.QuietZoneModules, nameof(QuietZoneModules))
        .Check(ErrorCorrection is not { } level || Enum.IsDefined(level), QrErrorCodes.PrintOptions.ErrorCorrection, nameof(ErrorCorrection))
        .ToList();
}
