namespace CheckIn.Qr.Skia;

/// <summary>The English message of every code in <see cref="SkiaErrorCodes"/>.</summary>
internal static class SkiaEnglishMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SkiaErrorCodes.SkiaImage.Empty] = "The image file is empty",
        [SkiaErrorCodes.SkiaImage.Unreadable] = "The file is not an image SkiaSharp can decode, or it is damaged",
        [SkiaErrorCodes.SkiaImage.TooLarge] = "The image has more pixels than allowed",
        [SkiaErrorCodes.SkiaImage.NativeLibraryMissing] = "SkiaSharp's native library is missing: add a SkiaSharp.NativeAssets package for this platform",
        [SkiaErrorCodes.ReadOptions.MaxPixels] = "The pixels of a decoded image are 10,000 to 100 million",
        [SkiaErrorCodes.ReadOptions.MaxSourcePixels] = "The pixels of a source image are MaxPixels to 1 billion",
    };
}
