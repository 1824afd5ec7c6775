using System.Xml.Linq;
using CheckIn.Core;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Printing;
using CheckIn.Qr.Tests.Support;

namespace CheckIn.Qr.Tests.Printing;

public sealed class QrSymbolTests
{
    private const string VenueUrl = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";

    [Fact]
    public void Encode_VenuePreset_HighestLevelThatKeepsModulesLargeEnough()
    {
        var symbol = QrSymbol.Encode(VenueUrl, QrPrintOptions.VenuePoster).Value;
        // 1 m ÷ 400 = 2.5 mm modules at least; H fits this URL in version 8 (49 modules, 3.06 mm at 15 cm).
        Assert.Equal(QrErrorCorrectionLevel.H, symbol.ErrorCorrectionLevel);
        Assert.Equal(8, symbol.Version);
        Assert.Equal(49, symbol.Modules);
        Assert.Equal(2.5, QrPrintOptions.VenuePoster.MinimumModuleMillimetres);
        Assert.True(symbol.ModuleMillimetres >= 2.5);
        Assert.InRange(symbol.PrintedCentimetres, 15, 15 * 1.25);
        Assert.False(symbol.Utf8Eci);
    }

    [Fact]
    public void Encode_LongPayloadOnACard_LowerLevelChosen()
    {
        var payload = string.Concat(Enumerable.Repeat("079301000456|NGUYEN VAN AN|", 10));
        var high = QrSymbol.Encode(payload[..20], QrPrintOptions.PersonalCard).Value;
        var low = QrSymbol.Encode(payload, QrPrintOptions.PersonalCard).Value;
        Assert.Equal(QrErrorCorrectionLevel.H, high.ErrorCorrectionLevel);
        Assert.True(low.ErrorCorrectionLevel < QrErrorCorrectionLevel.H);
        Assert.True(low.ModuleMillimetres >= QrPrintOptions.PersonalCard.MinimumModuleMillimetres);
    }

    [Fact]
    public void Encode_ForcedLevel_Used()
    {
        var symbol = QrSymbol.Encode(VenueUrl, QrPrintOptions.VenuePoster with { ErrorCorrection = QrErrorCorrectionLevel.L }).Value;
        Assert.Equal(QrErrorCorrectionLevel.L, symbol.ErrorCorrectionLevel);
        Assert.Equal(4, symbol.Version);
    }

    [Fact]
    public void Encode_ModulesTooSmallForTheDistance_Refused()
    {
        var payload = new string('A', 800);
        var result = QrSymbol.Encode(payload, QrPrintOptions.PersonalCard);
        Assert.Equal(QrErrorCodes.QrPrint.ModuleTooSmall, result.Error.Code);
        // Closer scanning allows it.
        Assert.True(QrSymbol.Encode(payload, QrPrintOptions.PersonalCard with { ScanDistanceMetres = 0.15, SymbolCentimetres = 6 }).Success);
    }

    [Fact]
    public void Encode_TooLongForAnyVersion_PayloadTooLong() =>
        Assert.Equal(CoreErrorCodes.Payload.TooLong, QrSymbol.Encode(new string('x', 3000), QrPrintOptions.VenuePoster with { SymbolCentimetres = 100 }).Error.Code);

    [Fact]
    public void Encode_Empty_PayloadEmpty() =>
        Assert.Equal(CoreErrorCodes.Payload.Empty, QrSymbol.Encode(string.Empty).Error.Code);

    [Fact]
    public void Encode_ResolutionTooLowForWholeDotModules_Refused()
    {
        var options = QrPrintOptions.PersonalCard with { DotsPerInch = 72, ScanDistanceMetres = 0.1 };
        Assert.Equal(QrErrorCodes.QrPrint.ResolutionTooLow, QrSymbol.Encode(new string('7', 300), options).Error.Code);
    }

    [Theory]
    [InlineData(0.1, 300, 1.0, 4, "QrPrintOptions.SymbolCentimetres")]
    [InlineData(15, 50, 1.0, 4, "QrPrintOptions.DotsPerInch")]
    [InlineData(15, 300, 0, 4, "QrPrintOptions.ScanDistanceMetres")]
    [InlineData(15, 300, 1.0, 2, "QrPrintOptions.QuietZoneModules")]
    public void Encode_OptionOutOfRange_CodedException(double centimetres, int dpi, double distance, int quietZone, string code)
    {
        var exception = Assert.Throws<InvalidOptionsException>(() => QrSymbol.Encode("x", new QrPrintOptions
        {
            SymbolCentimetres = centimetres, DotsPerInch = dpi, ScanDistanceMetres = distance, QuietZoneModules = quietZone,
        }));
        Assert.Equal(code, Assert.Single(exception.Errors).Code);
        Assert.Contains(new QrPrintOptions { ErrorCorrection = (QrErrorCorrectionLevel)9 }.Validate(), e => e.Code == QrErrorCodes.PrintOptions.ErrorCorrection);
        Assert.Equal(QrErrorCodes.ImageOptions.MaxPixels, Assert.Single(new CheckIn.Qr.Imaging.ImageReadOptions { MaxPixels = 0 }.Validate()).Code);
        Assert.Empty(QrPrintOptions.VenuePoster.Validate());
    }

    [Fact]
    public void ToPng_RecordsDpi_HasQuietZone_DecodesBack()
    {
        var symbol = QrSymbol.Encode(VenueUrl, QrPrintOptions.VenuePoster with { DotsPerInch = 150 }).Value;
        var png = symbol.ToPng();
        Assert.Equal(150, PngWriter.ReadDotsPerInch(png)!.Value, 1);
        var image = ImageReader.Read(png).Value;
        Assert.Equal((symbol.Modules + 8) * symbol.ModulePixels, image.Width);
        // The quiet zone is white all around.
        for (var i = 0; i < image.Width; i++)
        {
            Assert.Equal(255, image[i, (4 * symbol.ModulePixels) - 1]);
            Assert.Equal(255, image[(4 * symbol.ModulePixels) - 1, i]);
        }

        var code = Assert.Single(new ManagedQrReader().Read(image));
        Assert.Equal(VenueUrl, code.Text);
        Assert.Equal(symbol.Version, code.Version);
        Assert.Equal(symbol.ErrorCorrectionLevel, code.ErrorCorrectionLevel);
    }

    [Fact]
    public void Encode_Vietnamese_Utf8WithEci_DecodesBack()
    {
        const string Text = "Chợ Đông Ba, 2 Trần Hưng Đạo, Phường Phú Hòa, Thành phố Huế";
        var symbol = QrSymbol.Encode(Text, QrPrintOptions.VenuePoster with { DotsPerInch = 100 }).Value;
        Assert.True(symbol.Utf8Eci);
        var code = Assert.Single(new ManagedQrReader().Read(symbol.ToImage()));
        Assert.Equal(Text, code.Text);
        Assert.Equal(new[] { 26 }, code.EciDesignators.Items.ToArray());
    }

    [Fact]
    public void ToSvg_SizedInMillimetres_SameModulesAsThePng()
    {
        var symbol = QrSymbol.Encode(VenueUrl).Value;
        var svg = XDocument.Parse(symbol.ToSvg()).Root!;
        var side = (symbol.Modules + 8) * symbol.ModuleMillimetres;
        Assert.Equal(side, double.Parse(((string)svg.Attribute("width")!).TrimEnd('m'), System.Globalization.CultureInfo.InvariantCulture), 2);

        // Rasterize the path's runs and compare with the module grid.
        var path = (string)svg.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!;
        var dark = new bool[symbol.Modules, symbol.Modules];
        foreach (var run in path.Split('M', StringSplitOptions.RemoveEmptyEntries))
        {
            var numbers = run.Replace("h", " ", StringComparison.Ordinal).Replace("v", " ", StringComparison.Ordinal).TrimEnd('z')
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var (x, y, length) = ((int)numbers[0] - 4, (int)numbers[1] - 4, (int)numbers[2]);
            for (var i = 0; i < length; i++)
            {
                dark[x + i, y] = true;
            }
        }

        for (var y = 0; y < symbol.Modules; y++)
        {
            for (var x = 0; x < symbol.Modules; x++)
            {
                Assert.Equal(symbol.IsDark(x, y), dark[x, y]);
            }
        }
    }

    [Fact]
    public void Renders_DecodedByZbarimg()
    {
        ZbarImg.Require();
        string[] texts = [VenueUrl, "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024", "HTTPS://CHECKIN.EXAMPLE.VN/C/CEAADGI56Y2VPYX4KYXACYJOYKAPMDV"];
        var images = texts.Select(t => QrSymbol.Encode(t, QrPrintOptions.PersonalCard with { DotsPerInch = 150 }).Value.ToImage()).ToList();
        var decoded = ZbarImg.Decode(images);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(texts[i], Assert.Single(decoded[i]));
        }
    }
}
