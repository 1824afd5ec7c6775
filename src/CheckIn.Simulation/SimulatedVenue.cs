using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>A venue of the synthetic province: where it is, when it opens, how popular it is, and its check-in code.</summary>
public sealed record SimulatedVenue
{
    private readonly int _index;

    /// <summary>The venue's position in <see cref="SyntheticProvince.Venues"/>.</summary>
    public required int Index
    {
        get => _index;
        init
        {
            _index = value;
            Id = IdOf(value);
        }
    }

    /// <summary>The identifier visits name it by, for example <c>V000042</c> (made once, with the index).</summary>
    public string Id { get; private init; } = string.Empty;

    /// <summary>The identifier of the venue at an index, as <see cref="Id"/> spells it.</summary>
    /// <param name="index">The venue's position in <see cref="SyntheticProvince.Venues"/>.</param>
    /// <returns>For example <c>V000042</c>.</returns>
    public static string IdOf(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"V{index:D6}");

    /// <summary>The kind.</summary>
    public required VenueKind Kind { get; init; }

    /// <summary>The name, in Vietnamese.</summary>
    public required string Name { get; init; }

    /// <summary>The commune (legacy code) it is in.</summary>
    public required int CommuneCode { get; init; }

    /// <summary>The address: commune, district and province names.</summary>
    public required string Address { get; init; }

    /// <summary>Opening time, minutes after local midnight.</summary>
    public required int OpensMinute { get; init; }

    /// <summary>Closing time, minutes after local midnight (1440 for venues open all day).</summary>
    public required int ClosesMinute { get; init; }

    /// <summary>Whether it opens on Saturdays.</summary>
    public required bool OpenOnSaturday { get; init; }

    /// <summary>Whether it opens on Sundays.</summary>
    public required bool OpenOnSunday { get; init; }

    /// <summary>Whether staff at the door scan ID or insurance cards of visitors who do not scan the code.</summary>
    public required bool HasDoorStaff { get; init; }

    /// <summary>
    /// Whether the venue enforces check-in (its code posted, staff scanning, a paper log for the rest). False for the share
    /// <see cref="SimulationOptions.NonCompliantVenueShare"/> of venues: there only a few visitors scan on their own.
    /// This is the ground truth venue-compliance checks are scored against.
    /// </summary>
    public bool EnforcesCheckIn { get; init; } = true;

    /// <summary>Relative popularity (Zipf-like within its kind).</summary>
    public required double Popularity { get; init; }

    /// <summary>The 24-hex-digit group id of its tokhaiyte.vn venue code.</summary>
    public required string GroupId { get; init; }

    /// <summary>The text of its venue QR code (a tokhaiyte.vn check-in URL).</summary>
    public string CheckInUrl => $"https://tokhaiyte.vn/?page=Group.checkin&groupId={GroupId}";

    /// <summary>Whether it is open on a day of the week.</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns>True when it opens that day.</returns>
    public bool IsOpenOn(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Saturday => OpenOnSaturday,
        IsoDayOfWeek.Sunday => OpenOnSunday,
        _ => true,
    };
}
