using System.Text.Json;

namespace CheckIn.Cli.Tests;

/// <summary><c>checkin payload read "HC1:…"</c> on a published EU test code (Austria, ES256), with its signer certificate.</summary>
public sealed class DccReadCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-cli-dcc-");

    public void Dispose() => _directory.Delete(recursive: true);

    private static (string Hc1, string Certificate, string Clock) Sample(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dcc", name)));
        var root = json.RootElement;
        return (root.GetProperty("hc1").GetString()!, root.GetProperty("certificate").GetString()!, root.GetProperty("validationClock").GetString()!);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Pem(string base64) =>
        "-----BEGIN CERTIFICATE-----\n" + string.Join('\n', base64.Chunk(64).Select(c => new string(c))) + "\n-----END CERTIFICATE-----\n";

    [Fact]
    public void TrustCertAndAt_VerifiedValid_ExitsZeroWithMaskedFields()
    {
        var (hc1, certificate, clock) = Sample("AT-1.json");
        var pem = Write("at-dsc.pem", Pem(certificate));

        var result = CliRunner.Run("payload", "read", hc1, "--trust-cert", pem, "--at", clock);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("DigitalCovidCertificate", json.RootElement.GetProperty("kind").GetString());
        var fields = json.RootElement.GetProperty("fields");
        Assert.Equal("Valid", fields.GetProperty("signature").GetString());
        Assert.Equal("Vaccination", fields.GetProperty("type").GetString());
        Assert.Equal("1998", fields.GetProperty("dateOfBirth").GetString());
        Assert.DoesNotContain("MUSTERFRAU", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1998-02-26", result.Output, StringComparison.Ordinal);

        // Base64 DER in a file works the same.
        Assert.Equal(ExitCodes.Success, CliRunner.Run("payload", "read", hc1, "--trust-cert", Write("at-dsc.b64", certificate), "--at", clock).ExitCode);
    }

    [Fact]
    public void GatewayTrustList_Verifies()
    {
        var (hc1, certificate, clock) = Sample("AT-1.json");
        var list = Write("dsc-list.json", JsonSerializer.Serialize(new[] { new { country = "AT", certificateType = "DSC", rawData = certificate } }));
        Assert.Equal(ExitCodes.Success, CliRunner.Run("payload", "read", hc1, "--trust-list", list, "--at", clock).ExitCode);
    }

    [Fact]
    public void NotValidAtTheInstant_OrUntrusted_OrUnverified_NeverExitsZero()
    {
        var (hc1, certificate, clock) = Sample("AT-1.json");
        var pem = Write("at-dsc.pem", Pem(certificate));

        // Now: the signer's certificate itself ended in May 2023.
        var now = CliRunner.Run("payload", "read", hc1, "--trust-cert", pem, "--lang", "en");
        Assert.Equal(ExitCodes.Invalid, now.ExitCode);
        Assert.StartsWith("Dcc.CertificateExpired", now.Output, StringComparison.Ordinal);

        // In January 2022 the certificate was valid, but the code had expired (November 2021).
        var expired = CliRunner.Run("payload", "read", hc1, "--trust-cert", pem, "--at", "2022-01-15T08:00:00+07:00");
        Assert.Equal(ExitCodes.Invalid, expired.ExitCode);
        Assert.StartsWith("Dcc.Expired", expired.Output, StringComparison.Ordinal);

        // Another country's certificate does not vouch for it.
        var other = Write("ch-dsc.pem", Pem(Sample("CH-1.json").Certificate));
        var untrusted = CliRunner.Run("payload", "read", hc1, "--trust-cert", other, "--at", clock);
        Assert.Equal(ExitCodes.Invalid, untrusted.ExitCode);
        Assert.StartsWith("Dcc.UnknownKey", untrusted.Output, StringComparison.Ordinal);

        // Decoded without any certificate: printed, but with the not-verified exit code.
        var unverified = CliRunner.Run("payload", "read", hc1, "--at", clock);
        Assert.Equal(ExitCodes.NotVerified, unverified.ExitCode);
        Assert.Contains("NotVerified", unverified.Output, StringComparison.Ordinal);
        Assert.Contains("not verified", unverified.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PublishedQrImage_ThenRead_Verifies()
    {
        // The QR image the same test data publishes for this code (2DCODE), decoded by CheckIn's own reader.
        var (hc1, certificate, clock) = Sample("AT-1.json");
        var image = Path.Combine(AppContext.BaseDirectory, "Dcc", "AT-1.png");
        var decoded = CliRunner.Run("decode", image, "--reveal");
        Assert.Equal(ExitCodes.Success, decoded.ExitCode);
        Assert.Equal(hc1, decoded.Output.Trim());

        // Masked by default: the Base45 text of a code that does not read now is shown only by its last characters.
        var masked = CliRunner.Run("decode", image);
        Assert.DoesNotContain(hc1[4..40], masked.Output, StringComparison.Ordinal);

        var read = CliRunner.Run("payload", "read", decoded.Output.Trim(), "--trust-cert", Write("at.b64", certificate), "--at", clock);
        Assert.Equal(ExitCodes.Success, read.ExitCode);
    }

    [Fact]
    public void Decode_PhotoOfThePassport_Jpeg_Rotated_ReadsTheSameText()
    {
        // The published QR image as a phone would photograph it: smaller in a larger, greyer frame, turned 8°, JPEG at 75.
        var (hc1, _, _) = Sample("AT-1.json");
        using var code = SkiaSharp.SKBitmap.Decode(Path.Combine(AppContext.BaseDirectory, "Dcc", "AT-1.png"));
        using var photo = new SkiaSharp.SKBitmap(1280, 960);
        using (var canvas = new SkiaSharp.SKCanvas(photo))
        {
            canvas.Clear(new SkiaSharp.SKColor(188, 184, 176));
            canvas.Translate(640, 480);
            canvas.RotateDegrees(8);
            canvas.Scale(1.8f);
            using var image = SkiaSharp.SKImage.FromBitmap(code);
            canvas.DrawImage(image, -code.Width / 2f, -code.Height / 2f, new SkiaSharp.SKSamplingOptions(SkiaSharp.SKFilterMode.Linear));
        }

        var path = Path.Combine(_directory.FullName, "passport.jpg");
        using (var image = SkiaSharp.SKImage.FromBitmap(photo))
        using (var jpeg = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 75))
        using (var file = File.Create(path))
        {
            jpeg.SaveTo(file);
        }

        var decoded = CliRunner.Run("decode", path, "--reveal");
        Assert.Equal(ExitCodes.Success, decoded.ExitCode);
        Assert.Equal(hc1, decoded.Output.Trim());
    }

    [Fact]
    public void BadOptions_UsageOrKeyErrors()
    {
        var (hc1, _, _) = Sample("AT-1.json");
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("payload", "read", hc1, "--at", "yesterday").ExitCode);
        var broken = CliRunner.Run("payload", "read", hc1, "--trust-cert", Write("broken.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        Assert.NotEqual(ExitCodes.Success, broken.ExitCode);
        Assert.Contains("DccTrustList.Certificate", broken.Error + broken.Output, StringComparison.Ordinal);
    }
}
