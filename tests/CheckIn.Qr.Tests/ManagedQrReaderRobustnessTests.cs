using CheckIn.Qr.Detection;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Tests.Support;

namespace CheckIn.Qr.Tests;

public sealed class ManagedQrReaderRobustnessTests
{
    private const string Text = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";

    [Fact]
    public void Read_DamagedModules_CorrectedAndCounted()
    {
        using var data = QrImages.Encode(Text, QRCoder.QRCodeGenerator.ECCLevel.H);
        var image = QrImages.Render(data, 4);
        // A stain over the middle of the symbol (away from the finder patterns).
        var centre = image.Width / 2;
        for (var y = centre - 14; y < centre + 14; y++)
        {
            for (var x = centre - 14; x < centre + 14; x++)
            {
                image.Pixels[(y * image.Width) + x] = 0;
            }
        }

        var code = Assert.Single(new ManagedQrReader().Read(image));
        Assert.Equal(Text, code.Text);
        Assert.InRange(code.CorrectedCodewords, 1, 100);
    }

    [Fact]
    public void Read_NoisyPhoto_NeedsTheSmoothingPass()
    {
        var image = LuminanceImage.White(400, 400);
        QrImages.Place(image, QrImages.Render(QrImages.Encode(Text), 5), QrImages.Rotated(200, 200, 300, 20), supersample: 2);
        QrImages.Noise(image, 45, seed: 7);
        Assert.Equal(Text, Assert.Single(new ManagedQrReader().Read(image)).Text);
    }

    [Fact]
    public void Read_TinyModules_HarderPassesFindThem_CornersInOriginalPixels()
    {
        using var data = QrImages.Encode(Text);
        var source = QrImages.Render(data, 8);
        var modules = source.Width / 8;
        var image = LuminanceImage.White(200, 160);
        var size = modules * 1.4;
        QrImages.Place(image, source, QrImages.Rotated(100, 80, size, 20), supersample: 4);

        Assert.Empty(new ManagedQrReader(new QrReaderOptions { TryHarder = false }).Read(image));
        var code = Assert.Single(new ManagedQrReader().Read(image));
        Assert.Equal(Text, code.Text);
        // The symbol (without its 4-module quiet zone) is a square of (modules - 8) × 1.4 pixels turned 20°.
        var expected = QrImages.Rotated(100, 80, (modules - 8) * 1.4, 20);
        for (var i = 0; i < 4; i++)
        {
            Assert.InRange(code.Corners[i].X, expected[i].X - 2, expected[i].X + 2);
            Assert.InRange(code.Corners[i].Y, expected[i].Y - 2, expected[i].Y + 2);
        }
    }

    [Theory]
    [InlineData(0, 0, 1.5)]
    [InlineData(8, 5, 11)]
    [InlineData(20, 16, 24)]
    [InlineData(50, 42, 58)]
    public void ImageStatistics_NoiseEstimate_NearTheTrueSigma(double sigma, double low, double high)
    {
        var image = LuminanceImage.White(320, 240);
        image.Pixels.AsSpan().Fill(128);
        QrImages.Place(image, QrImages.Render(QrImages.Encode("statistics"), 4), QrImages.Rotated(160, 120, 150, 10));
        QrImages.Noise(image, sigma, seed: 3);
        Assert.InRange(ImageStatistics.Measure(image).Noise, low, high);
    }

    [Fact]
    public void Read_MutatedImages_NeverThrow_NeverMisread()
    {
        using var data = QrImages.Encode(Text);
        var clean = QrImages.Render(data, 3);
        var random = new Random(2021);
        for (var round = 0; round < 300; round++)
        {
            var image = new LuminanceImage(clean.Width, clean.Height, (byte[])clean.Pixels.Clone());
            var mutations = random.Next(1, 40);
            for (var m = 0; m < mutations; m++)
            {
                // Rectangles of random grey: stains, glare, torn corners.
                int w = random.Next(1, 30), h = random.Next(1, 30), x0 = random.Next(image.Width - w), y0 = random.Next(image.Height - h);
                var value = (byte)random.Next(256);
                for (var y = y0; y < y0 + h; y++)
                {
                    image.Pixels.AsSpan((y * image.Width) + x0, w).Fill(value);
                }
            }

            foreach (var code in new ManagedQrReader().Read(image))
            {
                Assert.Equal(Text, code.Text);
            }
        }
    }

    [Fact]
    public void Read_RandomImages_NeverThrow()
    {
        var random = new Random(18004);
        for (var round = 0; round < 40; round++)
        {
            var width = random.Next(1, 300);
            var height = random.Next(1, 300);
            var pixels = new byte[width * height];
            // Blocky random images: runs that look like finder patterns appear by chance.
            var block = random.Next(1, 8);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    pixels[(y * width) + x] = (byte)(((x / block) * 31 + (y / block) * 17 + random.Next(3)) % 7 < 3 ? 0 : 255);
                }
            }

            var codes = new ManagedQrReader().Read(new LuminanceImage(width, height, pixels));
            Assert.NotNull(codes);
        }
    }
}
