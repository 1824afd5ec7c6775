using CheckIn.Core;
using CheckIn.Qr.Skia;
using CheckIn.Qr.Tests.Support;
using CheckIn.Testing;
using SkiaSharp;

namespace CheckIn.Qr.Tests.Skia;

public sealed class SkiaImageReaderTests
{
    private const string VenueUrl = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";

    /// <summary>A photo-like colour image with a code in it, encoded by SkiaSharp.</summary>
    private static byte[] Photo(int width, int height, SKEncodedImageFormat format, int quality = 85, int module = 8, bool transparent = false)
    {
        using var data = QrImages.Encode(VenueUrl);
        var symbol = QrImages.Render(data, module);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var (left, top) = ((width - symbol.Width) / 2, (height - symbol.Height) / 2);
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inside = x >= left && y >= top && x < left + symbol.Width && y < top + symbol.Height;
                var grey = inside ? symbol[x - left, y - top] : (byte)200;
                var at = 4 * ((y * width) + x);
                (rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]) = transparent && grey == 255
                    ? ((byte)0, (byte)0, (byte)0, (byte)0)
                    : ((byte)Math.Min(255, grey + 10), grey, (byte)Math.Max(0, grey - 10), (byte)255);
            }
        }

        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality);
        return encoded.ToArray();
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    [InlineData(SKEncodedImageFormat.Png)]
    public void Read_CameraFormats_DecodesAndTheCodeReads(SKEncodedImageFormat format)
    {
        var image = SkiaImageReader.Read(Photo(640, 480, format)).Value;
        Assert.Equal((640, 480), (image.Width, image.Height));
        Assert.Equal(VenueUrl, Assert.Single(new ManagedQrReader().Read(image)).Text);
    }

    [Fact]
    public void Read_TransparentPng_CompositedOverWhite()
    {
        var image = SkiaImageReader.Read(Photo(400, 400, SKEncodedImageFormat.Png, transparent: true)).Value;
        Assert.Equal(202, image[0, 0]); // the BT.601 luma of the background (210, 200, 190)
        Assert.Equal(255, image[200 - 90, 200 - 90]); // in the code's quiet zone, transparent in the file
        Assert.Equal(VenueUrl, Assert.Single(new ManagedQrReader().Read(image)).Text);
    }

    [Fact]
    public void Read_LargeJpeg_DecodedAtAReducedSize()
    {
        var jpeg = Photo(4000, 3000, SKEncodedImageFormat.Jpeg, module: 24);
        var image = SkiaImageReader.Read(jpeg, new SkiaImageReadOptions { MaxPixels = 1_000_000 }).Value;
        Assert.InRange((long)image.Width * image.Height, 100_000, 1_000_000);
        Assert.Equal(4000.0 / 3000, image.Width / (double)image.Height, 2);
        Assert.Equal(VenueUrl, Assert.Single(new ManagedQrReader().Read(image)).Text);
    }

    [Fact]
    public void Read_Errors_Coded()
    {
        Assert.Equal(SkiaErrorCodes.SkiaImage.Empty, SkiaImageReader.Read([]).Error.Code);
        Assert.Equal(SkiaErrorCodes.SkiaImage.Unreadable, SkiaImageReader.Read("not an image at all"u8).Error.Code);
        var large = Photo(1200, 1000, SKEncodedImageFormat.Jpeg);
        Assert.Equal(SkiaErrorCodes.SkiaImage.TooLarge, SkiaImageReader.Read(large, new SkiaImageReadOptions { MaxPixels = 10_000, MaxSourcePixels = 1_000_000 }).Error.Code);
        var error = SkiaImageReader.Read([]).Error;
        Assert.NotEqual(error.Code, error.GetDescription(MessageLanguage.Vietnamese));
    }

    [Fact]
    public void Read_TinyFileClaimingManyPixels_RefusedBeforeAllocating()
    {
        // 6000 × 6000 (36 megapixels, within MaxSourcePixels) announced by a file of under 100 bytes.
        var png = PngBuilder.Bomb(6000, 6000, bitDepth: 8, colorType: 6);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = SkiaImageReader.Read(png);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(SkiaErrorCodes.SkiaImage.TooLarge, result.Error!.Code);
        Assert.True(allocated < 1_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Options_OutOfRange_CodedException()
    {
        var exception = Assert.Throws<InvalidOptionsException>(() => SkiaImageReader.Read([1], new SkiaImageReadOptions { MaxPixels = 1 }));
        Assert.Contains(exception.Errors, e => e.Code == SkiaErrorCodes.ReadOptions.MaxPixels);
        Assert.Contains(new SkiaImageReadOptions { MaxSourcePixels = 5 }.Validate(), e => e.Code == SkiaErrorCodes.ReadOptions.MaxSourcePixels);
    }

    /// <summary>Mutated JPEG and WebP files: reading never throws; a result is an image or a coded error.</summary>
    [Fact]
    public void Read_MutatedFiles_NeverThrows()
    {
        var seeds = new[] { Photo(160, 120, SKEncodedImageFormat.Jpeg, module: 2), Photo(160, 120, SKEncodedImageFormat.Webp, module: 2) };
        var random = new Random(2021);
        var failures = 0;
        for (var round = 0; round < 600; round++)
        {
            var bytes = (byte[])seeds[round % 2].Clone();
            switch (round % 3)
            {
                case 0:
                    for (var k = 0; k < 1 + random.Next(8); k++)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 1:
                    bytes = bytes[..random.Next(1, bytes.Length)];
                    break;
                default:
                    bytes[random.Next(Math.Min(40, bytes.Length))] ^= (byte)(1 << random.Next(8));
                    break;
            }

            var result = SkiaImageReader.Read(bytes, new SkiaImageReadOptions { MaxPixels = 100_000, MaxSourcePixels = 10_000_000 });
            if (!result.Success)
            {
                failures++;
                Assert.StartsWith("SkiaImage.", result.Error.Code, StringComparison.Ordinal);
            }
            else
            {
                Assert.InRange((long)result.Value.Width * result.Value.Height, 1, 100_000);
            }
        }

        Assert.InRange(failures, 1, 599);
    }

    [Fact]
    public void Catalog_IsComplete() => ErrorCatalogAssert.IsComplete(typeof(SkiaErrorCodes), SkiaErrorCodes.Messages, SkiaErrorCodes.All());
}
