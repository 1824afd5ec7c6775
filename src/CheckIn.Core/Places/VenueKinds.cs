using NodaTime;

namespace CheckIn.Core.Places;

/// <summary>Facts about venue kinds shared by the declaration validators and the tracing package.</summary>
public static class VenueKinds
{
    /// <summary>
    /// How long a visit of this kind lasts when the visitor never checks out: a market 45 min, a supermarket or
    /// a transport hub 30 min, a school 5 h, a hospital 2 h, an office or factory 8 h (a shift), a restaurant or
    /// place of worship 1 h, a checkpoint 10 min, anything else 1 h.
    /// </summary>
    /// <param name="kind">The venue kind.</param>
    /// <returns>The default visit length.</returns>
    public static Duration DefaultVisitLength(VenueKind kind) => kind switch
    {
        VenueKind.Market => Duration.FromMinutes(45),
        VenueKind.Supermarket => Duration.FromMinutes(30),
        VenueKind.School => Duration.FromHours(5),
        VenueKind.Hospital => Duration.FromHours(2),
        VenueKind.Office => Duration.FromHours(8),
        VenueKind.Factory => Duration.FromHours(8),
        VenueKind.Restaurant => Duration.FromHours(1),
        VenueKind.PlaceOfWorship => Duration.FromHours(1),
        VenueKind.Transport => Duration.FromMinutes(30),
        VenueKind.Checkpoint => Duration.FromMinutes(10),
        _ => Duration.FromHours(1),
    };
}
