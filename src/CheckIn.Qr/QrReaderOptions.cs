using CheckIn.Core;

namespace CheckIn.Qr;

/// <summary>How hard the managed reader tries, and the bounds on its work per image. Immutable.</summary>
/// <remarks>
/// The work on one image is bounded whatever it shows: at most <see cref="MaxPixels"/> pixels are examined in a pass
/// (a larger frame is read at an integer fraction of its size), the extra passes of <see cref="TryHarder"/> run on a
/// copy of at most <see cref="HarderPassMaxPixels"/>, each pass stops collecting finder patterns at
/// <see cref="MaxFinderCandidates"/>, and at most <see cref="MaxDecodeAttempts"/> module grids are sampled and
/// decoded. <see cref="ManagedQrReader"/> checks the options when it is made (<see cref="Validate"/>).
/// </remarks>
public sealed record QrReaderOptions
{
    /// <summary>The defaults: light-on-dark and mirrored codes, harder passes, up to 16 codes, 16-megapixel passes.</summary>
    public static QrReaderOptions Default { get; } = new();

    /// <summary>When no dark-on-light code is found, look for light-on-dark ones. Default true.</summary>
    public bool TryInverted { get; init; } = true;

    /// <summary>Read mirrored codes. Default true.</summary>
    public bool TryMirrored { get; init; } = true;

    /// <summary>
    /// When a frame yields nothing, try again on a smoothed, an upscaled (images up to 1280 pixels a side) and a
    /// sharpened copy: more codes read from poor photos, at up to about six times the cost of an empty frame.
    /// Default true; a kiosk scanning 30 frames a second may turn it off and rely on the next frame.
    /// </summary>
    public bool TryHarder { get; init; } = true;

    /// <summary>The most codes returned from one image: 1 to 256. Default 16.</summary>
    public int MaxCodes { get; init; } = 16;

    /// <summary>
    /// The most pixels a pass examines: 10,000 to 100 million. A larger image is read at half, a third, … of its size,
    /// whichever first fits. Default 16 million (a 12-megapixel phone photo is read whole).
    /// </summary>
    public long MaxPixels { get; init; } = 16_000_000;

    /// <summary>The most pixels of the copies <see cref="TryHarder"/> reads: 10,000 to <see cref="MaxPixels"/>. Default 2.5 million.</summary>
    public long HarderPassMaxPixels { get; init; } = 2_500_000;

    /// <summary>
    /// The most distinct finder-pattern candidates a pass collects: 16 to 100,000. A photo of a few codes has a handful; an
    /// image of thousands of finder-like squares stops here. Default 1,024.
    /// </summary>
    public int MaxFinderCandidates { get; init; } = 1024;

    /// <summary>
    /// The most module grids sampled and decoded per pass (each finder triple tries a few sizes and bottom-right
    /// points): 1 to 10,000. Default 300.
    /// </summary>
    public int MaxDecodeAttempts { get; init; } = 300;

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>QrReaderOptions.*</c>, the property named); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate()
    {
        var errors = new List<CheckInError>();
        void Check(bool valid, string code, string property)
        {
            if (!valid)
            {
                errors.Add(new CheckInError(code, QrErrorCodes.Messages) { Property = property });
            }
        }

        Check(MaxCodes is >= 1 and <= 256, QrErrorCodes.ReaderOptions.MaxCodes, nameof(MaxCodes));
        Check(MaxPixels is >= 10_000 and <= 100_000_000, QrErrorCodes.ReaderOptions.MaxPixels, nameof(MaxPixels));
        Check(HarderPassMaxPixels >= 10_000 && HarderPassMaxPixels <= MaxPixels, QrErrorCodes.ReaderOptions.HarderPassMaxPixels, nameof(HarderPassMaxPixels));
        Check(MaxFinderCandidates is >= 16 and <= 100_000, QrErrorCodes.ReaderOptions.MaxFinderCandidates, nameof(MaxFinderCandidates));
        Check(MaxDecodeAttempts is >= 1 and <= 10_000, QrErrorCodes.ReaderOptions.MaxDecodeAttempts, nameof(MaxDecodeAttempts));
        return errors;
    }
}
