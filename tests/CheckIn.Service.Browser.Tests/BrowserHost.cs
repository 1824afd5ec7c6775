using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CheckIn.Service.Browser.Tests;

/// <summary>
/// The service listening on 127.0.0.1 (Kestrel, its own settings) and Debian's Chromium driven by Playwright (its own
/// browser download does not work here), as every page test starts them.
/// </summary>
internal sealed class BrowserHost : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private BrowserHost(WebApplicationFactory<Program> factory, string baseUrl, IPlaywright playwright, IBrowser browser)
    {
        Factory = factory;
        BaseUrl = baseUrl;
        Playwright = playwright;
        Browser = browser;
    }

    public WebApplicationFactory<Program> Factory { get; }

    public string BaseUrl { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    /// <summary>Starts the service with the settings and Chromium with the common arguments and any more given.</summary>
    public static async Task<BrowserHost> StartAsync(IReadOnlyDictionary<string, string> settings, IEnumerable<string>? moreArgs = null)
    {
        Assert.True(File.Exists(Chromium), "chromium is missing: the test command (./test.sh) installs the Debian package chromium; elsewhere run `apt-get install chromium`.");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", baseUrl, StringComparison.Ordinal);
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = [.. ChromiumArgs, .. moreArgs ?? []],
        });
        return new BrowserHost(factory, baseUrl, playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}
