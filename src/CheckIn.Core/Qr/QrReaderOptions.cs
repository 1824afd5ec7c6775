namespace CheckIn.Core.Qr;

/// <summary>How hard the managed reader tries. Immutable.</summary>
public sealed record QrReaderOptions
{
    /// <summary>The defaults: try light-on-dark and mirrored codes, find up to 16 codes.</summary>
    public static QrReaderOptions Default { get; } = new();

    /// <summary>When no dark-on-light code is found, look for light-on-dark ones. Default true.</summary>
    public bool TryInverted { get; init; } = true;

    /// <summary>Read mirrored codes. Default true.</summary>
    public bool TryMirrored { get; init; } = true;

    /// <summary>The most codes returned from one image. Default 16.</summary>
    public int MaxCodes { get; init; } = 16;
}
