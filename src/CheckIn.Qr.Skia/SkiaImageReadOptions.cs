using CheckIn.Core;

namespace CheckIn.Qr.Skia;

/// <summary>Limits for decoding images with SkiaSharp. Immutable.</summary>
public sealed record SkiaImageReadOptions
{
    /// <summary>The defaults: decoded images of at most 16 million pixels, sources of at most 250 million.</summary>
    public static SkiaImageReadOptions Default { get; } = new();

    /// <summary>
    /// The most pixels of the decoded image: 10,000 to 100 million. A larger photo is decoded at the largest reduced size
    /// its format offers within the limit (JPEG decodes at 1/2 to 1/8 without reading every pixel), or scaled down after
    /// decoding. Default 16 million, which a 12-megapixel phone photo fits whole.
    /// </summary>
    public long MaxPixels { get; init; } = 16_000_000;

    /// <summary>
    /// The most pixels the file may announce: <see cref="MaxPixels"/> to 1 billion. Larger files are refused before
    /// anything is decoded (decompression bombs). Default 250 million.
    /// </summary>
    public long MaxSourcePixels { get; init; } = 250_000_000;

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range; empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate()
    {
        var errors = new List<CheckInError>();
        if (MaxPixels is < 10_000 or > 100_000_000)
        {
            errors.Add(new CheckInError(SkiaErrorCodes.ReadOptions.MaxPixels, SkiaErrorCodes.Messages) { Property = nameof(MaxPixels) });
        }

        if (MaxSourcePixels < MaxPixels || MaxSourcePixels > 1_000_000_000)
        {
            errors.Add(new CheckInError(SkiaErrorCodes.ReadOptions.MaxSourcePixels, SkiaErrorCodes.Messages) { Property = nameof(MaxSourcePixels) });
        }

        return errors;
    }
}
