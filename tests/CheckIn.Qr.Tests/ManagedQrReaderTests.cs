using CheckIn.Qr.Imaging;
using CheckIn.Qr.Tests.Support;
using QRCoder;

namespace CheckIn.Qr.Tests;

public sealed class ManagedQrReaderTests
{
    private static readonly ManagedQrReader Reader = new();

    [Theory]
    [InlineData("079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||", 4)]
    [InlineData("https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e", 3)]
    [InlineData("HELLO", 8)]
    public void Read_CleanRender_Text(string text, int modulePixels)
    {
        var image = QrImages.Render(QrImages.Encode(text), modulePixels);
        var code = Assert.Single(Reader.Read(image));
        Assert.Equal(text, code.Text);
        Assert.Equal(0, code.CorrectedCodewords);
    }

    [Fact]
    public void Read_EveryVersionAndLevel_RenderedByQrCoder()
    {
        var failures = new List<string>();
        for (var version = 1; version <= 40; version++)
        {
            foreach (var level in new[] { QRCodeGenerator.ECCLevel.L, QRCodeGenerator.ECCLevel.M, QRCodeGenerator.ECCLevel.Q, QRCodeGenerator.ECCLevel.H })
            {
                var text = $"CheckIn v{version} {level} Nguyễn Văn An";
                QRCodeData data;
                try
                {
                    data = QrImages.Encode(text, level, version);
                }
                catch (QRCoder.Exceptions.DataTooLongException)
                {
                    data = QrImages.Encode($"v{version}{level}", level, version);
                    text = $"v{version}{level}";
                }

                using (data)
                {
                    var codes = Reader.Read(QrImages.Render(data, version < 20 ? 3 : 2));
                    if (codes.Count != 1 || codes[0].Text != text || codes[0].Version != version)
                    {
                        failures.Add($"{version}-{level}: {codes.Count} codes");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(45)]
    [InlineData(90)]
    [InlineData(135)]
    [InlineData(200)]
    [InlineData(270)]
    [InlineData(333)]
    public void Read_Rotated_Text(double degrees)
    {
        const string Text = "001090123456|NGUYEN VAN A|1990-01-01|0|QID8F3K2M9X|";
        var source = QrImages.Render(QrImages.Encode(Text), 4);
        var canvas = LuminanceImage.White(400, 400);
        QrImages.Place(canvas, source, QrImages.Rotated(200, 200, 240, degrees));
        var code = Assert.Single(Reader.Read(canvas));
        Assert.Equal(Text, code.Text);
    }

    [Fact]
    public void Read_Mirrored_ReportedMirrored()
    {
        const string Text = "mirrored code";
        var source = QrImages.Render(QrImages.Encode(Text), 5);
        var canvas = LuminanceImage.White(300, 300);
        QrImages.Place(canvas, source, QrImages.Rotated(150, 150, 200, 10), mirror: true);
        var code = Assert.Single(Reader.Read(canvas));
        Assert.Equal(Text, code.Text);
        Assert.True(code.Mirrored);
    }

    [Fact]
    public void Read_LightOnDark_ReportedInverted()
    {
        var image = QrImages.Render(QrImages.Encode("inverted"), 5, dark: 255, light: 0);
        var code = Assert.Single(Reader.Read(image));
        Assert.Equal("inverted", code.Text);
        Assert.True(code.Inverted);
    }

    [Fact]
    public void Read_SeveralCodes_AllFound()
    {
        var canvas = LuminanceImage.White(700, 300);
        string[] texts = ["first code", "second code", "third code"];
        for (var i = 0; i < texts.Length; i++)
        {
            QrImages.Place(canvas, QrImages.Render(QrImages.Encode(texts[i]), 4), QrImages.Rotated(120 + (i * 230), 150, 180, i * 20));
        }

        Assert.Equal(texts.Order(), Reader.Read(canvas).Select(c => c.Text).Order());
    }

    [Fact]
    public void Read_Perspective_Text()
    {
        const string Text = "HTTPS://CHECKIN.EXAMPLE.VN/C/CEAADGI56Y2VPYX4KYXACYJOYKAPMDV";
        var source = QrImages.Render(QrImages.Encode(Text), 6);
        var canvas = LuminanceImage.White(640, 480);
        QrImages.Place(canvas, source, [(150, 80), (470, 110), (500, 420), (120, 380)]);
        Assert.Equal(Text, Assert.Single(Reader.Read(canvas)).Text);
    }

    [Fact]
    public void Read_Corners_AroundTheSymbol()
    {
        var data = QrImages.Encode("corners");
        var image = QrImages.Render(data, 10);
        var code = Assert.Single(Reader.Read(image));
        // QRCoder's quiet zone is 4 modules (40 px); the symbol is 21 modules (210 px).
        Assert.Equal(new QrPoint(40, 40), Round(code.Corners[0]));
        Assert.Equal(new QrPoint(250, 40), Round(code.Corners[1]));
        Assert.Equal(new QrPoint(250, 250), Round(code.Corners[2]));
        Assert.Equal(new QrPoint(40, 250), Round(code.Corners[3]));
    }

    [Fact]
    public void Read_NoCode_Empty() => Assert.Empty(Reader.Read(LuminanceImage.White(200, 100)));

    [Fact]
    public void ToString_DoesNotPrintTheContent()
    {
        const string Text = "079301000456|025123456|Trần Thị B|15062001|Nữ|Cần Thơ|04102024";
        var code = Assert.Single(Reader.Read(QrImages.Render(QrImages.Encode(Text), 3)));
        Assert.DoesNotContain("079301000456", code.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Trần", code.ToString(), StringComparison.Ordinal);
        Assert.Contains("Version = ", code.ToString(), StringComparison.Ordinal);
    }

    private static QrPoint Round(QrPoint p) => new(Math.Round(p.X), Math.Round(p.Y));
}
