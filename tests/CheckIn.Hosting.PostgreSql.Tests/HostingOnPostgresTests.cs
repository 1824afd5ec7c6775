using CheckIn.Core.Places;
using CheckIn.Hosting.Log;
using CheckIn.Hosting.Tests;
using CheckIn.Testing;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Visits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CheckIn.Hosting.PostgreSql.Tests;

/// <summary>A host on AddCheckIn with its log in PostgreSQL: recorded, restarted, everything back.</summary>
[Collection("postgres")]
public sealed class HostingOnPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AddCheckInPostgreSql_RecordRestart_EveryCheckInBackFromTheServer()
    {
        using var folder = new TempFolder();
        var database = await postgres.Server.CreateDatabaseAsync("host");
        var at = SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(30);
        using (var first = Host(folder.Path, database, registerLogFirst: true))
        {
            await first.StartAsync();
            var runtime = first.Services.GetRequiredService<CheckInRuntime>();
            var engine = await runtime.WhenReadyAsync();
            Assert.Equal("postgresql", runtime.LogKind);
            var person = runtime.Pseudonymizer.Pseudonymize(Tracing.Privacy.IdentifierKind.CitizenId, "079301000456");
            var receipt = await engine.RecordAsync(new EventEntry(new CheckInEvent(person, "V1", VenueKind.Market, at, CheckInEventKind.CheckIn), EventChannel.StaffScan, "desk-1", [], "scan-1"));
            Assert.Equal(1, receipt.Value.Sequence);
            var health = await first.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, health.Status);
            Assert.Contains("postgresql", health.Entries["checkin"].Description, StringComparison.Ordinal);
            await first.StopAsync();
        }

        // A restart without the snapshot file: everything is rebuilt from the log on the server.
        File.Delete(Path.Combine(folder.Path, "index.snapshot"));
        using var second = Host(folder.Path, database, registerLogFirst: false);
        await second.StartAsync();
        var again = await second.Services.GetRequiredService<CheckInRuntime>().WhenReadyAsync();
        Assert.Equal(1, again.LastSequence);
        var retry = await again.RecordAsync(new EventEntry(new CheckInEvent(
            second.Services.GetRequiredService<CheckInRuntime>().Pseudonymizer.Pseudonymize(Tracing.Privacy.IdentifierKind.CitizenId, "079301000456"), "V1", VenueKind.Market, at, CheckInEventKind.CheckIn), EventChannel.StaffScan, "desk-1", [], "scan-1"));
        Assert.True(retry.Value.Repeated);
        await second.StopAsync();
    }

    private static IHost Host(string dataDirectory, string database, bool registerLogFirst)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (registerLogFirst)
        {
            builder.Services.AddCheckInPostgreSql(database);
        }

        builder.Services.AddCheckIn(options => options.DataDirectory = dataDirectory);
        if (!registerLogFirst)
        {
            builder.Services.AddCheckInPostgreSql(database);
        }

        return builder.Build();
    }
}
