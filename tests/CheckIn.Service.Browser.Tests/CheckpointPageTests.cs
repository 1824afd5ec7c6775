using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Testing;
using Microsoft.Playwright;
using NodaTime;

namespace CheckIn.Service.Browser.Tests;

/// <summary>
/// The checkpoint page in a real browser (Debian's Chromium, Playwright, the service on 127.0.0.1): staff paste a chip ID
/// card and a vaccine passport the service's trust list verifies, enter the declaration, and see the decision with the
/// passport's masked lines; recorded at the checkpoint; in English after the switch; refused without the declaration.
/// </summary>
public sealed class CheckpointPageTests : IAsyncLifetime
{
    private const string ApiKey = "checkpoint-test-staff-key-0123";
    private const string Card = "079090001234||Nguyễn Văn An|17051990|Nam|Huế|01012021";
    private readonly string _data = Directory.CreateTempSubdirectory("checkin-checkpoint-").FullName;
    private readonly string _artifacts = RepositoryRoot.Combine("artifacts", "browser");
    private readonly List<string> _pageErrors = [];
    private DccIssuer _issuer = null!;
    private BrowserHost _host = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_artifacts);
        var now = SystemClock.Instance.GetCurrentInstant();
        _issuer = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.PS256, now - Duration.FromDays(365), now + Duration.FromDays(3650));
        var pem = Path.Combine(_data, "dsc.pem");
        await File.WriteAllTextAsync(pem, _issuer.TrustedCertificate.Certificate.ExportCertificatePem());
        _host = await BrowserHost.StartAsync(new Dictionary<string, string>
        {
            ["CheckIn:DataDirectory"] = Path.Combine(_data, "service"),
            ["Service:ApiKeys:0"] = ApiKey,
            ["Service:DccTrustList"] = pem,
        });
        _browser = _host.Browser;
        _baseUrl = _host.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _issuer.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task StaffCheckATraveller_PassportVerified_DecisionShownAndRecorded()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var today = CheckIn.Core.VietnamTime.DateAt(now);
        var passport = _issuer.Issue(new DigitalCovidCertificate("1.3.0", new DccName("Nguyễn", "NGUYEN", "Văn An", "VAN<AN"), new DccDateOfBirth(1990, 5, 17),
            new DccVaccination("840539006", "J07BX03", "EU/1/21/1529", "ORG-100001699", 2, 2, today.PlusDays(-60), "VN", "Ministry of Health of Viet Nam", "URN:UVCI:01:VN:BYT/P1")),
            "VN", now - Duration.FromDays(30), now + Duration.FromDays(300));

        // A checkpoint venue, registered through the API as its district would.
        using var client = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        var registration = CheckIn.Declarations.DeclarationJson.Write(new CheckIn.Declarations.VenueRegistration
        {
            RegisteredAt = now,
            Name = "Chốt Phú Bài",
            VenueKind = CheckIn.Core.Places.VenueKind.Checkpoint,
            Address = new CheckIn.Declarations.Address { ProvinceCode = 1, CommuneCode = 4, Street = "Quốc lộ 1A" },
            RegistrantName = "Lê Văn Cường",
            RegistrantPhone = "0987654321",
        });
        var created = await client.PostAsync("/venues", new StringContent(registration, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var checkpointId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _baseUrl, ViewportSize = new ViewportSize { Width = 1000, Height = 1400 }, Locale = "vi-VN" });
        page.SetDefaultTimeout(90_000);
        page.PageError += (_, error) => _pageErrors.Add(error);
        try
        {
            await page.GotoAsync("/checkpoint.html");
            Assert.Equal("Chốt kiểm soát", await page.TextContentAsync("h1"));
            await page.FillAsync("#key", ApiKey);
            await page.WaitForFunctionAsync($"document.querySelector('#checkpoint option[value=\"{checkpointId}\"]') !== null");
            await page.FillAsync("#scans", Card + "\n" + passport);

            // No declaration yet: refused, and nothing recorded without a checkpoint chosen.
            await page.ClickAsync("#decide");
            await page.WaitForSelectorAsync("#outcome[data-outcome=Refuse]");
            Assert.StartsWith("KHÔNG ĐƯỢC QUA: Chưa khai báo y tế", await page.TextContentAsync("#outcome"), StringComparison.Ordinal);

            // With the declaration, at the checkpoint: passes, recorded, the passport verified and masked.
            var declared = now - Duration.FromHours(1);
            var local = declared.InZone(CheckIn.Core.VietnamTime.Zone).LocalDateTime;
            await page.FillAsync("#declared", local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#checkpoint", checkpointId);
            await page.ClickAsync("#decide");
            await page.WaitForSelectorAsync("#outcome[data-outcome=Pass]");
            Assert.StartsWith("ĐƯỢC QUA: Đã kiểm tra danh tính; Đã tiêm đủ liều và qua đủ thời gian", await page.TextContentAsync("#outcome"), StringComparison.Ordinal);
            Assert.StartsWith("Đã ghi nhận vào chốt, số", await page.TextContentAsync("#recorded"), StringComparison.Ordinal);
            var lines = await page.InnerTextAsync("#passports");
            Assert.Contains("Đã xác minh (VN)", lines, StringComparison.Ordinal);
            Assert.Contains("Vaxzevria (AstraZeneca)", lines, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn Văn An", await page.ContentAsync(), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, "checkpoint-pass.png"), FullPage = true });

            // In English: the labels switch; a new check (without recording) words the decision in English.
            await page.ClickAsync("#lang");
            Assert.Equal("Checkpoint", await page.TextContentAsync("h1"));
            await page.SelectOptionAsync("#checkpoint", string.Empty);
            await page.ClickAsync("#decide");
            await page.WaitForFunctionAsync("document.getElementById('outcome').textContent.startsWith('PASS')");
            Assert.Contains("Verified (VN)", await page.InnerTextAsync("#passports"), StringComparison.Ordinal);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, "failed-checkpoint.png"), FullPage = true });
            throw;
        }

        Assert.Empty(_pageErrors);
    }
}
