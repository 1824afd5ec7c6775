namespace CheckIn.Qr.Skia;

/// <summary>The Vietnamese message of every code in <see cref="SkiaErrorCodes"/>.</summary>
internal static class SkiaVietnameseMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SkiaErrorCodes.SkiaImage.Empty] = "Tệp ảnh trống",
        [SkiaErrorCodes.SkiaImage.Unreadable] = "Tệp không phải ảnh SkiaSharp giải mã được, hoặc bị hỏng",
        [SkiaErrorCodes.SkiaImage.TooLarge] = "Ảnh có nhiều điểm ảnh hơn mức cho phép",
        [SkiaErrorCodes.SkiaImage.NativeLibraryMissing] = "Thiếu thư viện gốc của SkiaSharp: thêm gói SkiaSharp.NativeAssets cho nền tảng này",
        [SkiaErrorCodes.ReadOptions.MaxPixels] = "Số điểm ảnh của ảnh đã giải mã phải từ 10.000 đến 100 triệu",
        [SkiaErrorCodes.ReadOptions.MaxSourcePixels] = "Số điểm ảnh của ảnh gốc phải từ MaxPixels đến 1 tỷ",
    };
}
