using CheckIn.Core;

namespace CheckIn.Qr.Skia;

/// <summary>
/// The stable error codes of CheckIn.Qr.Skia. Codes never change meaning once published; tests and callers compare
/// codes, never message text.
/// </summary>
public static class SkiaErrorCodes
{
    /// <summary>Codes of images decoded with SkiaSharp.</summary>
    public static class SkiaImage
    {
        /// <summary>The file is empty.</summary>
        public const string Empty = "SkiaImage.Empty";

        /// <summary>SkiaSharp knows no format for the bytes, or the data is damaged.</summary>
        public const string Unreadable = "SkiaImage.Unreadable";

        /// <summary>The image has more pixels than allowed, even at the smallest size its format can decode to, or more than its bytes can hold.</summary>
        public const string TooLarge = "SkiaImage.TooLarge";

        /// <summary>SkiaSharp's native library is not installed for this platform (add a SkiaSharp.NativeAssets.* package).</summary>
        public const string NativeLibraryMissing = "SkiaImage.NativeLibraryMissing";
    }

    /// <summary>Codes of <see cref="SkiaImageReadOptions"/> out of range.</summary>
    public static class ReadOptions
    {
        /// <summary><see cref="SkiaImageReadOptions.MaxPixels"/> is not 10,000 to 100 million.</summary>
        public const string MaxPixels = "SkiaImageReadOptions.MaxPixels";

        /// <summary><see cref="SkiaImageReadOptions.MaxSourcePixels"/> is not <see cref="SkiaImageReadOptions.MaxPixels"/> to 1 billion.</summary>
        public const string MaxSourcePixels = "SkiaImageReadOptions.MaxSourcePixels";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(SkiaEnglishMessages.Table, SkiaVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. SkiaEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}
