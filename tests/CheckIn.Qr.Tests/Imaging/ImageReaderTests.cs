using System.Text;
using CheckIn.Core;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Tests.Support;

namespace CheckIn.Qr.Tests.Imaging;

public sealed class ImageReaderTests
{
    // A 13 × 11 test card: a gradient with a black square, so every pixel differs from its neighbours.
    private const int Width = 13;
    private const int Height = 11;

    private static int Expected(int x, int y) => x is >= 3 and < 7 && y is >= 2 and < 6 ? 0 : (x * 255 / (Width - 1) + y * 7) % 256;

    public static TheoryData<int, int, bool> GrayDepths()
    {
        var data = new TheoryData<int, int, bool>();
        foreach (var depth in new[] { 1, 2, 4, 8, 16 })
        {
            data.Add(0, depth, false);
            data.Add(0, depth, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GrayDepths))]
    public void Read_GrayAnyDepthAnyInterlace_ExactLuminance(int colorType, int depth, bool interlaced)
    {
        var max = (1 << depth) - 1;
        int Quantized(int x, int y) => (int)Math.Round(Expected(x, y) * max / 255.0);
        var png = PngBuilder.Build(Width, Height, colorType, depth, interlaced, (x, y) => [Quantized(x, y)]);
        var image = ImageReader.Read(png).Value;
        AssertPixels(image, (x, y) => Quantized(x, y) * 255 / max);
    }

    [Theory]
    [InlineData(2, 8, false)]
    [InlineData(2, 16, true)]
    [InlineData(6, 8, true)]
    [InlineData(6, 16, false)]
    [InlineData(4, 8, false)]
    [InlineData(4, 16, true)]
    public void Read_ColourAndAlpha_LumaOverWhite(int colorType, int depth, bool interlaced)
    {
        var scale = depth == 16 ? 257 : 1;
        var png = PngBuilder.Build(Width, Height, colorType, depth, interlaced, (x, y) => colorType switch
        {
            2 => [Expected(x, y) * scale, Expected(x, y) * scale, Expected(x, y) * scale],
            4 => [Expected(x, y) * scale, (x == 0 ? 0 : 255) * scale],
            _ => [Expected(x, y) * scale, Expected(x, y) * scale, Expected(x, y) * scale, (x == 0 ? 0 : 255) * scale],
        });
        var image = ImageReader.Read(png).Value;
        AssertPixels(image, (x, y) => colorType == 2 || x != 0 ? Expected(x, y) : 255);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Read_Palette_WithTransparency(int depth)
    {
        // Palette: 0 black, 1 white, 2 red (luma 76), 3 transparent blue.
        byte[] palette = [0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 255];
        var entries = Math.Min(4, 1 << depth);
        var png = PngBuilder.Build(Width, Height, 3, depth, interlaced: depth == 4, (x, y) => [(x + y) % entries],
            palette: palette.AsSpan(0, entries * 3).ToArray(), transparency: [255, 255, 255, 0]);
        var image = ImageReader.Read(png).Value;
        int[] luma = [0, 255, 76, 255];
        AssertPixels(image, (x, y) => luma[(x + y) % entries]);
    }

    [Fact]
    public void Read_GrayTransparencyKey_White()
    {
        var png = PngBuilder.Build(Width, Height, 0, 8, false, (x, y) => [x == 1 ? 10 : 20], transparency: [0, 10]);
        var image = ImageReader.Read(png).Value;
        Assert.Equal(255, image[1, 0]);
        Assert.Equal(20, image[2, 0]);
    }

    [Fact]
    public void Writer_RoundTripWithResolution()
    {
        var image = LuminanceImage.White(Width, Height);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                image.Pixels[(y * Width) + x] = (byte)Expected(x, y);
            }
        }

        var png = PngWriter.Write(image, dotsPerInch: 300);
        AssertPixels(ImageReader.Read(png).Value, Expected);
        Assert.Equal(300, PngWriter.ReadDotsPerInch(png)!.Value, 0.1);
        Assert.Null(PngWriter.ReadDotsPerInch(PngWriter.Write(image)));
    }

    [Theory]
    [InlineData("P2\n# a comment\n3 2\n255\n0 128 255\n255 128 0\n", new byte[] { 0, 128, 255, 255, 128, 0 })]
    [InlineData("P3 2 1 65535 65535 65535 65535 0 0 0", new byte[] { 255, 0 })]
    public void Read_AsciiPnm(string text, byte[] expected) =>
        Assert.Equal(expected, ImageReader.Read(Encoding.ASCII.GetBytes(text)).Value.Pixels);

    [Fact]
    public void Read_BinaryPgmAndPpm()
    {
        var pgm = Encoding.ASCII.GetBytes("P5\n2 2\n255\n").Concat(new byte[] { 0, 50, 100, 255 }).ToArray();
        Assert.Equal(new byte[] { 0, 50, 100, 255 }, ImageReader.Read(pgm).Value.Pixels);
        var pgm16 = Encoding.ASCII.GetBytes("P5 2 1 65535\n").Concat(new byte[] { 0xFF, 0xFF, 0x80, 0x00 }).ToArray();
        Assert.Equal(new byte[] { 255, 128 }, ImageReader.Read(pgm16).Value.Pixels);
        var ppm = Encoding.ASCII.GetBytes("P6\n2 1\n255\n").Concat(new byte[] { 255, 0, 0, 255, 255, 255 }).ToArray();
        Assert.Equal(new byte[] { 76, 255 }, ImageReader.Read(ppm).Value.Pixels);
    }

    [Fact]
    public void Read_EveryImageErrorCode()
    {
        var good = PngBuilder.Build(4, 4, 0, 8, false, (_, _) => [0]);
        var reached = new HashSet<string>();
        string Code(byte[] data, ImageReadOptions? options = null)
        {
            var error = ImageReader.Read(data, options).Error;
            Assert.NotEqual(error.Code, error.GetDescription(MessageLanguage.English));
            reached.Add(error.Code);
            return error.Code;
        }

        Assert.Equal("Image.Empty", Code([]));
        Assert.Equal("Image.UnknownFormat", Code("GIF89a"u8.ToArray()));
        Assert.Equal("Image.TooLarge", Code(good, new ImageReadOptions { MaxPixels = 15 }));
        Assert.Equal("Image.TooLarge", Code(Encoding.ASCII.GetBytes("P5 100000 100000 255\n")));
        Assert.Equal("Png.Chunk", Code(good[..^5]));
        Assert.Equal("Png.Crc", Code(PngBuilder.Build(4, 4, 0, 8, false, (_, _) => [0], corruptCrc: true)));
        Assert.Equal("Png.Header", Code(PngBuilder.Build(4, 4, 2, 4, false, (_, _) => [0, 0, 0])));
        Assert.Equal("Png.Palette", Code(PngBuilder.Build(4, 4, 3, 8, false, (_, _) => [0])));
        var broken = (byte[])good.Clone();
        broken[45] ^= 0xFF;
        Assert.Equal("Png.Data", Code(Recrc(broken)));
        Assert.Equal("Pnm.Header", Code(Encoding.ASCII.GetBytes("P5 2 x 255\n")));
        Assert.Equal("Pnm.Data", Code(Encoding.ASCII.GetBytes("P5 2 2 255\n\u0001")));
        Assert.Equal(QrErrorCodes.All().Where(c => c.Split('.')[0] is "Image" or "Png" or "Pnm").ToHashSet(), reached);
    }

    [Fact]
    public void Read_TruncatedSignature_UnknownFormat() =>
        Assert.Equal("Image.UnknownFormat", ImageReader.Read([0x89, 0x50, 0x4E, 0x47]).Error.Code);

    [Fact]
    public async Task Read_MutatedPngs_NeverThrowAnythingButTheResult()
    {
        var seeds = new[]
        {
            PngBuilder.Build(Width, Height, 0, 8, false, (x, y) => [Expected(x, y)]),
            PngBuilder.Build(Width, Height, 6, 16, true, (x, y) => [x * 1000, y * 1000, 7, 65535]),
            PngBuilder.Build(Width, Height, 3, 2, true, (x, y) => [(x + y) % 4], palette: [0, 0, 0, 255, 255, 255, 9, 9, 9, 1, 2, 3]),
            PngWriter.Write(LuminanceImage.White(40, 30), 300),
        };
        var run = Task.Run(() =>
        {
            var random = new Random(99);
            var accepted = 0;
            for (var i = 0; i < 20_000; i++)
            {
                var data = (byte[])seeds[random.Next(seeds.Length)].Clone();
                for (var m = random.Next(1, 6); m > 0; m--)
                {
                    switch (random.Next(4))
                    {
                        case 0:
                            data[random.Next(data.Length)] = (byte)random.Next(256);
                            break;
                        case 1:
                            data = data[..random.Next(data.Length)];
                            break;
                        case 2:
                            data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                            break;
                        default:
                            // Keep CRCs valid so mutations reach the decoder, not just the checksum.
                            data = Recrc(data);
                            break;
                    }

                    if (data.Length == 0)
                    {
                        break;
                    }
                }

                var result = ImageReader.Read(data, new ImageReadOptions { MaxPixels = 1_000_000 });
                if (result.Success)
                {
                    accepted++;
                    Assert.True(result.Value.Width * result.Value.Height <= 1_000_000);
                }
                else
                {
                    Assert.Contains(result.Error.Code.Split('.')[0], new[] { "Image", "Png", "Pnm" });
                }
            }

            return accepted;
        });
        var accepted = await run.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(accepted > 0);
    }

    [Fact]
    public void Read_TinyPngClaimingManyPixels_RefusedBeforeAllocating()
    {
        // 6400 × 6250 = 40 megapixels of 16-bit RGBA (320 MB decoded) in a file well under 100 bytes.
        var png = PngBuilder.Bomb(6400, 6250, bitDepth: 16, colorType: 6);
        Assert.True(png.Length < 100, $"{png.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ImageReader.Read(png);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(QrErrorCodes.Png.Data, result.Error!.Code);
        Assert.True(allocated < 1_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Read_PngWhoseDataEndsEarly_PngData()
    {
        // Compressed data that could hold the image but ends early: the reader fails with Png.Data.
        var png = PngBuilder.Bomb(64, 64, bitDepth: 8, colorType: 0);
        Assert.Equal(QrErrorCodes.Png.Data, ImageReader.Read(png).Error!.Code);
    }

    [Theory]
    [InlineData("P5\n6000 6000\n255\n")]
    [InlineData("P6\n6000 6000\n65535\n")]
    [InlineData("P2\n6000 6000\n255\n")]
    public void Read_PnmHeaderClaimingManyPixels_RefusedBeforeAllocating(string header)
    {
        var bytes = Encoding.ASCII.GetBytes(header + "0 0 0 0 0 0 0 0");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ImageReader.Read(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(QrErrorCodes.Pnm.Data, result.Error!.Code);
        Assert.True(allocated < 1_000_000, $"allocated {allocated:N0} bytes");
    }

    /// <summary>Recomputes every chunk's CRC of a (possibly damaged) PNG so the damage reaches the decoder.</summary>
    private static byte[] Recrc(byte[] png)
    {
        var position = 8;
        while (position + 12 <= png.Length)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            if (length < 0 || position + 12L + length > png.Length)
            {
                break;
            }

            var crc = CheckIn.Qr.Imaging.Crc32.Compute(png.AsSpan(position + 4, length + 4));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(position + 8 + length), crc);
            position += 12 + length;
        }

        return png;
    }

    private static void AssertPixels(LuminanceImage image, Func<int, int, int> expected)
    {
        Assert.Equal((Width, Height), (image.Width, image.Height));
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                Assert.True(Math.Abs(expected(x, y) - image[x, y]) <= 1, $"pixel ({x}, {y}): expected {expected(x, y)}, got {image[x, y]}");
            }
        }
    }
}
