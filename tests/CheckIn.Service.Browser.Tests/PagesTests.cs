using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckIn.Qr;
using CheckIn.Qr.Printing;
using CheckIn.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CheckIn.Service.Browser.Tests;

/// <summary>
/// The service's pages in a real browser: Debian's Chromium driven by Playwright against the service listening on
/// 127.0.0.1 (Kestrel, a SQLite data folder of its own). A venue owner registers and downloads the poster; a visitor's
/// phone opens the URL the poster's QR code carries and checks in by phone and name; the desk's camera (Chromium's fake
/// camera showing a chip ID card's QR code) checks the case in; the tracer's page shows the visitor as the case's F1
/// with whom to call, and records the call. Screenshots are kept in <c>artifacts/browser</c>.
/// </summary>
public sealed class PagesTests : IAsyncLifetime
{
    private const string ApiKey = "browser-test-staff-key-0123";
    private const string ChipCard = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||";
    private readonly string _data = Directory.CreateTempSubdirectory("checkin-browser-").FullName;
    private readonly string _artifacts = RepositoryRoot.Combine("artifacts", "browser");
    private readonly List<string> _pageErrors = [];
    private readonly List<IPage> _pages = [];
    private WebApplicationFactory<Program> _factory = null!;
    private BrowserHost _host = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_artifacts);
        foreach (var stale in Directory.GetFiles(_artifacts, "failed-page-*.png"))
        {
            File.Delete(stale);
        }

        var camera = Path.Combine(_data, "camera.y4m");
        WriteCameraFile(camera, ChipCard);
        _host = await BrowserHost.StartAsync(
            new Dictionary<string, string>
            {
                ["CheckIn:DataDirectory"] = Path.Combine(_data, "service"),
                ["Service:ApiKeys:0"] = ApiKey,

                // The pages' clocks are set back below (a visit of half an hour, traced now): events up to two hours late are placed.
                ["CheckIn:Horizon"] = "02:00:00",
            },
            ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={camera}"]);
        _factory = _host.Factory;
        _browser = _host.Browser;
        _baseUrl = _host.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task RegisterPrint_WebCheckInFromThePosterUrl_DeskCamera_TracerSeesTheContact()
    {
        try
        {
            await Walkthrough();
        }
        catch
        {
            // What each page showed when the walk-through stopped, beside the screenshots it took.
            for (var i = 0; i < _pages.Count; i++)
            {
                await _pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, $"failed-page-{i + 1}.png"), FullPage = true });
            }

            throw;
        }
    }

    private async Task Walkthrough()
    {
        // 1. The venue owner registers in three steps and gets the poster.
        var owner = await NewPage(1100, 1300);
        await owner.GotoAsync("/venue.html");
        Assert.Equal("Đăng ký địa điểm", await owner.TextContentAsync("h1"));
        await owner.FillAsync("#name", "Chợ Đông Ba");
        await owner.SelectOptionAsync("#kind", "market");
        await owner.WaitForFunctionAsync("document.querySelector('#commune option[value=\"19753\"]') !== null");
        await owner.SelectOptionAsync("#commune", "19753");
        await owner.FillAsync("#street", "2 Trần Hưng Đạo");
        await Screenshot(owner, "1-venue-step1");
        await owner.ClickAsync("#step1 button[type=submit]");
        await owner.FillAsync("#registrant", "Trần Thị Bích");
        await owner.FillAsync("#phone", "0987654321");
        await owner.ClickAsync("#submit");
        await owner.WaitForSelectorAsync("#step3:not(.hidden)");
        await owner.WaitForFunctionAsync("document.getElementById('poster').complete && document.getElementById('poster').naturalWidth > 0");
        await Screenshot(owner, "2-venue-poster");

        var download = await owner.RunAndWaitForDownloadAsync(() => owner.ClickAsync("#png"));
        var posterPath = Path.Combine(_artifacts, "poster.png");
        await download.SaveAsAsync(posterPath);
        var read = new ManagedQrReader().ReadFile(await File.ReadAllBytesAsync(posterPath));
        Assert.True(read.TryGetValue(out var codes), read.Success ? null : read.Error.ToString());
        var venueUrl = Assert.Single(codes).Text;
        Assert.Equal(await owner.TextContentAsync("#code"), venueUrl);
        Assert.StartsWith("HTTPS://CHECKIN.EXAMPLE.VN/C/", venueUrl, StringComparison.Ordinal);
        var posterHref = await owner.GetAttributeAsync("#png", "href");
        var venueId = posterHref!.Split('/')[2];

        // 2. A visitor's phone camera opened the poster's URL (here on the test server): the page checks the code and
        //    records the visitor by phone and name, in English after the switch. The pages' clocks are set to the
        //    visit's times (50 minutes ago in, 20 minutes ago out) so the trace below sees a visit that is over.
        var now = DateTime.UtcNow;
        var phone = await NewPage(390, 844);
        await phone.Clock.SetFixedTimeAsync(now.AddMinutes(-50));
        var path = new Uri(venueUrl).AbsolutePath;
        await phone.GotoAsync(path);
        await phone.WaitForSelectorAsync("#venue:not(.hidden)");
        Assert.Equal("Chợ Đông Ba", await phone.TextContentAsync("#venue-name"));
        Assert.Contains("Phường Phú Xuân", await phone.TextContentAsync("#venue-address"), StringComparison.Ordinal);
        await phone.ClickAsync("#lang");
        Assert.Equal("Check in at a venue", await phone.TextContentAsync("h1"));
        await phone.FillAsync("#phone", "0912 345 678");
        await phone.FillAsync("#name", "Nguyễn Văn An");
        await phone.ClickAsync("#in");
        await phone.WaitForSelectorAsync("#done:has-text('You were checked in at')");
        Assert.Contains("091*****78", await phone.TextContentAsync("#done"), StringComparison.Ordinal);
        await Screenshot(phone, "3-web-checkin");

        // A code whose body was altered is refused on the same page, with its code.
        var forged = await NewPage(390, 844);
        var body = path[(path.LastIndexOf('/') + 1)..];
        await forged.GotoAsync("/c/" + body[..40] + (body[40] == 'A' ? 'B' : 'A') + body[41..]);
        await forged.WaitForSelectorAsync("#invalid:not(.hidden)");
        Assert.True(await forged.IsHiddenAsync("#form"));
        Assert.Contains("SignedPayload.", await forged.TextContentAsync("#invalid-detail"), StringComparison.Ordinal);
        await Screenshot(forged, "4-web-checkin-forged");

        // 3. At the desk the camera sees the case's chip ID card: decoded by the service, recorded, shown masked.
        var desk = await NewPage(1100, 1100);
        await desk.Context.GrantPermissionsAsync(["camera"]);
        await desk.Clock.SetFixedTimeAsync(now.AddMinutes(-45));
        await desk.GotoAsync($"/desk.html?venue={venueId}");
        await desk.WaitForFunctionAsync($"document.getElementById('venue').value === '{venueId}'");
        await desk.ClickAsync("#camera");
        await desk.WaitForSelectorAsync("#visitors td.ok");
        var shown = await desk.TextContentAsync("#visitors tr");
        Assert.Contains("cccd **********56", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("079301000456", await desk.ContentAsync(), StringComparison.Ordinal);
        await Screenshot(desk, "5-desk-camera");
        await desk.ClickAsync("#camera");

        // The visitor checks out on the same page; the case never does (their visit's end is assumed).
        await phone.Clock.SetFixedTimeAsync(now.AddMinutes(-20));
        await phone.ClickAsync("#out");
        await phone.WaitForSelectorAsync("#done:has-text('You were checked out at')");

        // The visitor then goes on to a restaurant where another visitor sits with them (through the API, as an app
        // would): the case's F2.
        using var api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        var restaurant = await (await api.PostAsync("/venues", new StringContent(
            """{"kind":"venue","registeredAt":"2026-12-01T00:00:00Z","name":"Quán Sông Hương","venueKind":"restaurant","address":{"provinceCode":46,"communeCode":19753,"street":"3 Lê Lợi"},"registrantName":"Lê Văn Tâm","registrantPhone":"0911222333"}""",
            Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JsonElement>();
        var restaurantCode = restaurant.GetProperty("code").GetString()!;
        var restaurantBody = restaurantCode[(restaurantCode.LastIndexOf('/') + 1)..];
        var at = now.AddMinutes(-18).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (number, name) in new[] { ("0912345678", "Nguyễn Văn An"), ("0905111222", "Lê Thị Hoa") })
        {
            var visit = await api.PostAsJsonAsync("/web/checkins", new { body = restaurantBody, phone = number, name, at, requestId = "restaurant-" + number });
            Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        }

        // 4. The tracer traces the case: the visitor is an F1 in an assumed tail (nobody checked out), with name and
        //    phone from the directory, drawn in the graph; the call's outcome is recorded in the audit log.
        var tracer = await NewPage(1200, 1300);
        await tracer.GotoAsync("/tracer.html");
        await tracer.FillAsync("#key", ApiKey);
        await tracer.SelectOptionAsync("#kind", "cccd");
        await tracer.FillAsync("#id", "079301000456");
        await tracer.ClickAsync("#run");
        await tracer.WaitForSelectorAsync("#contacts tr");
        var rows = await tracer.Locator("#contacts tr").AllTextContentsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains("F1", rows[0], StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", rows[0], StringComparison.Ordinal);
        Assert.Contains("0912345678", rows[0], StringComparison.Ordinal);
        Assert.Contains("Chợ Đông Ba", rows[0], StringComparison.Ordinal);
        Assert.Contains("phần giả định", rows[0], StringComparison.Ordinal);
        Assert.Contains("F2", rows[1], StringComparison.Ordinal);
        Assert.Contains("Lê Thị Hoa", rows[1], StringComparison.Ordinal);
        // Ranked for calling: the F1's 25 minutes in the market's assumed tail (12.5 counted) score 1.2 %; the F2 the F1's
        // score times 18 minutes at a restaurant (weight 1.5), again in assumed tails (9 counted): 0.02 %.
        Assert.Contains("1.2%", rows[0], StringComparison.Ordinal);
        Assert.Contains("0.02%", rows[1], StringComparison.Ordinal);
        Assert.Contains("Quán Sông Hương", rows[1], StringComparison.Ordinal);
        Assert.Equal("F1: 1 · F2: 1 (2 người tiếp xúc)", await tracer.TextContentAsync("#summary"));
        Assert.Equal(3, await tracer.Locator("#graph g[data-person]").CountAsync());
        Assert.Equal(2, await tracer.Locator("#graph line").CountAsync());
        await tracer.Locator("#contacts tr").First.Locator("button").ClickAsync();
        await tracer.WaitForSelectorAsync("#contacts tr .ok");
        await Screenshot(tracer, "6-tracer");

        api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var audit = await api.GetFromJsonAsync<JsonElement>("/audit");
        var actions = audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["trace", "follow-up"], actions);
        Assert.DoesNotContain("0912345678", audit.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(_pageErrors);
    }

    private async Task<IPage> NewPage(int width, int height)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = _baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "vi-VN",
        });
        // The test runs beside the other test projects on two cores: waits are generous, never a measure of speed.
        page.SetDefaultTimeout(90_000);
        _pages.Add(page);
        page.PageError += (_, error) => _pageErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("the server responded with a status of 4", StringComparison.Ordinal))
            {
                _pageErrors.Add(message.Text);
            }
        };
        return page;
    }

    private Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, name + ".png"), FullPage = true });

    /// <summary>
    /// A Y4M video (what Chromium's fake camera plays, in a loop) of a code held in front of the camera: the QR symbol,
    /// grey on a lighter background, a little off centre.
    /// </summary>
    private static void WriteCameraFile(string path, string text)
    {
        const int Width = 640, Height = 480;
        Assert.True(QrSymbol.Encode(text).TryGetValue(out var symbol));
        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)200);
        var side = symbol.Modules + 8;
        var scale = 400 / side;
        var (left, top) = (130, 30);
        for (var y = 0; y < side * scale; y++)
        {
            for (var x = 0; x < side * scale; x++)
            {
                var (mx, my) = ((x / scale) - 4, (y / scale) - 4);
                var dark = mx >= 0 && my >= 0 && mx < symbol.Modules && my < symbol.Modules && symbol.IsDark(mx, my);
                luma[((top + y) * Width) + left + x] = dark ? (byte)35 : (byte)235;
            }
        }

        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n"));
        var chroma = new byte[Width * Height / 2];
        Array.Fill(chroma, (byte)128);
        for (var frame = 0; frame < 4; frame++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma);
        }
    }
}
