namespace CheckIn.Qr.Imaging;

/// <summary>Limits for reading image files. Immutable.</summary>
public sealed record ImageReadOptions
{
    /// <summary>The defaults: at most 40 million pixels (an 8K photo is 33 million).</summary>
    public static ImageReadOptions Default { get; } = new();

    /// <summary>The most pixels an image may have; larger files are refused before anything is decompressed (decompression bombs).</summary>
    public long MaxPixels { get; init; } = 40_000_000;
}
