using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Declarations;
using CheckIn.Declarations.Tests;
using Microsoft.AspNetCore.Mvc.Testing;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Service.Tests;

/// <summary>
/// The service over HTTP, in process, with a data folder of its own and its event log on a real store: every test runs
/// on SQLite (<see cref="SqliteServiceTests"/>) and on PostgreSQL (<see cref="PostgresServiceTests"/>).
/// </summary>
public abstract partial class ServiceTests : IDisposable
{
    private const string ApiKey = "test-staff-key-0123456789";
    private readonly string _data = Directory.CreateTempSubdirectory("checkin-service-").FullName;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    /// <summary>Starts the service.</summary>
    /// <param name="postgres">The PostgreSQL database to keep the event log in, or null for the embedded SQLite file.</param>
    protected ServiceTests(string? postgres)
    {
        Postgres = postgres;

        // The checkpoint's trust list: the document signer certificate the tests' vaccine passports are signed with.
        File.WriteAllText(Path.Combine(_data, "dsc.pem"), PassportIssuer.TrustedCertificate.Certificate.ExportCertificatePem());
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            UseStore(web);
            web.UseSetting("CheckIn:DataDirectory", _data);
            web.UseSetting("Service:DccTrustList", Path.Combine(_data, "dsc.pem"));
            web.UseSetting("Service:ApiKeys:0", ApiKey);
            web.UseSetting("Service:MaxRequestBodyBytes", "16384");
        });
        _client = _factory.CreateClient();
    }

    /// <summary>The PostgreSQL database of the event log, or null on SQLite.</summary>
    protected string? Postgres { get; }

    /// <summary>Points a host at the test's store.</summary>
    private void UseStore(Microsoft.AspNetCore.Hosting.IWebHostBuilder web)
    {
        if (Postgres is not null)
        {
            web.UseSetting("CheckIn:Store", "postgresql");
            web.UseSetting("ConnectionStrings:CheckIn", Postgres);
        }
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _client.Dispose();
        _factory.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> RegisterVenue()
    {
        var response = await _client.PostAsync("/venues", Json(DeclarationJson.Write(DeclarationSamples.Venue)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string[] Codes(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    [Fact]
    public async Task RegisterVenue_SignedCodeOnItsHost_PosterAsPngAndSvg()
    {
        var venue = await RegisterVenue();
        var code = venue.GetProperty("code").GetString()!;
        var read = PayloadReader.Read(code);
        var signed = Assert.IsType<SignedVenuePayload>(read.Value);
        Assert.Equal("checkin.example.vn", new Uri(signed.BaseUrl).Host);
        Assert.Equal(venue.GetProperty("venueKey").GetString(), Tracing.Visits.ScanInterpreter.VenueKeyOf(signed));

        var png = await _client.GetByteArrayAsync(venue.GetProperty("posterPng").GetString());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.StartsWith("<svg", (await _client.GetStringAsync(venue.GetProperty("posterSvg").GetString())).TrimStart()[..200].Split('\n').First(l => l.Contains("<svg", StringComparison.Ordinal)).TrimStart(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/venues/nope/poster.png")).StatusCode);
    }

    [Fact]
    public async Task RegisterVenue_Invalid_ProblemDetailsWithEveryCode_InTheCallersLanguage()
    {
        var bad = DeclarationSamples.Venue with { Name = " ", RegistrantPhone = "12" };
        using var english = new HttpRequestMessage(HttpMethod.Post, "/venues") { Content = Json(DeclarationJson.Write(bad)) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await _client.SendAsync(english);
        Assert.Equal(HttpStatusCode.BadRequest, inEnglish.StatusCode);
        Assert.Equal("application/problem+json", inEnglish.Content.Headers.ContentType!.MediaType);
        var problem = await inEnglish.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(Codes(problem).Length >= 2, problem.ToString());
        var inVietnamese = await (await _client.PostAsync("/venues", Json(DeclarationJson.Write(bad)))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Codes(problem), Codes(inVietnamese));
        Assert.NotEqual(problem.GetProperty("errors")[0].GetProperty("message").GetString(), inVietnamese.GetProperty("errors")[0].GetProperty("message").GetString());

        var malformed = await _client.PostAsync("/venues", Json("{\"kind\": \"venue-registration\", "));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.NotEmpty(Codes(await malformed.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task AppCheckIn_Idempotent_MovedOrForgedCodesRefused()
    {
        var venue = await RegisterVenue();
        var code = venue.GetProperty("code").GetString()!;
        var at = InstantPattern.ExtendedIso.Format(SystemClock.Instance.GetCurrentInstant());
        object Request(string scanned, string requestId) => new { direction = "app", code = scanned, visitor = new { kind = "phone", id = "0912345678" }, @event = "in", at, requestId };

        var first = await _client.PostAsJsonAsync("/checkins", Request(code, "r-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await _client.PostAsJsonAsync("/checkins", Request(code, "r-1"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());

        // The same body on another host, and a body with one character changed.
        var moved = code.Replace("CHECKIN.EXAMPLE.VN", "EVIL.EXAMPLE.COM", StringComparison.Ordinal);
        var movedResponse = await _client.PostAsJsonAsync("/checkins", Request(moved, "r-2"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, movedResponse.StatusCode);
        var forged = code[..^3] + (code[^3] == 'A' ? 'B' : 'A') + code[^2..];
        var forgedResponse = await _client.PostAsJsonAsync("/checkins", Request(forged, "r-3"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forgedResponse.StatusCode);
        Assert.All([movedResponse, forgedResponse], r => Assert.NotEmpty(Codes(r.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult())));

        var reused = await _client.PostAsJsonAsync("/checkins", new { direction = "app", code, visitor = new { kind = "phone", id = "0999999999" }, @event = "in", at, requestId = "r-1" });
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);

        // A request id makes a retry a no-op only if the retry is the same request: the scan's time is then required.
        var untimed = await _client.PostAsJsonAsync("/checkins", new { direction = "app", code, visitor = new { kind = "phone", id = "0912345678" }, @event = "in", requestId = "r-9" });
        Assert.Equal(["Service.At"], Codes(await untimed.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task CheckIn_IsLoggedInTheConfiguredStore()
    {
        var venue = await RegisterVenue();
        var card = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||";
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsJsonAsync("/checkins", new { direction = "staff", venueId = venue.GetProperty("id").GetString(), code = card, @event = "in" })).StatusCode);

        if (Postgres is null)
        {
            Assert.True(File.Exists(Path.Combine(_data, "checkin.db")));
            return;
        }

        Assert.False(File.Exists(Path.Combine(_data, "checkin.db")), "the SQLite log was made although the store is PostgreSQL");
        await using var connection = new Npgsql.NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM checkin.log_events", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task StaffCheckIn_ChipCard_MaskedCodeRefused_UnknownVenue404()
    {
        var venue = await RegisterVenue();
        var id = venue.GetProperty("id").GetString()!;
        var card = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||";
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsJsonAsync("/checkins", new { direction = "staff", venueId = id, code = card, @event = "in" })).StatusCode);
        var masked = await _client.PostAsJsonAsync("/checkins", new { direction = "staff", venueId = id, code = "******123456|NGUYEN VAN A|1990-**-**|1|QID8F3K2M9X|1<GD4877*******<0943******", @event = "in" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, masked.StatusCode);
        Assert.Equal(["Scan.MaskedCode"], Codes(await masked.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsJsonAsync("/checkins", new { direction = "staff", venueId = "nope", code = card })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _client.PostAsJsonAsync("/checkins", new { direction = "staff", venueId = id, code = "hello" })).StatusCode);
    }

    [Fact]
    public async Task OversizedBody_413_UnknownDeclarationKind_404()
    {
        var huge = await _client.PostAsync("/declarations/domestic", Json("{\"x\":\"" + new string('a', 40_000) + "\"}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/declarations/horoscope", Json("{}"))).StatusCode);
    }

    [Fact]
    public async Task Trace_NeedsAKey_FindsTheContactWithWhomToCall_AuditedAndPublished()
    {
        var venue = await RegisterVenue();
        var code = venue.GetProperty("code").GetString()!;
        var id = venue.GetProperty("id").GetString()!;
        var at = SystemClock.Instance.GetCurrentInstant() - Duration.FromHours(3);
        string Iso(Instant i) => InstantPattern.ExtendedIso.Format(i);

        // An declared a phone; An checks in by app; the case (a chip card) is scanned by staff at the same time.
        var declaration = DeclarationSamples.Domestic with { DeclaredAt = at - Duration.FromDays(1), Address = DeclarationSamples.HanoiReform };
        var declared = await _client.PostAsync("/declarations/domestic", Json(DeclarationJson.Write(declaration)));
        Assert.True(declared.StatusCode == HttpStatusCode.Created, await declared.Content.ReadAsStringAsync());
        foreach (var scan in new object[]
        {
            new { direction = "app", code, visitor = new { kind = "phone", id = "0912345678" }, @event = "in", at = Iso(at) },
            new { direction = "staff", venueId = id, code = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||", @event = "in", at = Iso(at + Duration.FromMinutes(5)) },
            new { direction = "app", code, visitor = new { kind = "phone", id = "0912345678" }, @event = "out", at = Iso(at + Duration.FromMinutes(40)) },
        })
        {
            var recorded = await _client.PostAsJsonAsync("/checkins", scan);
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        }

        // A scan from before the recorder's horizon is refused, not silently dropped.
        var late = await _client.PostAsJsonAsync("/checkins", new { direction = "app", code, visitor = new { kind = "phone", id = "0977000111" }, @event = "in", at = Iso(at) });
        Assert.Equal(["Visit.TooLate"], Codes(await late.Content.ReadFromJsonAsync<JsonElement>()));

        var body = new { cases = new[] { new { person = "cccd:079301000456", from = Iso(at - Duration.FromDays(1)), until = Iso(at + Duration.FromHours(2)) } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsJsonAsync("/traces", body)).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/traces") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", ApiKey);
        var traced = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, traced.StatusCode);
        var tracedBody = await traced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(tracedBody.GetProperty("contacts").GetArrayLength() == 1, tracedBody.ToString());
        var contact = tracedBody.GetProperty("contacts")[0];
        Assert.Equal((1, "NGUYỄN VĂN AN", "0912345678"), (contact.GetProperty("level").GetInt32(), contact.GetProperty("name").GetString(), contact.GetProperty("phone").GetString()));

        using var audit = new HttpRequestMessage(HttpMethod.Get, "/audit");
        audit.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        var log = await (await _client.SendAsync(audit)).Content.ReadFromJsonAsync<JsonElement>();
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal("trace", entry.GetProperty("action").GetString());
        Assert.DoesNotContain("NGUY", entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, entry.GetProperty("actor").GetString(), StringComparison.Ordinal);

        // The notices are published, signed; a device matches its own visit against them.
        var package = await _client.GetByteArrayAsync("/notices");
        Assert.True(package.Length > 0);
        var matches = await (await _client.PostAsJsonAsync("/exposures/match", new { visits = new[] { new { venue = venue.GetProperty("venueKey").GetString(), checkIn = Iso(at), checkOut = Iso(at + Duration.FromHours(1)) } } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(matches.EnumerateArray());
    }

    [Fact]
    public async Task Declaration_Invalid_400WithCodes_OpenApiAndHealthServed()
    {
        var bad = DeclarationSamples.Domestic with { DocumentNumber = "12", Phone = "abc" };
        var response = await _client.PostAsync("/declarations/domestic", Json(DeclarationJson.Write(bad)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Codes(await response.Content.ReadFromJsonAsync<JsonElement>()).Length >= 2);
        var openApi = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/checkins", openApi, StringComparison.Ordinal);
        Assert.Contains("/traces", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/scalar/v1")).StatusCode);
    }
}
