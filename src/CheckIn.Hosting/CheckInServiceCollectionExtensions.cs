using CheckIn.Hosting.Log;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CheckIn.Hosting;

/// <summary>Registers CheckIn in a host.</summary>
public static class CheckInServiceCollectionExtensions
{
    /// <summary>
    /// Registers CheckIn with its defaults: <see cref="CheckInHostingOptions"/> (validated when the host starts), the
    /// <see cref="CheckInRuntime"/> (a singleton holding the engine over the event log: the embedded SQLite file unless an
    /// <see cref="ICheckInLogProvider"/> is registered before, as CheckIn.Hosting.PostgreSql's does), the hosted service
    /// that opens it, ticks it and writes index snapshots, NodaTime's system clock unless an <see cref="IClock"/> is
    /// registered, and the health check <c>checkin</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCheckIn(this IServiceCollection services) => services.AddCheckIn(_ => { });

    /// <summary>Registers CheckIn (see <see cref="AddCheckIn(IServiceCollection)"/>) with options set in code after any configuration binding.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCheckIn(this IServiceCollection services, Action<CheckInHostingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CheckInHostingOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckInHostingOptions>, CheckInHostingOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<ICheckInLogProvider, SqliteCheckInLogProvider>();
        services.TryAddSingleton<CheckInRuntime>();
        services.AddHostedService<CheckInHostedService>();
        services.AddHealthChecks().AddCheck<CheckInHealthCheck>("checkin");
        return services;
    }

    /// <summary>Registers CheckIn with options bound from a configuration section (usually <c>CheckIn</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section (durations as <c>"00:15:00"</c> or <c>"0:00:15:00"</c>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCheckIn(this IServiceCollection services, IConfiguration section) => services.AddCheckIn(section, _ => { });

    /// <summary>Registers CheckIn with options bound from a configuration section, then set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section.</param>
    /// <param name="configure">Sets options after binding.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCheckIn(this IServiceCollection services, IConfiguration section, Action<CheckInHostingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<CheckInHostingOptions>().Bind(section);
        return services.AddCheckIn(configure);
    }
}
