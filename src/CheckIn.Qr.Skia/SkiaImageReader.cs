using CheckIn.Core;
using CheckIn.Qr.Imaging;
using SkiaSharp;

namespace CheckIn.Qr.Skia;

/// <summary>
/// Decodes camera photos (JPEG, WebP, and whatever else the platform's SkiaSharp decodes: PNG, GIF, BMP, ICO, HEIF
/// on some platforms) into the grayscale <see cref="LuminanceImage"/> CheckIn's QR readers take. Never throws on
/// file content. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var photo = SkiaImageReader.Read(File.ReadAllBytes("photo.jpg"));
/// if (photo.TryGetValue(out var image))
///     foreach (var code in new ManagedQrReader().Read(image))
///         Console.WriteLine(code.Text);
/// </code>
/// </example>
/// <remarks>
/// <para>Large photos are decoded at a reduced size (<see cref="SkiaImageReadOptions.MaxPixels"/>): QR modules stay
/// several pixels wide, and the reader's work stays bounded. The EXIF orientation is not applied: the readers find
/// codes at any rotation.</para>
/// <para>SkiaSharp needs its native library, from a <c>SkiaSharp.NativeAssets.*</c> package the host references: on
/// Linux <c>SkiaSharp.NativeAssets.Linux.NoDependencies</c> (decoding needs no fontconfig). When it is missing,
/// reading reports <see cref="SkiaErrorCodes.SkiaImage.NativeLibraryMissing"/> instead of throwing.</para>
/// </remarks>
public static class SkiaImageReader
{
    /// <summary>Decodes an image file's bytes.</summary>
    /// <param name="data">The file.</param>
    /// <param name="options">Limits, or null for <see cref="SkiaImageReadOptions.Default"/>.</param>
    /// <returns>The image, or an error coded <c>SkiaImage.*</c>.</returns>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    public static Result<LuminanceImage> Read(ReadOnlySpan<byte> data, SkiaImageReadOptions? options = null)
    {
        options ??= SkiaImageReadOptions.Default;
        InvalidOptionsException.ThrowIfAny(options.Validate(), nameof(options));
        if (data.IsEmpty)
        {
            return Fail(SkiaErrorCodes.SkiaImage.Empty);
        }

        try
        {
            return Decode(data, options);
        }
        catch (Exception exception) when (exception is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            return Fail(SkiaErrorCodes.SkiaImage.NativeLibraryMissing);
        }
    }

    private const long MaxPixelsPerByte = 10_000;

    private const long MinimumPixelAllowance = 65_536;

    private static Result<LuminanceImage> Decode(ReadOnlySpan<byte> data, SkiaImageReadOptions options)
    {
        using var skData = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(skData);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return Fail(SkiaErrorCodes.SkiaImage.Unreadable);
        }

        var source = (long)codec.Info.Width * codec.Info.Height;
        // A file announcing far more pixels than its bytes can hold is refused before any pixel buffer exists: no
        // format the platform decodes stores more than about 8,300 pixels per byte (DEFLATE at 1032:1, 1-bit pixels).
        if (source > options.MaxSourcePixels || source > Math.Max(MinimumPixelAllowance, (long)data.Length * MaxPixelsPerByte))
        {
            return Fail(SkiaErrorCodes.SkiaImage.TooLarge);
        }

        // The largest size the codec decodes to directly within the budget (JPEG: 1/2, 1/4, 1/8 by DCT scaling).
        var size = codec.Info.Size;
        if (source > options.MaxPixels)
        {
            var scale = (float)Math.Sqrt(options.MaxPixels / (double)source);
            size = codec.GetScaledDimensions(scale);
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            // The codec cannot scale this format: decode whole if the budget allows, and reduce after.
            if (source > options.MaxPixels * 4L || size == codec.Info.Size)
            {
                return Fail(result == SKCodecResult.InvalidScale ? SkiaErrorCodes.SkiaImage.TooLarge : SkiaErrorCodes.SkiaImage.Unreadable);
            }

            return DecodeWhole(codec, options);
        }

        var image = Luminance(bitmap);
        return Result.Ok((long)image.Width * image.Height > options.MaxPixels ? QrImageScaling.Reduce(image, options.MaxPixels).Image : image);
    }

    private static Result<LuminanceImage> DecodeWhole(SKCodec codec, SkiaImageReadOptions options)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        return result is SKCodecResult.Success or SKCodecResult.IncompleteInput
            ? Result.Ok(QrImageScaling.Reduce(Luminance(bitmap), options.MaxPixels).Image)
            : Fail(SkiaErrorCodes.SkiaImage.Unreadable);
    }

    /// <summary>ITU-R BT.601 luma of each pixel, transparency composited over white (as a code printed on paper).</summary>
    private static unsafe LuminanceImage Luminance(SKBitmap bitmap)
    {
        var width = bitmap.Width;
        var height = bitmap.Height;
        var pixels = new byte[width * height];
        var source = new ReadOnlySpan<byte>((void*)bitmap.GetPixels(), bitmap.RowBytes * height);
        for (var y = 0; y < height; y++)
        {
            var row = source.Slice(y * bitmap.RowBytes, width * 4);
            for (var x = 0; x < width; x++)
            {
                int r = row[4 * x], g = row[(4 * x) + 1], b = row[(4 * x) + 2], a = row[(4 * x) + 3];
                var luma = ((77 * r) + (150 * g) + (29 * b) + 128) >> 8;
                pixels[(y * width) + x] = (byte)(((luma * a) + (255 * (255 - a)) + 127) / 255);
            }
        }

        return new LuminanceImage(width, height, pixels);
    }

    private static Result<LuminanceImage> Fail(string code) => Result.Fail<LuminanceImage>(new CheckInError(code, SkiaErrorCodes.Messages));
}
