using CheckIn.Core;

namespace CheckIn.Qr.ZXing;

/// <summary>How <see cref="ZXingQrReader"/> asks ZXing.Net to read. Immutable.</summary>
public sealed record ZXingQrReaderOptions
{
    /// <summary>The defaults: ZXing's TRY_HARDER, light-on-dark codes too, 16-megapixel frames.</summary>
    public static ZXingQrReaderOptions Default { get; } = new();

    /// <summary>ZXing's TRY_HARDER hint: scan every row and accept weaker finder patterns. Default true.</summary>
    public bool TryHarder { get; init; } = true;

    /// <summary>Also look for light-on-dark codes (ZXing's ALSO_INVERTED). Default true.</summary>
    public bool TryInverted { get; init; } = true;

    /// <summary>
    /// The most pixels handed to ZXing: 10,000 to 100 million; a larger image is reduced by an integer factor first.
    /// ZXing's own work is not otherwise bounded (see <see cref="ZXingQrReader"/>). Default 16 million.
    /// </summary>
    public long MaxPixels { get; init; } = 16_000_000;

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>ZXingQrReaderOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() =>
        MaxPixels is >= 10_000 and <= 100_000_000
            ? []
            : [new CheckInError(QrErrorCodes.ZXingOptions.MaxPixels, QrErrorCodes.Messages) { Property = nameof(MaxPixels) }];
}
