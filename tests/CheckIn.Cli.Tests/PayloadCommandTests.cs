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
        Assert.Equal("**********56", json.RootElement.GetProperty("fields").GetProperty("idNumber").GetString());
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
        Assert.Equal("2", fields.GetProperty("formatVersion").GetString());

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
        var read = CliRunner.Run("payload", "read", made.Output.Trim());
        using var json = JsonDocument.Parse(read.Output);
        Assert.Equal("SignedPerson", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("NotVerified", json.RootElement.GetProperty("fields").GetProperty("signature").GetString());
        // Read without keys: a distinct exit code, never the 0 of a verified code.
        Assert.Equal(ExitCodes.NotVerified, read.ExitCode);
        Assert.Contains("not verified", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrustListAndTrustedHosts_VerifyAndPin()
    {
        var key = Path.Combine(_directory.FullName, "ring.pem");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("payload", "keygen", "--out", key, "--key-id", "3").ExitCode);
        var trust = Path.Combine(_directory.FullName, "ring.trust.json");
        Assert.True(File.Exists(trust));
        var url = CliRunner.Run("payload", "make", "venue", "--key", key, "--key-id", "3", "--serial", "41", "--base-url", "https://qr.hue.vn/c/").Output.Trim();

        var verified = CliRunner.Run("payload", "read", url, "--trust-list", trust, "--trusted-host", "qr.hue.vn");
        Assert.Equal(ExitCodes.Success, verified.ExitCode);
        using (var json = JsonDocument.Parse(verified.Output))
        {
            Assert.Equal("Valid", json.RootElement.GetProperty("fields").GetProperty("signature").GetString());
            Assert.Equal("41", json.RootElement.GetProperty("fields").GetProperty("serial").GetString());
        }

        var pinned = CliRunner.Run("payload", "read", url, "--trust-list", trust, "--trusted-host", "checkin.example.vn");
        Assert.Equal(ExitCodes.Invalid, pinned.ExitCode);
        Assert.StartsWith("SignedPayload.WrongHost", pinned.Output, StringComparison.Ordinal);

        var moved = CliRunner.Run("payload", "read", "HTTPS://EVIL.EXAMPLE.VN/C/" + url["HTTPS://QR.HUE.VN/C/".Length..], "--trust-list", trust);
        Assert.StartsWith("SignedPayload.WrongHost", moved.Output, StringComparison.Ordinal);

        // The trust list revokes the code by its serial.
        File.WriteAllText(trust, File.ReadAllText(trust).Replace("\"revoked_codes\": []", "\"revoked_codes\": [{\"kid\": \"3\", \"serial\": 41}]", StringComparison.Ordinal));
        var revoked = CliRunner.Run("payload", "read", url, "--trust-list", trust);
        Assert.Equal(ExitCodes.Invalid, revoked.ExitCode);
        Assert.StartsWith("SignedPayload.Revoked", revoked.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TrustList_Broken_CodedKeyError()
    {
        var trust = Path.Combine(_directory.FullName, "broken.trust.json");
        File.WriteAllText(trust, "{\"keys\": [{\"kty\": \"EC\", \"crv\": \"P-256\", \"kid\": \"1\", \"d\": \"secret\"}]}");
        var result = CliRunner.Run("payload", "read", "HTTPS://X.VN/C/AAAA", "--trust-list", trust);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("Cli.KeyInvalid", result.Error, StringComparison.Ordinal);
        Assert.Contains("TrustList.PrivateKey", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
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
    [InlineData("--base-url", "http://x.vn/c/")]
    [InlineData("--expires-at", "2000-01-01T00:00:00Z")]
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

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    /// <summary>Regression: a missing key file, a garbage PEM or a public key given to sign with ended in a stack trace.</summary>
    [Theory]
    [InlineData("missing", "Cli.FileMissing")]
    [InlineData("garbage", "Cli.KeyInvalid")]
    [InlineData("public", "Cli.KeyInvalid")]
    [InlineData("rsa", "Cli.KeyInvalid")]
    [InlineData("p384", "Cli.KeyInvalid")]
    [InlineData("folder", "Cli.FileUnreadable")]
    public void Make_BadKeyFile_CodedErrorNoStackTrace(string which, string code)
    {
        var key = PathOf("sign.pem");
        switch (which)
        {
            case "garbage": File.WriteAllText(key, "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n"); break;
            case "public":
                CliRunner.Run("payload", "keygen", "--out", PathOf("real.pem"));
                File.Copy(PathOf("real.pub.pem"), key);
                break;
            case "rsa":
                using (var rsa = System.Security.Cryptography.RSA.Create(2048))
                {
                    File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
                }

                break;
            case "p384":
                using (var ec = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384))
                {
                    File.WriteAllText(key, ec.ExportPkcs8PrivateKeyPem());
                }

                break;
            case "folder": Directory.CreateDirectory(key); break;
        }

        var result = CliRunner.Run("payload", "make", "venue", "--key", key);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith(code + "  ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("missing", "Cli.FileMissing")]
    [InlineData("garbage", "Cli.KeyInvalid")]
    public void Read_BadVerifyKey_CodedError(string which, string code)
    {
        var key = PathOf("verify.pub.pem");
        if (which == "garbage")
        {
            File.WriteAllText(key, "hello");
        }

        var result = CliRunner.Run("payload", "read", Card, "--verify-key", key);
        Assert.Equal((ExitCodes.Usage, code), (result.ExitCode, result.Error.Split("  ")[0]));
    }

    [Fact]
    public void Read_MissingFile_CodedError()
    {
        var result = CliRunner.Run("payload", "read", "--file", PathOf("nothing.txt"));
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("Cli.FileMissing  nothing.txt", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Regression: the private key was written with the process's default mode (often readable by everyone).</summary>
    [Fact]
    public void Keygen_PrivateKeyOwnerOnly_PublicKeyReadable()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes; Windows keeps the folder's ACL.
        }

        var key = PathOf("owner.pem");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("payload", "keygen", "--out", key).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.True(File.GetUnixFileMode(PathOf("owner.pub.pem")).HasFlag(UnixFileMode.OtherRead));
        Assert.Contains("BEGIN PRIVATE KEY", File.ReadAllText(key), StringComparison.Ordinal);
    }

    [Fact]
    public void Keygen_ExistingPublicKey_RefusedNothingWritten()
    {
        var key = PathOf("pair.pem");
        File.WriteAllText(PathOf("pair.pub.pem"), "someone else's");
        var result = CliRunner.Run("payload", "keygen", "--out", key);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("Cli.KeyExists  pair.pub.pem", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(key));
        Assert.Equal("someone else's", File.ReadAllText(PathOf("pair.pub.pem")));
    }
}
