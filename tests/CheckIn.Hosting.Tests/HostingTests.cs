using CheckIn.Hosting.Log;
using CheckIn.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckIn.Hosting.Tests;

public sealed class HostingTests
{
    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCheckIn(builder.Configuration.GetSection(CheckInHostingOptions.SectionName));
        more?.Invoke(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task AddCheckIn_BindsDurationsInBothForms_StartsReady_Healthy_SurvivesARestart()
    {
        using var folder = new TempFolder();
        var at = NodaTime.SystemClock.Instance.GetCurrentInstant();
        var settings = new Dictionary<string, string?>
        {
            ["CheckIn:DataDirectory"] = folder.Path,
            ["CheckIn:Horizon"] = "00:15:00",
            ["CheckIn:Retention"] = "14:00:00:00",
            ["CheckIn:MaintenanceInterval"] = "0:00:00:05",
        };
        using (var host = Build(settings))
        {
            var options = host.Services.GetRequiredService<IOptions<CheckInHostingOptions>>().Value;
            Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromDays(14), TimeSpan.FromSeconds(5)), (options.Horizon, options.Retention, options.MaintenanceInterval));
            await host.StartAsync();
            var runtime = host.Services.GetRequiredService<CheckInRuntime>();
            var engine = await runtime.WhenReadyAsync();
            Assert.Equal(HealthStatus.Healthy, (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status);
            var person = runtime.Pseudonymizer.Pseudonymize(Tracing.Privacy.IdentifierKind.CitizenId, "079301000456");
            var recorded = await engine.RecordAsync(new EventEntry(new Tracing.Visits.CheckInEvent(person, "V", Core.Places.VenueKind.Market, at, Tracing.Visits.CheckInEventKind.CheckIn),
                Tracing.Csv.EventChannel.App, null, [], "first"));
            Assert.True(recorded.Success);
            await host.StopAsync(); // writes the snapshot
        }

        // The key was made on first start, owner-only; a restart reads it back and the same person is the same pseudonym.
        var key = folder.File("pseudonym.key");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
        Assert.True(File.Exists(folder.File("index.snapshot")));
        using var again = Build(settings);
        await again.StartAsync();
        var restarted = again.Services.GetRequiredService<CheckInRuntime>();
        var reopened = await restarted.WhenReadyAsync();
        Assert.InRange(reopened.Start.SnapshotSequence, 1, reopened.LastSequence);
        var samePerson = restarted.Pseudonymizer.Pseudonymize(Tracing.Privacy.IdentifierKind.CitizenId, "079301000456");
        Assert.True((await reopened.RecordAsync(new EventEntry(new Tracing.Visits.CheckInEvent(samePerson, "V", Core.Places.VenueKind.Market, at, Tracing.Visits.CheckInEventKind.CheckIn),
            Tracing.Csv.EventChannel.App, null, [], "first"))).Value.Repeated);
        await again.StopAsync();
    }

    [Fact]
    public async Task AddCheckIn_OptionsOutOfRange_HostRefusesToStart_WithTheCodes()
    {
        using var folder = new TempFolder();
        using var host = Build(new Dictionary<string, string?>
        {
            ["CheckIn:DataDirectory"] = folder.Path,
            ["CheckIn:Horizon"] = "8.00:00:00",
            ["CheckIn:PseudonymKey"] = "c2hvcnQ=",
        });
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(failure.Failures, f => f.StartsWith(HostingErrorCodes.Options.Horizon, StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith(HostingErrorCodes.Options.PseudonymKey, StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.Contains("c2hvcnQ=", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_EveryCodeCovered_AndDefaultsValid()
    {
        Assert.Empty(new CheckInHostingOptions().Validate());
        var bad = new CheckInHostingOptions
        {
            DataDirectory = " ",
            PseudonymKey = "not base64!",
            Horizon = TimeSpan.FromDays(8),
            Retention = TimeSpan.Zero,
            SnapshotInterval = TimeSpan.FromSeconds(1),
            MaintenanceInterval = TimeSpan.FromHours(2),
        };
        Assert.Equal(
            HostingErrorCodes.All().Where(c => c.StartsWith("CheckInHostingOptions.", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            bad.Validate().Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ErrorCodes_CatalogComplete() => ErrorCatalogAssert.IsComplete(typeof(HostingErrorCodes), HostingErrorCodes.Messages, HostingErrorCodes.All());

    [Fact]
    public void Runtime_BeforeStart_SaysSo()
    {
        using var folder = new TempFolder();
        using var host = Build(new Dictionary<string, string?> { ["CheckIn:DataDirectory"] = folder.Path });
        var runtime = host.Services.GetRequiredService<CheckInRuntime>();
        Assert.False(runtime.IsReady);
        Assert.Throws<InvalidOperationException>(() => runtime.Engine);
    }
}
