using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Qr.Printing;
using Microsoft.AspNetCore.Mvc.Testing;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Service.Tests;

/// <summary>The endpoints behind the pages: the web check-in page, the desk's camera, paper logs, follow-ups, places.</summary>
public abstract partial class ServiceTests
{
    private const string ChipCard = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||";

    private static string Now(int minutes = 0) => InstantPattern.ExtendedIso.Format(SystemClock.Instance.GetCurrentInstant() + Duration.FromMinutes(minutes));

    private static string BodyOf(JsonElement venue)
    {
        var code = venue.GetProperty("code").GetString()!;
        return code[(code.LastIndexOf('/') + 1)..];
    }

    [Fact]
    public async Task WebCheckInPage_ServedForTheCodesUrl_ChecksTheCode_ForgedRefused()
    {
        var venue = await RegisterVenue();
        var body = BodyOf(venue);
        foreach (var prefix in new[] { "/c/", "/C/" })
        {
            var page = await _client.GetAsync(prefix + body);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("id=\"venue-name\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var checkedCode = await _client.GetFromJsonAsync<JsonElement>("/web/venue-code/" + body);
        Assert.Equal(venue.GetProperty("name").GetString(), checkedCode.GetProperty("name").GetString());

        var forged = body[..^3] + (body[^3] == 'A' ? 'B' : 'A') + body[^2..];
        var refused = await _client.GetAsync("/web/venue-code/" + forged);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.StartsWith("SignedPayload.", Assert.Single(Codes(await refused.Content.ReadFromJsonAsync<JsonElement>())), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _client.GetAsync("/web/venue-code/NOT-A-BODY")).StatusCode);
        var forgedCheckIn = await _client.PostAsJsonAsync("/web/checkins", new { body = forged, phone = "0912345678", name = "Nguyễn Văn An" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forgedCheckIn.StatusCode);
    }

    [Fact]
    public async Task WebCheckIn_ByPhoneAndName_Or1405Code_Idempotent_BadInputCoded()
    {
        var body = BodyOf(await RegisterVenue());
        var at = Now();
        var byPhone = await _client.PostAsJsonAsync("/web/checkins", new { body, phone = "0912 345 678", name = "Nguyễn Văn An", @event = "in", at, requestId = "w-1" });
        Assert.Equal(HttpStatusCode.Created, byPhone.StatusCode);
        var receipt = await byPhone.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("phone 091*****78", receipt.GetProperty("shown").GetString());
        var retry = await _client.PostAsJsonAsync("/web/checkins", new { body, phone = "0912 345 678", name = "Nguyễn Văn An", @event = "in", at, requestId = "w-1" });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(receipt.GetProperty("sequence").GetInt64(), (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sequence").GetInt64());

        var byCode = await _client.PostAsJsonAsync("/web/checkins", new { body, personCode = "001090123456|NGUYEN VAN A|1990-01-01|0|QID8F3K2M9X|", @event = "in" });
        Assert.Equal(HttpStatusCode.Created, byCode.StatusCode);
        Assert.Equal("cccd **********56", (await byCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("shown").GetString());

        async Task<string[]> Refused(object request, HttpStatusCode status)
        {
            var response = await _client.PostAsJsonAsync("/web/checkins", request);
            Assert.Equal(status, response.StatusCode);
            return Codes(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        Assert.Equal(["Scan.MaskedCode"], await Refused(new { body, personCode = "******123456|NGUYEN VAN A|1990-**-**|1|QID8F3K2M9X|1<GD4877*******<0943******" }, HttpStatusCode.UnprocessableEntity));
        Assert.Equal(["Service.Phone"], await Refused(new { body, phone = "12345", name = "An" }, HttpStatusCode.BadRequest));
        Assert.Equal(["Service.Name"], await Refused(new { body, phone = "0912345678", name = " " }, HttpStatusCode.BadRequest));
        Assert.Equal(["Service.At"], await Refused(new { body, phone = "0912345678", name = "An", requestId = "w-2" }, HttpStatusCode.BadRequest));
        Assert.Equal(["Service.At"], await Refused(new { body, phone = "0912345678", name = "An", at = "yesterday" }, HttpStatusCode.BadRequest));
        Assert.Equal(["Service.Event"], await Refused(new { body, phone = "0912345678", name = "An", @event = "exit" }, HttpStatusCode.BadRequest));
        var malformed = await _client.PostAsync("/web/checkins", Json("{\"body\": "));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Scan_DecodesAFrame_ShowsPersonalCodesMasked_JunkAndOversizedRefused()
    {
        var venue = await RegisterVenue();
        Assert.True(QrSymbol.Encode(ChipCard).TryGetValue(out var card));
        Assert.True(QrSymbol.Encode(venue.GetProperty("code").GetString()!).TryGetValue(out var venueCode));

        var person = Assert.Single(await Scan(card.ToPng()));
        Assert.Equal(("person", ChipCard), (person.GetProperty("kind").GetString(), person.GetProperty("text").GetString()));
        Assert.DoesNotContain("079301000456", person.GetProperty("shown").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị B", person.GetProperty("shown").GetString(), StringComparison.Ordinal);
        Assert.Equal("venue", Assert.Single(await Scan(venueCode.ToPng())).GetProperty("kind").GetString());

        // Larger than a JSON request may be (16 KiB here), well under the image limit: a blank frame has no code.
        var blank = new CheckIn.Qr.Imaging.LuminanceImage(400, 300, Enumerable.Repeat((byte)255, 400 * 300).ToArray());
        Assert.Empty(await Scan([.. System.Text.Encoding.ASCII.GetBytes("P5\n400 300\n255\n"), .. blank.Pixels]));

        var junk = await _client.PostAsync("/scan", new ByteArrayContent([1, 2, 3, 4, 5, 6, 7, 8]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, junk.StatusCode);
        Assert.StartsWith("Image.", Assert.Single(Codes(await junk.Content.ReadFromJsonAsync<JsonElement>())), StringComparison.Ordinal);
        var huge = await _client.PostAsync("/scan", new ByteArrayContent(new byte[(2 * 1024 * 1024) + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    private async Task<JsonElement[]> Scan(byte[] image)
    {
        var response = await _client.PostAsync("/scan", new ByteArrayContent(image));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    [Fact]
    public async Task PaperLog_MatchedByPhoneAndName_OrByDocument_Idempotent_Invalid400_UnknownVenue404()
    {
        var venue = await RegisterVenue();
        var id = venue.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsJsonAsync("/web/checkins", new { body = BodyOf(venue), phone = "0912345678", name = "Nguyễn Văn An" })).StatusCode);

        object Entry(string name, string? phone = null, string? document = null, string venueId = "") =>
            new { kind = "paper-log", venueId = venueId.Length > 0 ? venueId : id, fullName = name, phone, documentNumber = document, checkIn = Now(-5), checkOut = Now(-1), writtenBy = "Nguyễn Thị Lan" };

        var typed = Entry("Nguyen Van An", "0912 345 678");
        var matched = await _client.PostAsJsonAsync("/paper-logs?requestId=slip-1", typed);
        Assert.Equal(HttpStatusCode.Created, matched.StatusCode);
        var view = await matched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Phone", view.GetProperty("match").GetString());
        Assert.Equal(["in", "out"], view.GetProperty("receipts").EnumerateArray().Select(r => r.GetProperty("event").GetString()));
        Assert.DoesNotContain("Nguyen Van An", view.GetRawText(), StringComparison.Ordinal);

        var again = await _client.PostAsJsonAsync("/paper-logs?requestId=slip-1", typed);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.All((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipts").EnumerateArray(), r => Assert.True(r.GetProperty("repeated").GetBoolean()));

        var stranger = await (await _client.PostAsJsonAsync("/paper-logs", Entry("Lê Thị Hoa", "0987 000 111"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unmatched", stranger.GetProperty("match").GetString());
        var byDocument = await (await _client.PostAsJsonAsync("/paper-logs", Entry("Lê Văn Cường", document: "046205123456"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("document", byDocument.GetProperty("match").GetString());

        // Typed in later than the horizon (10 minutes here): refused, not silently dropped.
        var late = await _client.PostAsJsonAsync("/paper-logs", new { kind = "paper-log", venueId = id, fullName = "Lê Thị Hoa", phone = "0987000111", checkIn = Now(-180), writtenBy = "Lan" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal(["Visit.TooLate"], Codes(await late.Content.ReadFromJsonAsync<JsonElement>()));

        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsJsonAsync("/paper-logs", Entry("An", "0912345678", venueId: "nope"))).StatusCode);
        var invalid = await _client.PostAsJsonAsync("/paper-logs", new { kind = "paper-log", fullName = "An" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotEmpty(Codes(await invalid.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync("/paper-logs", Json("[1,"))).StatusCode);
    }

    [Fact]
    public async Task FollowUps_NeedAKey_AreAudited_BadInput400_PlacesAndVenuesListed()
    {
        var person = new string('a', 32);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsJsonAsync("/follow-ups", new { person, outcome = "reached" })).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/follow-ups") { Content = JsonContent.Create(new { person, outcome = "reached" }) };
        request.Headers.Add("X-Api-Key", ApiKey);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(request)).StatusCode);
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/follow-ups") { Content = JsonContent.Create(new { person = "0912345678", outcome = "reached" }) };
        bad.Headers.Add("X-Api-Key", ApiKey);
        var refused = await _client.SendAsync(bad);
        Assert.Equal(["Service.FollowUp"], Codes(await refused.Content.ReadFromJsonAsync<JsonElement>()));

        using var audit = new HttpRequestMessage(HttpMethod.Get, "/audit");
        audit.Headers.Add("X-Api-Key", ApiKey);
        var entry = Assert.Single((await (await _client.SendAsync(audit)).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(("follow-up", $"{person} reached"), (entry.GetProperty("action").GetString(), entry.GetProperty("detail").GetString()));

        var provinces = await _client.GetFromJsonAsync<JsonElement>("/places/provinces");
        Assert.Equal(34, provinces.GetArrayLength());
        var communes = await _client.GetFromJsonAsync<JsonElement>("/places/provinces/46/communes");
        Assert.Contains(communes.EnumerateArray(), c => c.GetProperty("name").GetString() == "Phường Phú Xuân");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/places/provinces/999/communes")).StatusCode);

        await RegisterVenue();
        Assert.Single((await _client.GetFromJsonAsync<JsonElement>("/venues")).EnumerateArray());
        Assert.Contains("href=\"/venue.html\"", await _client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VenueById_TrustListVerifiesItsCode_NoNoticesYet204()
    {
        var venue = await RegisterVenue();
        var id = venue.GetProperty("id").GetString()!;
        var byId = await _client.GetFromJsonAsync<JsonElement>("/venues/" + id);
        Assert.Equal(venue.GetProperty("code").GetString(), byId.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/venues/nope")).StatusCode);

        // A citizen's app that trusts only the published list verifies the poster's code with it.
        var ring = TrustList.Read(await _client.GetByteArrayAsync("/trust-list.json"));
        Assert.True(ring.TryGetValue(out var keys));
        var read = PayloadReader.Read(venue.GetProperty("code").GetString()!, new PayloadReaderOptions { VerificationKeys = keys });
        Assert.True(read.TryGetValue(out var payload));
        Assert.True(Assert.IsType<SignedVenuePayload>(payload).IsVerified);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.GetAsync("/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsJsonAsync("/exposures/match", new { visits = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task RateLimit_ClientOverTheRate_429()
    {
        var data = Directory.CreateTempSubdirectory("checkin-service-rate-").FullName;
        try
        {
            await using var limited = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting("CheckIn:DataDirectory", data);
                web.UseSetting("Service:RequestsPerMinute", "3");
            });
            using var client = limited.CreateClient();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 5; i++)
            {
                statuses.Add((await client.GetAsync("/venues")).StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
