using System.Text.Json;

namespace CheckIn.Cli.Tests;

public sealed class PayloadCommandTests : IDisposable
{
    private const string Card = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-cli-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Read_ValidCard_PrintsMaskedJsonExitsZero()
    {
        var result = CliRunner.Run("payload", "read", Card);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("CitizenCard", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("079*******56", json.RootElement.GetProperty("fields").GetProperty("idNumber").GetString());
        Assert.DoesNotContain("079301000456", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị B", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Reveal_PrintsFullValues()
    {
        var result = CliRunner.Run("payload", "read", Card, "--reveal");
        using var json = JsonDocument.Parse(result.Output);
        var fields = json.RootElement.GetProperty("fields");
        Assert.Equal("079301000456", fields.GetProperty("idNumber").GetString());
        Assert.Equal("Trần Thị B", fields.GetProperty("fullName").GetString());
    }

    [Fact]
    public void Read_File_SameAsArgument()
    {
        var path = Path.Combine(_directory.FullName, "scan.txt");
        File.WriteAllText(path, Card + "\r\n");
        var result = CliRunner.Run("payload", "read", "--file", path);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("TrailingLineBreak", json.RootElement.GetProperty("quirks")[0].GetString());
    }

    [Theory]
    [InlineData("en", "The date of birth is not a valid ddMMyyyy date")]
    [InlineData("vi", "Ngày sinh không phải ngày hợp lệ")]
    public void Read_Invalid_PrintsCodeFieldPositionExitsOne(string language, string message)
    {
        var result = CliRunner.Run("payload", "read", "001090123456|012345678|A|31021990|Nam|X|15042021", "--lang", language);
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.StartsWith("CitizenCard.DateOfBirth  field 3  position 25", result.Output, StringComparison.Ordinal);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoInput_UsageError()
    {
        var result = CliRunner.Run("payload", "read");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public void KeygenMakeRead_SignedVenue_VerifiesWithPublicKey()
    {
        var key = Path.Combine(_directory.FullName, "signing.pem");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("payload", "keygen", "--out", key).ExitCode);
        var made = CliRunner.Run("payload", "make", "venue", "--key", key, "--key-id", "7", "--province", "46", "--kind", "Market",
            "--subject-key", "0123456789abcdef", "--issued-at", "2021-09-15T00:00:00Z", "--base-url", "https://qr.hue.vn/c/");
        Assert.Equal(ExitCodes.Success, made.ExitCode);
        var url = made.Output.Trim();
        Assert.StartsWith("HTTPS://QR.HUE.VN/C/", url, StringComparison.Ordinal);

        var read = CliRunner.Run("payload", "read", url, "--verify-key", Path.Combine(_directory.FullName, "signing.pub.pem"), "--key-id", "7");
        Assert.Equal(ExitCodes.Success, read.ExitCode);
        using var json = JsonDocument.Parse(read.Output);
        var fields = json.RootElement.GetProperty("fields");
        Assert.Equal("SignedVenue", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("Valid", fields.GetProperty("signature").GetString());
        Assert.Equal("0123456789abcdef", fields.GetProperty("subjectKey").GetString());
        Assert.Equal("46", fields.GetProperty("provinceCode").GetString());

        var wrongKeyId = CliRunner.Run("payload", "read", url, "--verify-key", Path.Combine(_directory.FullName, "signing.pub.pem"), "--key-id", "8");
        Assert.Equal(ExitCodes.Invalid, wrongKeyId.ExitCode);
        Assert.StartsWith("SignedPayload.UnknownKey", wrongKeyId.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Make_Personal_ReadsBackAsSignedPerson()
    {
        var key = Path.Combine(_directory.FullName, "k.pem");
        CliRunner.Run("payload", "keygen", "--out", key);
        var made = CliRunner.Run("payload", "make", "personal", "--key", key);
        Assert.Equal(ExitCodes.Success, made.ExitCode);
        using var json = JsonDocument.Parse(CliRunner.Run("payload", "read", made.Output.Trim()).Output);
        Assert.Equal("SignedPerson", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("NotVerified", json.RootElement.GetProperty("fields").GetProperty("signature").GetString());
    }

    [Fact]
    public void Keygen_ExistingFile_Refused()
    {
        var key = Path.Combine(_directory.FullName, "k.pem");
        File.WriteAllText(key, "existing");
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("payload", "keygen", "--out", key).ExitCode);
        Assert.Equal("existing", File.ReadAllText(key));
    }

    [Theory]
    [InlineData("--subject-key", "xyz")]
    [InlineData("--issued-at", "yesterday")]
    [InlineData("--base-url", "ftp://x/")]
    public void Make_BadOption_UsageError(string option, string value)
    {
        var key = Path.Combine(_directory.FullName, "k.pem");
        CliRunner.Run("payload", "keygen", "--out", key);
        var result = CliRunner.Run("payload", "make", "venue", "--key", key, option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void Make_UnknownSubject_UsageError() =>
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("payload", "make", "shop", "--key", "x.pem").ExitCode);
}
