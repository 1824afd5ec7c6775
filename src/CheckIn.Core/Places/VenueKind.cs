namespace CheckIn.Core.Places;

/// <summary>
/// The kinds of venue that registered for a check-in code. The numeric values are stable: they are
/// written into CheckIn's signed venue payload.
/// </summary>
public enum VenueKind
{
    /// <summary>Not given.</summary>
    Unspecified = 0,

    /// <summary>A traditional market (chợ).</summary>
    Market = 1,

    /// <summary>A supermarket or shop (siêu thị, cửa hàng).</summary>
    Supermarket = 2,

    /// <summary>A school (trường học).</summary>
    School = 3,

    /// <summary>A hospital or clinic (bệnh viện, phòng khám).</summary>
    Hospital = 4,

    /// <summary>An office or public service counter (cơ quan, văn phòng).</summary>
    Office = 5,

    /// <summary>A factory or industrial zone (nhà máy, khu công nghiệp).</summary>
    Factory = 6,

    /// <summary>A restaurant or café (nhà hàng, quán ăn).</summary>
    Restaurant = 7,

    /// <summary>A place of worship (nơi thờ tự: chùa, nhà thờ).</summary>
    PlaceOfWorship = 8,

    /// <summary>A vehicle or transport hub (phương tiện, bến xe, nhà ga, sân bay).</summary>
    Transport = 9,

    /// <summary>A checkpoint (chốt kiểm soát).</summary>
    Checkpoint = 10,

    /// <summary>Any other public place.</summary>
    Other = 11,
}
