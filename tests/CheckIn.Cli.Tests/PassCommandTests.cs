using System.Text.Json;
using CheckIn.Core.Payloads.Dcc;
using NodaTime;

namespace CheckIn.Cli.Tests;

public sealed class PassCommandTests : IDisposable
{
    private const string Card = "079090001234||Nguyễn Văn An|17051990|Nam|Huế|01012021";
    private const string At = "2021-12-15T10:00:00+07:00";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-cli-pass-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void CardVaccinatedAndDeclared_Passes()
    {
        var result = CliRunner.Run("pass", "check", "--scan", Card, "--vaccinated", "2021-10-01:2/2", "--declared", "2021-12-15T07:00:00+07:00", "--at", At);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("ĐƯỢC QUA: Đã kiểm tra danh tính; Đã tiêm đủ liều và qua đủ thời gian; Đã khai báo y tế trong thời hạn", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDeclaration_Refused_UnlessThePolicyDropsIt()
    {
        var refused = CliRunner.Run("pass", "check", "--scan", Card, "--vaccinated", "2021-10-01:2/2", "--at", At, "--lang", "en");
        Assert.Equal(ExitCodes.PassRefused, refused.ExitCode);
        Assert.StartsWith("REFUSED: No health declaration", refused.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("pass", "check", "--scan", Card, "--vaccinated", "2021-10-01:2/2", "--at", At, "--no-declaration-required").ExitCode);
    }

    [Fact]
    public void PositiveTest_Referred()
    {
        var result = CliRunner.Run("pass", "check", "--scan", Card, "--vaccinated", "2021-10-01:2/2", "--test", "rapid:positive:2021-12-15T08:00:00+07:00",
            "--declared", "2021-12-15T07:00:00+07:00", "--at", At);
        Assert.Equal(ExitCodes.PassReferred, result.ExitCode);
        Assert.StartsWith("CHUYỂN TỔ Y TẾ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VaccinePassport_CountsOnlyWhenVerified_AndJsonHasNoPersonalData()
    {
        var now = Instant.FromUtc(2021, 12, 15, 3, 0);
        using var issuer = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, now - Duration.FromDays(90), now + Duration.FromDays(365));
        var hc1 = issuer.Issue(new DigitalCovidCertificate("1.3.0", new DccName("Nguyễn", "NGUYEN", "Văn An", "VAN<AN"), new DccDateOfBirth(1990, 5, 17),
            new DccVaccination("840539006", "J07BX03", "EU/1/21/1529", "ORG-100001699", 2, 2, new LocalDate(2021, 10, 1), "VN", "Ministry of Health of Viet Nam", "URN:UVCI:01:VN:X/1")),
            "VN", now - Duration.FromDays(30), now + Duration.FromDays(300));
        var pem = Path.Combine(_directory.FullName, "vn-dsc.pem");
        File.WriteAllText(pem, issuer.TrustedCertificate.Certificate.ExportCertificatePem());

        var verified = CliRunner.Run("pass", "check", "--scan", Card, "--scan", hc1, "--trust-cert", pem, "--declared", "2021-12-15T07:00:00+07:00", "--at", At, "--json");
        Assert.Equal(ExitCodes.Success, verified.ExitCode);
        using (var json = JsonDocument.Parse(verified.Output))
        {
            Assert.Equal("Pass", json.RootElement.GetProperty("outcome").GetString());
            Assert.Contains(json.RootElement.GetProperty("basis").EnumerateArray(), b => b.GetProperty("type").GetString() == "Vaccination" && b.GetProperty("source").GetString() == "Certificate");
        }

        Assert.DoesNotContain("Nguyễn", verified.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1990", verified.Output, StringComparison.Ordinal);

        var unverified = CliRunner.Run("pass", "check", "--scan", Card, "--scan", hc1, "--declared", "2021-12-15T07:00:00+07:00", "--at", At);
        Assert.Equal(ExitCodes.PassRefused, unverified.ExitCode);
        Assert.Contains("Chưa được xác minh, không được tính", unverified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_UsageOrInvalid()
    {
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("pass", "check", "--vaccinated", "2021-10-01").ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("pass", "check", "--test", "pcr:maybe:2021-12-15T08:00:00Z").ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("pass", "check", "--test-hours", "0").ExitCode);
        var unreadable = CliRunner.Run("pass", "check", "--scan", "HC1:AB~D");
        Assert.Equal(ExitCodes.Invalid, unreadable.ExitCode);
        Assert.StartsWith("Dcc.Base45", unreadable.Output, StringComparison.Ordinal);
    }
}
