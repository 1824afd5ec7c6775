using CheckIn.Core;
using Microsoft.Extensions.Options;

namespace CheckIn.Hosting;

/// <summary>
/// How a host runs CheckIn, bound from the configuration section <c>CheckIn</c>. Durations bind from
/// <c>"00:15:00"</c> (TimeSpan) or NodaTime's round-trip form <c>"0:00:15:00"</c>; every option is checked at start.
/// </summary>
public sealed class CheckInHostingOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "CheckIn";

    /// <summary>
    /// Where the embedded store keeps its files (<c>checkin.db</c>, the index snapshot, the pseudonymization key when
    /// none is configured); relative paths are relative to the working directory. Default <c>checkin-data</c>.
    /// </summary>
    public string DataDirectory { get; set; } = "checkin-data";

    /// <summary>
    /// The deployment's pseudonymization key, base64 of at least 32 random bytes (from a secret store, never from a
    /// file in the repository). When empty, a key is made on first start and kept in <see cref="DataDirectory"/>
    /// (readable by its owner only).
    /// </summary>
    public string? PseudonymKey { get; set; }

    /// <summary>How late an event may arrive and still be placed (the recorder's horizon). Default 10 minutes; 0 to 7 days.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long visits are kept in the index (and events in the log). Default 21 days; 1 to 365 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(21);

    /// <summary>How often the index snapshot is written. Default 5 minutes; 1 minute to 1 day.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often time is advanced (settling quiet visits), the buffer flushed and retention applied. Default 30 seconds; 1 second to 1 hour.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>CheckInHostingOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(HostingErrorCodes.Messages)
        .Check(!string.IsNullOrWhiteSpace(DataDirectory), HostingErrorCodes.Options.DataDirectory, nameof(DataDirectory))
        .Check(string.IsNullOrEmpty(PseudonymKey) || KeyBytes(PseudonymKey) is { Length: >= 32 }, HostingErrorCodes.Options.PseudonymKey, nameof(PseudonymKey))
        .Check(Horizon >= TimeSpan.Zero && Horizon <= TimeSpan.FromDays(7), HostingErrorCodes.Options.Horizon, nameof(Horizon))
        .Check(Retention >= TimeSpan.FromDays(1) && Retention <= TimeSpan.FromDays(365), HostingErrorCodes.Options.Retention, nameof(Retention))
        .Check(SnapshotInterval >= TimeSpan.FromMinutes(1) && SnapshotInterval <= TimeSpan.FromDays(1), HostingErrorCodes.Options.SnapshotInterval, nameof(SnapshotInterval))
        .Check(MaintenanceInterval >= TimeSpan.FromSeconds(1) && MaintenanceInterval <= TimeSpan.FromHours(1), HostingErrorCodes.Options.MaintenanceInterval, nameof(MaintenanceInterval))
        .ToList();

    internal static byte[]? KeyBytes(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}

/// <summary>Checks <see cref="CheckInHostingOptions"/> when the host starts: each failure names its code and option, never a secret.</summary>
internal sealed class CheckInHostingOptionsValidator : IValidateOptions<CheckInHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckInHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => $"{e.Code} ({e.Property}): {e.GetMessage(MessageLanguage.English)}"));
    }
}
