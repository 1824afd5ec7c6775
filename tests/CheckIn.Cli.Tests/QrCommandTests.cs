using System.Text.Json;
using CheckIn.Qr;
using CheckIn.Qr.Imaging;

namespace CheckIn.Cli.Tests;

public sealed class QrCommandTests : IDisposable
{
    private const string VenueUrl = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";
    private const string CitizenCard = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("checkin-cli-qr-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    [Fact]
    public void Render_VenuePosterPng_ThenDecode_PrintsTheText()
    {
        var render = CliRunner.Run("qr", "render", "--payload", VenueUrl, "--preset", "venue", "--name", "Chợ Đông Ba", "--dpi", "120", "--out", PathOf("poster.png"));
        Assert.Equal(0, render.ExitCode);
        Assert.Contains("version 8-H", render.Output, StringComparison.Ordinal);
        Assert.Equal(120, PngWriter.ReadDotsPerInch(File.ReadAllBytes(PathOf("poster.png")))!.Value, 1);

        var decode = CliRunner.Run("decode", PathOf("poster.png"));
        Assert.Equal(0, decode.ExitCode);
        Assert.Equal(VenueUrl + Environment.NewLine, decode.Output);
    }

    [Fact]
    public void Render_VenuePosterSvg_HasTheNameAndSize()
    {
        var render = CliRunner.Run("qr", "render", "--payload", VenueUrl, "--name", "Chợ Đông Ba", "--address", "2 Trần Hưng Đạo", "--out", PathOf("poster.svg"));
        Assert.Equal(0, render.ExitCode);
        var svg = File.ReadAllText(PathOf("poster.svg"));
        Assert.Contains("width=\"210mm\"", svg, StringComparison.Ordinal);
        Assert.Contains("Chợ Đông Ba", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Card_TakesNameFromPayload_PrintsNothingPersonal()
    {
        var render = CliRunner.Run("qr", "render", "--payload", CitizenCard, "--preset", "card", "--out", PathOf("card.svg"));
        Assert.Equal(0, render.ExitCode);
        var svg = File.ReadAllText(PathOf("card.svg"));
        Assert.Contains("T*** T** B", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("079301000456", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("079301000456", render.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BareCode_ForcedLevel()
    {
        var render = CliRunner.Run("qr", "render", "--payload", VenueUrl, "--preset", "code", "--level", "L", "--out", PathOf("code.png"));
        Assert.Equal(0, render.ExitCode);
        Assert.Contains("version 4-L", render.Output, StringComparison.Ordinal);
        var code = Assert.Single(new ManagedQrReader().ReadFile(File.ReadAllBytes(PathOf("code.png"))).Value);
        Assert.Equal(QrErrorCorrectionLevel.L, code.ErrorCorrectionLevel);
    }

    [Fact]
    public void Render_TooSmallForTheDistance_ExitsOneWithTheCode()
    {
        var render = CliRunner.Run("qr", "render", "--payload", new string('A', 900), "--preset", "code", "--size-cm", "5", "--out", PathOf("x.png"));
        Assert.Equal(1, render.ExitCode);
        Assert.StartsWith("QrPrint.ModuleTooSmall", render.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.png")));
    }

    [Theory]
    [InlineData("--out", "poster.jpg")]
    [InlineData("--dpi", "10")]
    public void Render_BadOptions_ExitTwo(string option, string value)
    {
        string[] args = ["qr", "render", "--payload", VenueUrl, "--out", PathOf("poster.png"), option, option == "--out" ? PathOf(value) : value];
        Assert.Equal(2, CliRunner.Run(args).ExitCode);
    }

    [Fact]
    public void Decode_PersonalCode_MaskedUnlessRevealed()
    {
        Assert.Equal(0, CliRunner.Run("qr", "render", "--payload", CitizenCard, "--preset", "code", "--size-cm", "6", "--distance-m", "0.3", "--out", PathOf("person.png")).ExitCode);
        var masked = CliRunner.Run("decode", PathOf("person.png"));
        Assert.Equal(0, masked.ExitCode);
        Assert.DoesNotContain("079301000456", masked.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị B", masked.Output, StringComparison.Ordinal);
        Assert.Equal(CitizenCard + Environment.NewLine, CliRunner.Run("decode", PathOf("person.png"), "--reveal").Output);
    }

    [Fact]
    public void Decode_Json_HasKindAndFields()
    {
        Assert.Equal(0, CliRunner.Run("qr", "render", "--payload", VenueUrl, "--preset", "code", "--out", PathOf("code.png")).ExitCode);
        var result = CliRunner.Run("decode", PathOf("code.png"), "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var code = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(VenueUrl, code.GetProperty("text").GetString());
        Assert.Equal("TokhaiyteVenue", code.GetProperty("payload").GetProperty("kind").GetString());
        Assert.Equal(4, code.GetProperty("corners").GetArrayLength());
        Assert.Equal(8, code.GetProperty("version").GetInt32());
    }

    [Fact]
    public void Decode_NoCode_ExitThreeAndNothingPrinted()
    {
        File.WriteAllBytes(PathOf("blank.png"), PngWriter.Write(LuminanceImage.White(200, 100)));
        var result = CliRunner.Run("decode", PathOf("blank.png"));
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Decode_JpegPhotoOfAPoster_PrintsTheText()
    {
        Assert.Equal(0, CliRunner.Run("qr", "render", "--payload", VenueUrl, "--preset", "venue", "--name", "Chợ Đông Ba", "--dpi", "150", "--out", PathOf("poster.png")).ExitCode);
        using (var bitmap = SkiaSharp.SKBitmap.Decode(PathOf("poster.png")))
        using (var image = SkiaSharp.SKImage.FromBitmap(bitmap))
        using (var jpeg = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 70))
        {
            File.WriteAllBytes(PathOf("photo.jpg"), jpeg.ToArray());
        }

        var decode = CliRunner.Run("decode", PathOf("photo.jpg"));
        Assert.Equal(0, decode.ExitCode);
        Assert.Equal(VenueUrl + Environment.NewLine, decode.Output);
        Assert.Equal(VenueUrl + Environment.NewLine, CliRunner.Run("decode", PathOf("photo.jpg"), "--reader", "zxing").Output);
    }

    [Fact]
    public void Decode_NotAnImage_CodedErrorExitOne()
    {
        File.WriteAllText(PathOf("notes.txt"), "not an image");
        var result = CliRunner.Run("decode", PathOf("notes.txt"), "--lang", "en");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("SkiaImage.Unreadable  ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MissingFile_ExitTwo()
    {
        var result = CliRunner.Run("decode", PathOf("nothing.png"));
        Assert.Equal((2, "Cli.FileMissing  nothing.png: no such file."), (result.ExitCode, result.Error.TrimEnd()));
    }
}
