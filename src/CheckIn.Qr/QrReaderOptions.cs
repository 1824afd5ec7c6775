namespace CheckIn.Qr;

/// <summary>How hard the managed reader tries. Immutable.</summary>
public sealed record QrReaderOptions
{
    /// <summary>The defaults: try light-on-dark and mirrored codes, find up to 16 codes.</summary>
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

    /// <summary>The most codes returned from one image. Default 16.</summary>
    public int MaxCodes { get; init; } = 16;
}
