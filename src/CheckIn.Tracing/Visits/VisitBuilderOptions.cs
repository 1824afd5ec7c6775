using System.Collections.Frozen;
using CheckIn.Core;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Tracing.Visits;

/// <summary>How the visit builder pairs and closes events. Immutable; pass one per builder.</summary>
public sealed record VisitBuilderOptions
{
    /// <summary>The defaults: standard visit lengths per venue kind, 12 h cap, 5 min merge and clock-skew tolerances, system clock.</summary>
    public static VisitBuilderOptions Default { get; } = new();

    /// <summary>
    /// How long a visit without check-out lasts, for the venue kinds a deployment wants to set itself; kinds not
    /// listed use <see cref="VenueKinds.DefaultVisitLength"/>.
    /// </summary>
    public IReadOnlyDictionary<VenueKind, Duration> DefaultLengths { get; init; } = FrozenDictionary<VenueKind, Duration>.Empty;

    /// <summary>The longest visit kept; longer ones are cut (and marked <see cref="VisitClosure.Capped"/>). Default 12 h, at most 18 h.</summary>
    public Duration MaxVisitLength { get; init; } = Duration.FromHours(12);

    /// <summary>
    /// How long after <see cref="MaxVisitLength"/> a forgotten check-out still closes its visit (cut at the maximum,
    /// <see cref="VisitClosure.Capped"/>); a later one is not this visit's check-out, and the visit ends by default.
    /// Bounds how long a visit stays open to change, so live recording settles it. Default 12 h; 0 to 1 day.
    /// </summary>
    public Duration LateCheckOutWindow { get; init; } = Duration.FromHours(12);

    /// <summary>Repeated check-ins of the same person at the same venue within this time of the previous scan are one visit. Default 5 min.</summary>
    public Duration MergeTolerance { get; init; } = Duration.FromMinutes(5);

    /// <summary>How far past the clock's now an event may lie (device clocks drift). Default 5 min.</summary>
    public Duration ClockSkewTolerance { get; init; } = Duration.FromMinutes(5);

    /// <summary>The clock that decides what "the future" is.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>Checks every option against its range (a visit is at most 18 h 12 min in the index).</summary>
    /// <returns>One coded error per option out of range (<c>VisitBuilderOptions.*</c>; a default length names its kind); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate()
    {
        var errors = new OptionErrors(TracingErrorCodes.Messages)
            .Check(MaxVisitLength >= Duration.FromSeconds(1) && MaxVisitLength <= Index.IndexTime.MaxIndexedVisitLength, TracingErrorCodes.BuilderOptions.MaxVisitLength, nameof(MaxVisitLength))
            .Check(MergeTolerance >= Duration.Zero && MergeTolerance <= Duration.FromHours(1), TracingErrorCodes.BuilderOptions.MergeTolerance, nameof(MergeTolerance))
            .Check(ClockSkewTolerance >= Duration.Zero && ClockSkewTolerance <= Duration.FromDays(1), TracingErrorCodes.BuilderOptions.ClockSkewTolerance, nameof(ClockSkewTolerance))
            .Check(LateCheckOutWindow >= Duration.Zero && LateCheckOutWindow <= Duration.FromDays(1), TracingErrorCodes.BuilderOptions.LateCheckOutWindow, nameof(LateCheckOutWindow))
            .Check(Clock is not null, TracingErrorCodes.BuilderOptions.Clock, nameof(Clock))
            .Check(DefaultLengths is not null, TracingErrorCodes.BuilderOptions.DefaultLengths, nameof(DefaultLengths));
        foreach (var (kind, length) in DefaultLengths ?? FrozenDictionary<VenueKind, Duration>.Empty)
        {
            errors.Check(Enum.IsDefined(kind) && length >= Duration.FromSeconds(1) && length <= Index.IndexTime.MaxIndexedVisitLength,
                TracingErrorCodes.BuilderOptions.DefaultLengths, $"{nameof(DefaultLengths)}[{kind}]");
        }

        return errors.ToList();
    }

    /// <summary>The default length for a venue kind.</summary>
    /// <param name="kind">The venue kind.</param>
    /// <returns>The length, at most <see cref="MaxVisitLength"/>.</returns>
    public Duration DefaultLengthFor(VenueKind kind)
    {
        var length = DefaultLengths.TryGetValue(kind, out var value) ? value : VenueKinds.DefaultVisitLength(kind);
        return length > MaxVisitLength ? MaxVisitLength : length;
    }
}
