using System.Text;
using CheckIn.Core;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Printing;
using CheckIn.Qr.Tests.Support;
using CheckIn.Qr.ZXing;

namespace CheckIn.Qr.Tests.ZXing;

/// <summary>ZXing.Net through CheckIn.Qr.ZXing: an independent decoder of everything CheckIn prints.</summary>
public sealed class ZXingQrReaderTests
{
    private const string VenueUrl = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";
    private static readonly ZXingQrReader Reader = new();

    public static TheoryData<string, string> Printed => new()
    {
        { "poster", VenueUrl },
        { "poster", "HTTPS://CHECKIN.EXAMPLE.VN/C/CEAADGI56Y2VPYX4KYXACYJOYKAPMDVQ2Z3SK5NGE4UZ7XQ" },
        { "poster-a3", "https://qr.hue.vn/venue/" + new string('7', 120) },
        { "card", "079301000456|025123456|Trần Thị Bích Ngọc|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024" },
        { "card", "001090123456|NGUYEN VAN A|1990-01-01|0|QID8F3K2M9X|" },
        { "symbol", "HS4010120878811|4e677579e1bb856e2056c4836e20416e|15/08/2008|1|-|46 - 123|01/01/2024|-|15/12/2023|12340120878811|-|4|-|$" },
    };

    [Theory]
    [MemberData(nameof(Printed))]
    public void EveryPosterAndCard_DecodesWithZXing(string layout, string payload)
    {
        var (png, symbol) = layout switch
        {
            "poster" or "poster-a3" => QrDocument.VenuePoster(payload, new VenuePosterContent { VenueName = "Chợ Đông Ba", Address = "2 Trần Hưng Đạo, Huế" },
                QrPrintOptions.VenuePoster with { DotsPerInch = 100, SymbolCentimetres = layout == "poster" ? 15 : 20 }).Value is var p ? (p.ToPng(), p.Symbol) : default,
            "card" => QrDocument.PersonalCard(payload, new PersonalCardContent { HolderName = "Trần Thị Bích Ngọc", DocumentNumber = "**********56" }, QrPrintOptions.PersonalCard with { DotsPerInch = 300 }).Value is var c ? (c.ToPng(), c.Symbol) : default,
            _ => QrSymbol.Encode(payload, QrPrintOptions.PersonalCard with { DotsPerInch = 200 }).Value is var s ? (s.ToPng(), s) : default,
        };
        var image = ImageReader.Read(png).Value;
        var code = Assert.Single(Reader.Read(image));
        Assert.Equal(payload, code.Text);
        Assert.Equal(symbol!.Version, code.Version);
        Assert.Equal(symbol.ErrorCorrectionLevel, code.ErrorCorrectionLevel);
        var ours = Assert.Single(new ManagedQrReader().Read(image));
        Assert.Equal(ours.DataCodewords, code.DataCodewords);
        for (var i = 0; i < 4; i++)
        {
            // Corners from ZXing's finder centres agree with CheckIn's to about a module.
            Assert.InRange(Math.Abs(ours.Corners[i].X - code.Corners[i].X), 0, 2.5 * symbol.ModulePixels);
            Assert.InRange(Math.Abs(ours.Corners[i].Y - code.Corners[i].Y), 0, 2.5 * symbol.ModulePixels);
        }
    }

    [Theory]
    [InlineData("ｶﾀｶﾅ ﾃｽﾄ")]
    [InlineData("受付 チェックイン")]
    public void ShiftJisWithoutEci_BothReadersAgree(string text)
    {
        using var data = QrImages.EncodeBytes(CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes(text));
        var image = QrImages.Render(data, 5);
        Assert.Equal(text, Assert.Single(Reader.Read(image)).Text);
        Assert.Equal(text, Assert.Single(new ManagedQrReader().Read(image)).Text);
    }

    [Fact]
    public void LatinOneWordsWithoutEci_StayLatinOne()
    {
        using var data = QrImages.EncodeBytes(Encoding.Latin1.GetBytes("CAFÉ ÀÉ"));
        Assert.Equal("CAFÉ ÀÉ", Assert.Single(new ManagedQrReader().Read(QrImages.Render(data, 5))).Text);
    }

    [Fact]
    public void SeveralCodesAndStructuredAppend()
    {
        var canvas = LuminanceImage.White(900, 400);
        using var first = QrImages.Encode("https://tokhaiyte.vn/?page=Group.checkin&groupId=000000000000000000000001");
        using var second = QrImages.Encode("001090123456|NGUYEN VAN A|1990-01-01|0|QID8F3K2M9X|");
        QrImages.Place(canvas, QrImages.Render(first, 4), QrImages.Rotated(220, 200, 300, 0));
        QrImages.Place(canvas, QrImages.Render(second, 4), QrImages.Rotated(670, 200, 300, 30));
        Assert.Equal(2, Reader.Read(canvas).Count);
    }

    [Fact]
    public void NoCode_Empty_AndLargeImagesReduced()
    {
        Assert.Empty(Reader.Read(LuminanceImage.White(300, 200)));
        var big = LuminanceImage.White(4000, 3000);
        using var data = QrImages.Encode(VenueUrl);
        QrImages.Place(big, QrImages.Render(data, 24), QrImages.Rotated(2000, 1500, 1400, 0));
        var code = Assert.Single(new ZXingQrReader(new ZXingQrReaderOptions { MaxPixels = 1_000_000 }).Read(big));
        Assert.Equal(VenueUrl, code.Text);
        Assert.InRange(code.Center.X, 1900, 2100);
    }

    [Fact]
    public void Options_OutOfRange_CodedException()
    {
        var exception = Assert.Throws<InvalidOptionsException>(() => new ZXingQrReader(new ZXingQrReaderOptions { MaxPixels = 5 }));
        Assert.Equal(QrErrorCodes.ZXingOptions.MaxPixels, Assert.Single(exception.Errors).Code);
        Assert.Equal("options", exception.ParamName);
    }

    [Fact]
    public void Cancelled_BeforeStart_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() => Reader.Read(LuminanceImage.White(10, 10), cancellation.Token));
    }
}
