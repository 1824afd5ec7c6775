using CheckIn.Core;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>
/// The parameters of a synthetic province: its size and length, and the realities of check-in that the
/// national rollout saw (who had a smartphone, who scanned, who was scanned by staff or wrote in a paper log,
/// forgotten check-outs, repeated scans). Immutable; the defaults describe Thừa Thiên Huế in September 2021.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The defaults.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>The seed: the same options and seed always make the same world. Default 2021.</summary>
    public int Seed { get; init; } = 2021;

    /// <summary>Residents (10 to 20 million). Default 200,000.</summary>
    public int Residents { get; init; } = 200_000;

    /// <summary>Days simulated (1 to 120). Default 14.</summary>
    public int Days { get; init; } = 14;

    /// <summary>The first day (local date in Vietnam). Default Monday 6 September 2021.</summary>
    public LocalDate Start { get; init; } = new(2021, 9, 6);

    /// <summary>The province (legacy code, before the 2025 reform) whose communes residents and venues are in. Default 46, Thừa Thiên Huế.</summary>
    public int ProvinceCode { get; init; } = 46;

    /// <summary>Residents with a smartphone and a check-in app. Default 0.54 (Hue-S had about 700,000 users of 1.3 million people). Spread by age (none under 12, fewer over 60); above about 0.7 every adult of working age has one and the share cannot be reached.</summary>
    public double SmartphoneShare { get; init; } = 0.54;

    /// <summary>Of visits by smartphone holders, the share they actually scan (some walk past the code). Default 0.8.</summary>
    public double ScanShare { get; init; } = 0.8;

    /// <summary>Of visits not scanned by the visitor, at venues with staff at the door, the share whose ID or insurance card staff scan. Default 0.5.</summary>
    public double CardScanShare { get; init; } = 0.5;

    /// <summary>Of visits still unrecorded, the share written in the venue's paper log. Default 0.6.</summary>
    public double PaperLogShare { get; init; } = 0.6;

    /// <summary>Of paper-log entries, the share whose name is misspelt. Default 0.25.</summary>
    public double PaperTypoShare { get; init; } = 0.25;

    /// <summary>Of paper-log entries, the share whose phone number is written wrong (they cannot be matched). Default 0.05.</summary>
    public double PaperPhoneErrorShare { get; init; } = 0.05;

    /// <summary>Of app check-ins, the share never checked out. Default 0.4.</summary>
    public double MissingCheckOutShare { get; init; } = 0.4;

    /// <summary>Of app check-ins, the share scanned twice. Default 0.03.</summary>
    public double DuplicateScanShare { get; init; } = 0.03;

    /// <summary>
    /// Share of venues that do not enforce check-in (no code at the door, no staff scanning, no paper log), as the venues
    /// Hà Đông warned in 2021. Default 0: every venue enforces it. Which venues is fixed by <see cref="Seed"/> and the
    /// venue's index alone (<see cref="SimulatedVenue.EnforcesCheckIn"/>), so it does not change the rest of the world.
    /// </summary>
    public double NonCompliantVenueShare { get; init; }

    /// <summary>At a venue that does not enforce check-in, the share of <see cref="ScanShare"/> visitors who still scan on their own. Default 0.1.</summary>
    public double NonCompliantScanFactor { get; init; } = 0.1;

    /// <summary>
    /// Of smartphone holders, the share running Bluezone with Bluetooth on, whose phones log encounters with each other
    /// (<see cref="SimulatedDay.Encounters"/>). Default 0.4: Bluezone passed 30 million downloads in March 2021 among about
    /// 77 million smartphone users, and fewer kept it running; 0 turns proximity off.
    /// </summary>
    public double BluezoneShare { get; init; } = 0.4;

    /// <summary>Venues per 1,000 residents. Default 30.</summary>
    public double VenuesPerThousand { get; init; } = 30;

    /// <summary>The outbreak, or null for none. Default <see cref="OutbreakOptions.Default"/>.</summary>
    public OutbreakOptions? Outbreak { get; init; } = OutbreakOptions.Default;

    /// <summary>Checks every option against its range (the outbreak's too, prefixed <c>Outbreak.</c>).</summary>
    /// <returns>One coded error per option out of range (<c>SimulationOptions.*</c>, <c>OutbreakOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate()
    {
        var errors = new OptionErrors(SimulationErrorCodes.Messages)
            .Check(Residents is >= 10 and <= 20_000_000, SimulationErrorCodes.Options.Residents, nameof(Residents))
            .Check(Days is >= 1 and <= 120, SimulationErrorCodes.Options.Days, nameof(Days))
            .Check(VenuesPerThousand is >= 0.1 and <= 100, SimulationErrorCodes.Options.VenuesPerThousand, nameof(VenuesPerThousand))
            .Check(AdministrativeUnits.Default.FindProvince(ProvinceCode, AdministrativeEra.Legacy) is not null, SimulationErrorCodes.Options.ProvinceCode, nameof(ProvinceCode));
        foreach (var (share, name) in new[]
        {
            (SmartphoneShare, nameof(SmartphoneShare)), (ScanShare, nameof(ScanShare)), (CardScanShare, nameof(CardScanShare)),
            (PaperLogShare, nameof(PaperLogShare)), (PaperTypoShare, nameof(PaperTypoShare)), (PaperPhoneErrorShare, nameof(PaperPhoneErrorShare)),
            (MissingCheckOutShare, nameof(MissingCheckOutShare)), (DuplicateScanShare, nameof(DuplicateScanShare)),
            (BluezoneShare, nameof(BluezoneShare)), (NonCompliantVenueShare, nameof(NonCompliantVenueShare)), (NonCompliantScanFactor, nameof(NonCompliantScanFactor)),
        })
        {
            errors.Check(share is >= 0 and <= 1, SimulationErrorCodes.Options.Share, name);
        }

        if (Outbreak is { } outbreak)
        {
            errors.Include(outbreak.Validate(), nameof(Outbreak));
        }

        return errors.ToList();
    }
}

/// <summary>
/// A simple transmission process over shared visits, which makes the ground truth tracing is scored against.
/// An infected person becomes infectious after <see cref="LatentDays"/>, shows symptoms after
/// <see cref="OnsetDays"/> (and is then isolated, making no more visits) and infects others present at the same
/// venue with probability 1 − exp(−rate × minutes together × s), where s = min(1, <see cref="CloseContacts"/> / (others
/// at the venue that day)): in a crowded place each person is close to only a few others. Household spread is off unless
/// <see cref="HouseholdRiskPerDay"/> is set.
/// </summary>
public sealed record OutbreakOptions
{
    /// <summary>The defaults: 5 index cases infected on the first day, 2 days latent, onset on day 5.</summary>
    public static OutbreakOptions Default { get; } = new();

    /// <summary>People infected on the first day (from outside the province). Default 5.</summary>
    public int IndexCases { get; init; } = 5;

    /// <summary>Days from infection to infectiousness. Default 2.</summary>
    public int LatentDays { get; init; } = 2;

    /// <summary>Days from infection to symptoms and isolation. Default 5.</summary>
    public int OnsetDays { get; init; } = 5;

    /// <summary>Infection hazard per minute of close contact with an infectious person. Default 0.0006 (15 min: 0.9%, 8 h: 25%).</summary>
    public double RatePerMinute { get; init; } = 0.0006;

    /// <summary>How many others one person is in close contact with at a crowded venue. Default 8.</summary>
    public int CloseContacts { get; init; } = 8;

    /// <summary>
    /// Probability a day that an infectious person, not yet isolated, infects each susceptible member of their household
    /// (at home, where check-ins see nothing). Default 0: transmission only over shared visits. About 0.1 gives a
    /// household attack rate near 30% over the infectious days.
    /// </summary>
    public double HouseholdRiskPerDay { get; init; }

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>OutbreakOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(SimulationErrorCodes.Messages)
        .Check(IndexCases >= 0, SimulationErrorCodes.Outbreak.IndexCases, nameof(IndexCases))
        .Check(LatentDays >= 0, SimulationErrorCodes.Outbreak.LatentDays, nameof(LatentDays))
        .Check(OnsetDays >= LatentDays, SimulationErrorCodes.Outbreak.OnsetDays, nameof(OnsetDays))
        .Check(CloseContacts >= 1, SimulationErrorCodes.Outbreak.CloseContacts, nameof(CloseContacts))
        .Check(HouseholdRiskPerDay is >= 0 and <= 1, SimulationErrorCodes.Outbreak.HouseholdRiskPerDay, nameof(HouseholdRiskPerDay))
        .Check(RatePerMinute is >= 0 and <= 1, SimulationErrorCodes.Outbreak.RatePerMinute, nameof(RatePerMinute))
        .ToList();
}
