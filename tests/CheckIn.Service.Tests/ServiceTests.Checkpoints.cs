using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Places;
using CheckIn.Declarations;
using CheckIn.Declarations.Tests;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Service.Tests;

/// <summary>The checkpoint's endpoints: pass decisions recorded at the checkpoint, the passport screen, venue compliance.</summary>
public abstract partial class ServiceTests
{
    private const string Card = "079090001234||Nguyễn Văn An|17051990|Nam|Huế|01012021";

    /// <summary>A Vietnamese document signer the service is configured to trust (valid for years around now).</summary>
    private static readonly DccIssuer PassportIssuer = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256,
        SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(365), SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(3650));

    private static string Passport(Instant now) => PassportIssuer.Issue(new DigitalCovidCertificate("1.3.0", new DccName("Nguyễn", "NGUYEN", "Văn An", "VAN<AN"),
        new DccDateOfBirth(1990, 5, 17), new DccVaccination("840539006", "J07BX03", "EU/1/21/1529", "ORG-100001699", 2, 2, VietnamTime(now).PlusDays(-60), "VN",
            "Ministry of Health of Viet Nam", "URN:UVCI:01:VN:BYT/T1")), "VN", now - Duration.FromDays(30), now + Duration.FromDays(300));

    private static LocalDate VietnamTime(Instant at) => CheckIn.Core.VietnamTime.DateAt(at);

    private HttpRequestMessage Staff(HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", ApiKey);
        return request;
    }

    [Fact]
    public async Task PassCheck_VerifiedPassportAndDeclaration_Passes_RecordedAtTheCheckpoint()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var venue = await _client.PostAsync("/venues", Json(DeclarationJson.Write(DeclarationSamples.Venue with { VenueKind = VenueKind.Checkpoint, Name = "Chốt Phú Bài" })));
        var checkpoint = (await venue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var body = new
        {
            scans = new[] { Card, Passport(now) },
            declarations = new[] { new { at = InstantPattern.ExtendedIso.Format(now - Duration.FromHours(2)), symptoms = false, exposure = false } },
            checkpointId = checkpoint,
        };

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsJsonAsync("/passes/check", body)).StatusCode);
        var response = await _client.SendAsync(Staff(HttpMethod.Post, "/passes/check", body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decision = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pass", decision.GetProperty("outcome").GetString());
        Assert.StartsWith("ĐƯỢC QUA", decision.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(decision.GetProperty("basis").EnumerateArray(), b => b.GetProperty("type").GetString() == "Vaccination" && b.GetProperty("source").GetString() == "Certificate" && b.GetProperty("verified").GetBoolean());
        Assert.True(decision.GetProperty("recorded").GetInt64() > 0);
        Assert.DoesNotContain("Nguyễn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The audit says what the decision rested on.
        var audit = await (await _client.SendAsync(Staff(HttpMethod.Get, "/audit"))).Content.ReadAsStringAsync();
        Assert.Contains("Pass at " + checkpoint, audit, StringComparison.Ordinal);
        Assert.Contains("Vaccination/Certificate/verified", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassCheck_NoDeclaration_Refused_InEnglishWhenAsked()
    {
        var request = Staff(HttpMethod.Post, "/passes/check", new { scans = new[] { Card }, vaccinations = new[] { new { date = "2021-10-01", dose = 2, series = 2 } } });
        request.Headers.Add("Accept-Language", "en");
        var decision = await (await _client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Refuse", decision.GetProperty("outcome").GetString());
        Assert.Equal("REFUSED: No health declaration", decision.GetProperty("summary").GetString());

        var bad = await _client.SendAsync(Staff(HttpMethod.Post, "/passes/check", new { scans = new[] { "HC1:AB~D" } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["Dcc.Base45"], Codes(await bad.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task PassPolicy_FromSettings_AndOutOfRangeStopsTheService()
    {
        // A province that does not require a declaration: the same request passes.
        using var lenient = _factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("CheckIn:DataDirectory", Path.Combine(_data, "lenient"));
            web.UseSetting("Service:Pass:RequireDeclaration", "false");
        });
        using var client = lenient.CreateClient();
        var request = Staff(HttpMethod.Post, "/passes/check", new { scans = new[] { Card }, vaccinations = new[] { new { date = "2021-10-01", dose = 2, series = 2 } } });
        var decision = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pass", decision.GetProperty("outcome").GetString());

        using var broken = _factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("CheckIn:DataDirectory", Path.Combine(_data, "broken"));
            web.UseSetting("Service:Pass:PcrValidityHours", "0");
        });
        var failure = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        var options = failure as CheckIn.Core.InvalidOptionsException ?? failure.InnerException as CheckIn.Core.InvalidOptionsException;
        Assert.NotNull(options);
        Assert.Equal("PassPolicy.PcrValidity", Assert.Single(options.Errors).Code);
    }

    [Fact]
    public async Task PassportScreen_VerifiedLinesMasked()
    {
        var response = await _client.SendAsync(Staff(HttpMethod.Post, "/passes/dcc", new { text = Passport(SystemClock.Instance.GetCurrentInstant()) }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(lines.EnumerateArray(), l => l.GetProperty("label").GetString() == "Chữ ký" && l.GetProperty("value").GetString() == "Đã xác minh (VN)");
        Assert.DoesNotContain("Nguyễn", lines.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VenueCompliance_FromTheLog_WithSafetyChecks()
    {
        var venue = await RegisterVenue();
        var id = venue.GetProperty("id").GetString()!;
        var code = venue.GetProperty("code").GetString()!;
        var today = VietnamTime(SystemClock.Instance.GetCurrentInstant());

        // Six days of visitors checking in by app (the log's history), then two days with nobody.
        for (var d = 8; d >= 3; d--)
        {
            for (var i = 0; i < 12; i++)
            {
                var at = CheckIn.Core.VietnamTime.Zone.AtStrictly(today.PlusDays(-d).At(new LocalTime(10, i))).ToInstant();
                var checkIn = new { direction = "app", code, visitor = new { kind = "phone", id = "09123456" + (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) }, at = InstantPattern.ExtendedIso.Format(at) };
                var recorded = await _client.PostAsJsonAsync("/checkins", checkIn);
                Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
            }
        }

        var safety = DeclarationSamples.Safety with { VenueId = id, Date = today.PlusDays(-1) };
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/declarations/" + DeclarationJson.NameOf(DocumentKind.SafetyCheck), Json(DeclarationJson.Write(safety)))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/venues/compliance")).StatusCode);
        var json = await _client.SendAsync(Staff(HttpMethod.Get, $"/venues/compliance?from={today.PlusDays(-8):yyyy-MM-dd}&days=9"));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var row = Assert.Single((await json.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(id, row.GetProperty("venue").GetString());
        Assert.Equal(1.0, row.GetProperty("appShare").GetDouble());
        Assert.NotEqual("Safe", row.GetProperty("status").GetString());
        Assert.Contains(row.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "Safety.ItemsFailed");

        var csv = await (await _client.SendAsync(Staff(HttpMethod.Get, $"/venues/compliance?from={today.PlusDays(-8):yyyy-MM-dd}&days=9&format=csv"))).Content.ReadAsStringAsync();
        Assert.StartsWith(CheckIn.Compliance.SafetyMap.CsvHeader, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.SendAsync(Staff(HttpMethod.Get, "/venues/compliance?days=999"))).StatusCode);
    }
}
