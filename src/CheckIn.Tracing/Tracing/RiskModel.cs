using System.Collections.Frozen;
using CheckIn.Core;
using CheckIn.Core.Places;

namespace CheckIn.Tracing;

/// <summary>
/// How a contact's exposure is scored (<see cref="Contact.Score"/>): an estimate, from the evidence the trace kept, of
/// how likely the overlap was to infect, in [0, 1]. A Bluetooth encounter scores
/// <c>1 − exp(−RatePerMinute × w(distance) × minutes)</c>; a contact with both kinds of evidence scores
/// <c>1 − (1 − venue)(1 − encounter)</c>. For a contact of a case the score is
/// <c>1 − exp(−RatePerMinute × w(kind) × s × minutes)</c>, where <c>minutes</c> is the overlap (an overlap in an assumed
/// tail counts <see cref="AssumedTailWeight"/> of its minutes), <c>w(kind)</c> the venue kind's weight and
/// <c>s = min(1, CloseContacts / others)</c> the share of the others present during the overlap one is close to (1 when
/// <see cref="UseCrowding"/> is false). A contact of a contact scores its source's score times that: the hop lowers
/// the score as the chance that the source was infected. Deterministic: the same index, cases and options give the same
/// scores. The defaults and the reasons for them: <c>docs/tracing-risk.md</c>.
/// </summary>
public sealed record RiskModel
{
    /// <summary>
    /// The weights of venue kinds by default: 1 for most indoor places, more where people sit close for long without
    /// masks (restaurants) or the vulnerable gather (hospitals, schools, factories, places of worship), less at
    /// checkpoints (outdoors, brief, distanced).
    /// </summary>
    public static IReadOnlyDictionary<VenueKind, double> DefaultKindWeights { get; } = new Dictionary<VenueKind, double>
    {
        [VenueKind.Unspecified] = 1.0,
        [VenueKind.Market] = 1.0,
        [VenueKind.Supermarket] = 1.0,
        [VenueKind.School] = 1.2,
        [VenueKind.Hospital] = 1.2,
        [VenueKind.Office] = 1.0,
        [VenueKind.Factory] = 1.2,
        [VenueKind.Restaurant] = 1.5,
        [VenueKind.PlaceOfWorship] = 1.2,
        [VenueKind.Transport] = 1.0,
        [VenueKind.Checkpoint] = 0.3,
        [VenueKind.Other] = 1.0,
    }.ToFrozenDictionary();

    /// <summary>
    /// The weights of encounter distance classes by default: a Bluetooth encounter within 2 m is close contact (1), within
    /// 1 m closer (1.5); farther ones count less (medium 0.5, far 0.2) when <see cref="ContactTracerOptions.MaxEncounterDistance"/>
    /// lets them make contacts at all.
    /// </summary>
    public static IReadOnlyDictionary<Proximity.EncounterDistance, double> DefaultDistanceWeights { get; } = new Dictionary<Proximity.EncounterDistance, double>
    {
        [Proximity.EncounterDistance.Close] = 1.5,
        [Proximity.EncounterDistance.Near] = 1.0,
        [Proximity.EncounterDistance.Medium] = 0.5,
        [Proximity.EncounterDistance.Far] = 0.2,
    }.ToFrozenDictionary();

    /// <summary>The defaults (<c>docs/tracing-risk.md</c>); after the kind and distance weights, which it takes.</summary>
    public static RiskModel Default { get; } = new();

    /// <summary>Infection hazard per minute of close contact. Default 0.001 (15 minutes: 1.5%; 8 hours: 38%).</summary>
    public double RatePerMinute { get; init; } = 0.001;

    /// <summary>How many of the others present one is close to, however crowded the venue. Default 10.</summary>
    public int CloseContacts { get; init; } = 10;

    /// <summary>
    /// Whether the number of others present during the overlap dilutes the score. Default false: on the simulation's
    /// worlds dilution ranks long days among many colleagues (where most infections happen) below short meals at a
    /// quiet table, and finds fewer infections in the first calls (<c>docs/tracing-risk.md</c>). When on, the count is
    /// also reported in <see cref="Contact.OthersPresent"/>.
    /// </summary>
    public bool UseCrowding { get; init; }

    /// <summary>The share of an assumed tail's minutes that count (the visitor may have left unseen). Default 0.5.</summary>
    public double AssumedTailWeight { get; init; } = 0.5;

    /// <summary>Weights by venue kind (a kind not listed weighs 1). Default <see cref="DefaultKindWeights"/>.</summary>
    public IReadOnlyDictionary<VenueKind, double> KindWeights { get; init; } = DefaultKindWeights;

    /// <summary>Weights by encounter distance class (a class not listed weighs 1). Default <see cref="DefaultDistanceWeights"/>.</summary>
    public IReadOnlyDictionary<Proximity.EncounterDistance, double> DistanceWeights { get; init; } = DefaultDistanceWeights;

    /// <summary>Checks every setting against its range.</summary>
    /// <returns>One coded error per setting out of range (<c>RiskModel.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(TracingErrorCodes.Messages)
        .Check(double.IsFinite(RatePerMinute) && RatePerMinute > 0 && RatePerMinute <= 1, TracingErrorCodes.Risk.RatePerMinute, nameof(RatePerMinute))
        .Check(CloseContacts is >= 1 and <= 10_000, TracingErrorCodes.Risk.CloseContacts, nameof(CloseContacts))
        .Check(double.IsFinite(AssumedTailWeight) && AssumedTailWeight is >= 0 and <= 1, TracingErrorCodes.Risk.AssumedTailWeight, nameof(AssumedTailWeight))
        .Check(KindWeights is not null && KindWeights.Values.All(w => double.IsFinite(w) && w is >= 0 and <= 100), TracingErrorCodes.Risk.KindWeights, nameof(KindWeights))
        .Check(DistanceWeights is not null && DistanceWeights.Values.All(w => double.IsFinite(w) && w is >= 0 and <= 100), TracingErrorCodes.Risk.DistanceWeights, nameof(DistanceWeights))
        .ToList();

    /// <summary>The score of one overlap for a contact whose source scored <paramref name="sourceScore"/>.</summary>
    /// <param name="sourceScore">The source's score (1 for a case).</param>
    /// <param name="overlapSeconds">The overlap.</param>
    /// <param name="inAssumedTail">Whether the overlap lies in an assumed tail.</param>
    /// <param name="kind">The venue's kind.</param>
    /// <param name="othersPresent">Others present during the overlap (the source among them).</param>
    /// <returns>The score, in [0, 1].</returns>
    internal double Score(double sourceScore, long overlapSeconds, bool inAssumedTail, VenueKind kind, int othersPresent)
    {
        var minutes = overlapSeconds / 60.0 * (inAssumedTail ? AssumedTailWeight : 1);
        var weight = KindWeights.TryGetValue(kind, out var w) ? w : 1;
        var close = UseCrowding ? Math.Min(1, CloseContacts / (double)Math.Max(1, othersPresent)) : 1;
        return sourceScore * (1 - Math.Exp(-RatePerMinute * weight * close * minutes));
    }

    /// <summary>The score of one encounter for a contact whose source scored <paramref name="sourceScore"/>.</summary>
    /// <param name="sourceScore">The source's score (1 for a case).</param>
    /// <param name="overlapSeconds">The encounter's part inside the source's window.</param>
    /// <param name="distance">How close they were.</param>
    /// <returns>The score, in [0, 1].</returns>
    internal double EncounterScore(double sourceScore, long overlapSeconds, Proximity.EncounterDistance distance)
    {
        var weight = DistanceWeights.TryGetValue(distance, out var w) ? w : 1;
        return sourceScore * (1 - Math.Exp(-RatePerMinute * weight * (overlapSeconds / 60.0)));
    }

    /// <summary>
    /// A contact's score from its two kinds of evidence, as independent chances (noisy-or): <c>1 − (1 − venue)(1 −
    /// proximity)</c>; either alone when the other is absent (0).
    /// </summary>
    internal static double Combined(double venue, double proximity) => proximity == 0 ? venue : venue == 0 ? proximity : 1 - ((1 - venue) * (1 - proximity));
}
