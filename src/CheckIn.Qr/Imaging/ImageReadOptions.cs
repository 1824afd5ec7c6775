using CheckIn.Core;

namespace CheckIn.Qr.Imaging;

/// <summary>Limits for reading image files. Immutable.</summary>
public sealed record ImageReadOptions
{
    /// <summary>The defaults: at most 40 million pixels (an 8K photo is 33 million).</summary>
    public static ImageReadOptions Default { get; } = new();

    /// <summary>The most pixels an image may have; larger files are refused before anything is decompressed (decompression bombs).</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>Checks every option: <see cref="MaxPixels"/> is 1 to 1 billion.</summary>
    /// <returns>One coded error per option out of range (<c>ImageReadOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(QrErrorCodes.Messages)
        .Check(MaxPixels is >= 1 and <= 1_000_000_000, QrErrorCodes.ImageOptions.MaxPixels, nameof(MaxPixels))
        .ToList();
}
