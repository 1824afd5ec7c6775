using System.Text;
using CheckIn.Qr.Tests.Support;

namespace CheckIn.Qr.Tests;

/// <summary>Codes made by an independent encoder (libqrencode's command-line tool) decode with the managed reader.</summary>
public sealed class QrencodeInteropTests
{
    private static readonly ManagedQrReader Reader = new();

    [Theory]
    [InlineData("L", 1, "01234567")]
    [InlineData("M", 2, "HELLO WORLD 123")]
    [InlineData("Q", 6, "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("H", 7, "079301000456|025123456|TRAN THI B|15062001|Nu|56 Duong C, Can Tho|04102024")]
    [InlineData("M", 10, "mixed 0123456789 NUMERIC AND ALPHA and lower case")]
    [InlineData("L", 22, "version twenty-two")]
    [InlineData("H", 40, "version forty")]
    public void Qrencode_LevelsAndVersions_Decode(string level, int version, string text)
    {
        var code = Assert.Single(Read(["-l", level, "-v", version.ToString(System.Globalization.CultureInfo.InvariantCulture)], Encoding.ASCII.GetBytes(text)));
        Assert.Equal(text, code.Text);
        Assert.Equal(version, code.Version);
        Assert.Equal(level, code.ErrorCorrectionLevel.ToString());
    }

    [Fact]
    public void Qrencode_Utf8WithoutEci_DecodesAsUtf8()
    {
        const string Text = "Nguyễn Văn An, Phường Phú Hội, Thành phố Huế";
        var code = Assert.Single(Read(["-8"], Encoding.UTF8.GetBytes(Text)));
        Assert.Equal(Text, code.Text);
        Assert.Empty(code.EciDesignators);
    }

    [Fact]
    public void Qrencode_KanjiMode_DecodesShiftJis()
    {
        const string Text = "日本語テスト";
        var shiftJis = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes(Text);
        var code = Assert.Single(Read(["-k"], shiftJis));
        Assert.Equal(Text, code.Text);
    }

    [Fact]
    public void Qrencode_StructuredAppend_ReportedAndJoined()
    {
        ExternalTool.Require("qrencode", "qrencode");
        const string Text = "This message is split over several version 1 symbols by structured append: 0123456789.";
        var folder = Directory.CreateTempSubdirectory("checkin-qrencode-");
        try
        {
            var (exit, _) = ExternalTool.Run("qrencode", ["-S", "-v", "1", "-l", "L", "-o", Path.Combine(folder.FullName, "part.png"), Text]);
            Assert.Equal(0, exit);
            var codes = Directory.GetFiles(folder.FullName, "*.png").Order(StringComparer.Ordinal)
                .Select(file => Assert.Single(Reader.ReadFile(File.ReadAllBytes(file)).Value))
                .ToList();
            Assert.True(codes.Count > 1);
            Assert.All(codes, c => Assert.Equal(codes.Count, c.StructuredAppend!.Value.Count));
            Assert.Equal(Enumerable.Range(0, codes.Count), codes.Select(c => c.StructuredAppend!.Value.Index));
            Assert.Single(codes.Select(c => c.StructuredAppend!.Value.Parity).Distinct());

            // Shuffled parts join back in order.
            var joined = QrStructuredAppend.Join([.. codes.AsEnumerable().Reverse()]);
            Assert.Equal(Text, joined.Value);
            Assert.Equal(QrErrorCodes.Qr.StructuredAppendIncomplete, QrStructuredAppend.Join(codes.Skip(1).ToList()).Error.Code);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<QrCode> Read(string[] options, byte[] input)
    {
        ExternalTool.Require("qrencode", "qrencode");
        var file = Path.Combine(Path.GetTempPath(), $"checkin-qrencode-{Guid.NewGuid():N}.png");
        try
        {
            var (exit, _) = ExternalTool.Run("qrencode", ["-o", file, "-t", "PNG", "-s", "3", .. options], input);
            Assert.Equal(0, exit);
            var result = Reader.ReadFile(File.ReadAllBytes(file));
            Assert.True(result.Success, result.Success ? null : result.Error.Code);
            return result.Value;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
