using System.Xml.Linq;
using CheckIn.Core;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Printing;
using CheckIn.Qr.Tests.Support;

namespace CheckIn.Qr.Tests.Printing;

public sealed class QrDocumentTests
{
    private const string VenueUrl = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";
    private const string CardPayload = "079301000456|025123456|Trần Thị Bích Ngọc|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024";

    private static readonly VenuePosterContent Market = new()
    {
        VenueName = "Chợ Đông Ba – Khu hàng khô & đồ gia dụng",
        Address = "2 Trần Hưng Đạo, Phường Phú Hòa, Thành phố Huế, Tỉnh Thừa Thiên Huế",
    };

    private static readonly PersonalCardContent Holder = new()
    {
        HolderName = "Trần Thị Bích Ngọc",
        DocumentNumber = "079301000456",
        Issuer = "Tỉnh Thừa Thiên Huế",
    };

    [Fact]
    public void VenuePoster_A4_TextAndCodeInPlace()
    {
        var poster = QrDocument.VenuePoster(VenueUrl, Market).Value;
        Assert.Equal((210, 297), (poster.WidthMillimetres, poster.HeightMillimetres));
        Assert.Equal(VenuePosterContent.DefaultTitle, poster.TextLines[0]);
        Assert.Contains(poster.TextLines, l => l.Contains("Chợ Đông Ba", StringComparison.Ordinal));
        Assert.Contains(poster.TextLines, l => l.Contains("Thành phố Huế", StringComparison.Ordinal));
        Assert.Contains(poster.TextLines, l => l.StartsWith("3. Không có điện thoại", StringComparison.Ordinal));
        Assert.Contains(poster.TextLines, l => l.Contains("phiên bản 8-H", StringComparison.Ordinal));
        Assert.Contains(poster.TextLines, l => l.Contains("cách mã không quá 1 m", StringComparison.Ordinal));
    }

    [Fact]
    public void VenuePoster_Png_DecodesBack_AndRecordsDpi()
    {
        var poster = QrDocument.VenuePoster(VenueUrl, Market, QrPrintOptions.VenuePoster with { DotsPerInch = 120 }).Value;
        var png = poster.ToPng();
        Assert.Equal(120, PngWriter.ReadDotsPerInch(png)!.Value, 1);
        var image = ImageReader.Read(png).Value;
        Assert.Equal(Math.Ceiling(210 / 25.4 * 120), image.Width);
        var code = Assert.Single(new ManagedQrReader().Read(image));
        Assert.Equal(VenueUrl, code.Text);
        // The code's printed side (corner to corner) is the symbol's printed size.
        var side = Math.Sqrt(Math.Pow(code.Corners[1].X - code.Corners[0].X, 2) + Math.Pow(code.Corners[1].Y - code.Corners[0].Y, 2));
        Assert.Equal(poster.Symbol.PrintedCentimetres / 2.54 * 120, side, 2.0);
    }

    [Fact]
    public void VenuePoster_Svg_WellFormed_EscapedText_SameLayout()
    {
        var poster = QrDocument.VenuePoster(VenueUrl, Market).Value;
        var svg = XDocument.Parse(poster.ToSvg()).Root!;
        Assert.Equal("210mm", (string)svg.Attribute("width")!);
        var texts = svg.Elements().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Equal(poster.TextLines, texts);
        Assert.Contains(texts, t => t.Contains("khô & đồ", StringComparison.Ordinal));
        Assert.Contains("khô &amp; đồ", poster.ToSvg(), StringComparison.Ordinal);
        Assert.Single(svg.Elements(), e => e.Name.LocalName == "path");
    }

    [Fact]
    public void VenuePoster_BigCode_MovesToA3()
    {
        var poster = QrDocument.VenuePoster(VenueUrl, Market, QrPrintOptions.VenuePoster with { SymbolCentimetres = 20 }).Value;
        Assert.Equal((297, 420), (poster.WidthMillimetres, poster.HeightMillimetres));
    }

    [Fact]
    public void VenuePoster_HugeCode_TooLargeForPage() =>
        Assert.Equal(QrErrorCodes.QrPrint.TooLargeForPage,
            QrDocument.VenuePoster(VenueUrl, Market, QrPrintOptions.VenuePoster with { SymbolCentimetres = 40 }).Error.Code);

    [Fact]
    public void VenuePoster_NameTooLong_TextTooLongOnField1()
    {
        var error = QrDocument.VenuePoster(VenueUrl, Market with { VenueName = string.Join(' ', Enumerable.Repeat("Trung tâm thương mại", 30)) }).Error;
        Assert.Equal(QrErrorCodes.QrPrint.TextTooLong, error.Code);
        Assert.Equal(1, error.Field);
    }

    [Fact]
    public void VenuePoster_CharacterTheFontLacks_UnsupportedCharacterWithPosition()
    {
        var error = QrDocument.VenuePoster(VenueUrl, Market with { Address = "Phố 老街 Hà Nội" }).Error;
        Assert.Equal(QrErrorCodes.QrPrint.UnsupportedCharacter, error.Code);
        Assert.Equal(2, error.Field);
        Assert.Equal(4, error.Position);
    }

    [Fact]
    public void VenuePoster_BadPayload_SymbolError() =>
        Assert.Equal(CoreErrorCodes.Payload.Empty, QrDocument.VenuePoster(string.Empty, Market).Error.Code);

    [Fact]
    public void PersonalCard_MasksNameAndNumber_InTextSvgAndNowhereElse()
    {
        var card = QrDocument.PersonalCard(CardPayload, Holder).Value;
        Assert.Equal(74, card.WidthMillimetres);
        Assert.Contains("T*** T** B*** N***", card.TextLines);
        Assert.Contains("Số giấy tờ: **********56", card.TextLines);
        var svg = card.ToSvg();
        Assert.DoesNotContain("079301000456", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Bích", svg, StringComparison.Ordinal);
        Assert.All(card.TextLines, l => Assert.DoesNotContain("079301000456", l, StringComparison.Ordinal));
    }

    [Fact]
    public void PersonalCardContent_ToString_Masked()
    {
        var text = Holder.ToString();
        Assert.DoesNotContain("079301000456", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bích", text, StringComparison.Ordinal);
        Assert.Contains("**********56", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PersonalCard_Png_DecodesToTheFullPayload()
    {
        var card = QrDocument.PersonalCard(CardPayload, Holder, QrPrintOptions.PersonalCard with { DotsPerInch = 200 }).Value;
        var image = ImageReader.Read(card.ToPng()).Value;
        Assert.Equal(CardPayload, Assert.Single(new ManagedQrReader().Read(image)).Text);
        Assert.True(card.Symbol.PrintedCentimetres >= 5);
    }

    [Fact]
    public void PersonalCard_LargerCode_CardGrows()
    {
        var card = QrDocument.PersonalCard(CardPayload, Holder, QrPrintOptions.PersonalCard with { SymbolCentimetres = 8 }).Value;
        Assert.True(card.WidthMillimetres > 74);
        Assert.True(card.HeightMillimetres > card.WidthMillimetres);
    }

    [Fact]
    public void ToImage_TooManyPixels_ClearError()
    {
        var poster = QrDocument.VenuePoster(VenueUrl, Market, QrPrintOptions.VenuePoster with { DotsPerInch = 2400 }).Value;
        var error = Assert.Throws<InvalidOperationException>(poster.ToImage);
        Assert.Contains("lower the resolution", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Posters as a phone photographs them once printed: ink spread, the page at an angle, out of focus, uneven
    /// light, sensor noise, at camera resolution.
    /// </summary>
    [Theory]
    [InlineData(1, 12.0, 1, 0.35, 5.0)]
    [InlineData(2, -15.0, 1, 0.55, 8.0)]
    [InlineData(3, 22.0, 1, 0.6, 10.0)]
    [InlineData(4, 5.0, 2, 0.2, 3.0)]
    [InlineData(5, -8.0, 2, 0.4, 6.0)]
    public void VenuePoster_PhotographedAfterPrinting_Decodes(int seed, double tilt, int blur, double shade, double noise)
    {
        var poster = QrDocument.VenuePoster(VenueUrl, Market, QrPrintOptions.VenuePoster with { DotsPerInch = 100 }).Value;
        var printed = poster.ToImage();
        Erode(printed); // ink spreads into the white modules

        var random = new Random(seed);
        var photo = LuminanceImage.White(1280, 960);
        photo.Pixels.AsSpan().Fill(90); // a wall around the poster
        // The poster fills most of the frame's height, seen from one side: the far edge is 2 × tilt % shorter.
        var height = 860.0;
        var width = height * poster.WidthMillimetres / poster.HeightMillimetres;
        var far = tilt / 100 * height;
        double J() => random.Next(-15, 15);
        (double X, double Y)[] corners =
        [
            (640 - (width / 2) + J(), 50 + Math.Max(0, far) + J()),
            (640 + (width / 2) + J(), 50 + Math.Max(0, -far) + J()),
            (640 + (width / 2) + J(), 910 - Math.Max(0, -far) + J()),
            (640 - (width / 2) + J(), 910 - Math.Max(0, far) + J()),
        ];
        QrImages.Place(photo, printed, corners, supersample: 2);
        photo = QrImages.Blur(photo, blur);
        QrImages.UnevenLight(photo, shade);
        QrImages.Noise(photo, noise, seed);

        if (Environment.GetEnvironmentVariable("CHECKIN_DUMP") is { } dump)
        {
            File.WriteAllBytes(Path.Combine(dump, $"photo-{seed}.png"), PngWriter.Write(photo));
            File.WriteAllBytes(Path.Combine(dump, "poster-printed.png"), PngWriter.Write(printed));
        }

        var code = Assert.Single(new ManagedQrReader().Read(photo));
        Assert.Equal(VenueUrl, code.Text);
    }

    private static void Erode(LuminanceImage image)
    {
        var copy = (byte[])image.Pixels.Clone();
        for (var y = 1; y < image.Height - 1; y++)
        {
            for (var x = 1; x < image.Width - 1; x++)
            {
                var i = (y * image.Width) + x;
                image.Pixels[i] = Math.Min(copy[i], (byte)((copy[i - 1] + copy[i + 1] + copy[i - image.Width] + copy[i + image.Width]) / 4));
            }
        }
    }

    [Fact]
    public void DefaultInstructions_DecimalComma()
    {
        Assert.Contains("1,5 m.", VenuePosterContent.DefaultInstructions(1.5)[1], StringComparison.Ordinal);
        Assert.Contains(" 1 m.", VenuePosterContent.DefaultInstructions(1)[1], StringComparison.Ordinal);
    }
}
