using CheckIn.Core;
using NodaTime;

namespace CheckIn.Tracing.Visits;

/// <summary>How <see cref="VisitRecorder"/> records events as they come. Immutable; pass one per recorder.</summary>
public sealed record VisitRecorderOptions
{
    /// <summary>The defaults: <see cref="VisitBuilderOptions.Default"/> rules and a 10-minute horizon.</summary>
    public static VisitRecorderOptions Default { get; } = new();

    /// <summary>The pairing and closing rules, shared with <see cref="VisitBuilder"/>.</summary>
    public VisitBuilderOptions Visits { get; init; } = VisitBuilderOptions.Default;

    /// <summary>
    /// How late (behind the latest event seen) an event may arrive and still be placed where it belongs; older events
    /// are refused as <see cref="EventRejection.TooLate"/>. Visits settle this much after their events. Default
    /// 10 minutes; 0 to 7 days.
    /// </summary>
    public Duration Horizon { get; init; } = Duration.FromMinutes(10);

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>VisitRecorderOptions.*</c>, and the rules' <c>VisitBuilderOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate()
    {
        var errors = new OptionErrors(TracingErrorCodes.Messages)
            .Check(Visits is not null, TracingErrorCodes.RecorderOptions.Visits, nameof(Visits))
            .Check(Horizon >= Duration.Zero && Horizon <= Duration.FromDays(7), TracingErrorCodes.RecorderOptions.Horizon, nameof(Horizon))
            .ToList();
        return Visits is null ? errors : [.. errors, .. Visits.Validate()];
    }
}
