using CheckIn.Core;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Simulation;

/// <summary>Who a recording knows a visitor as.</summary>
public enum IdentityModel
{
    /// <summary>One key per resident whatever they showed: the host knows everyone (an upper bound; the simulation files).</summary>
    OnePerResident = 0,

    /// <summary>
    /// As a deployment sees them: app check-ins under the phone account, staff scans under the chip ID card or the
    /// health-insurance card, paper logs under the phone written; nothing joins them, so one resident is several people.
    /// </summary>
    Cards = 1,

    /// <summary>
    /// <see cref="Cards"/>, with the links a real app learns (the 1405 registration joins the phone account to the ID
    /// number; a declaration or a 1405 code's EXT joins the insurance number) fed to a <see cref="PersonRegistry"/> the
    /// day they are learned, and the merges applied to the index.
    /// </summary>
    LinkedCards = 2,
}

/// <summary>How a <see cref="SimulatedRecording"/> identifies visitors. Immutable.</summary>
public sealed record RecordingIdentity
{
    /// <summary>One key per resident (<see cref="IdentityModel.OnePerResident"/>).</summary>
    public static RecordingIdentity OnePerResident { get; } = new();

    /// <summary>Cards, not linked (<see cref="IdentityModel.Cards"/>), with the default shares.</summary>
    public static RecordingIdentity Cards { get; } = new() { Model = IdentityModel.Cards };

    /// <summary>Cards, linked as a real app learns (<see cref="IdentityModel.LinkedCards"/>), with the default shares.</summary>
    public static RecordingIdentity LinkedCards { get; } = new() { Model = IdentityModel.LinkedCards };

    /// <summary>The model.</summary>
    public IdentityModel Model { get; init; } = IdentityModel.OnePerResident;

    /// <summary>Share of staff scans at hospitals made with the health-insurance card (the rest with the chip ID card). Default 0.9.</summary>
    public double InsuranceCardAtHospitals { get; init; } = 0.9;

    /// <summary>Share of staff scans elsewhere made with the health-insurance card. Default 0.15.</summary>
    public double InsuranceCardElsewhere { get; init; } = 0.15;

    /// <summary>Share of app users whose phone account is linked to their ID number (the 1405 registration). Default 0.9.</summary>
    public double AppLinkShare { get; init; } = 0.9;

    /// <summary>Share of residents whose insurance number is linked to their ID number (a declaration, a 1405 code's EXT). Default 0.6.</summary>
    public double InsuranceLinkShare { get; init; } = 0.6;

    /// <summary>Checks every setting against its range (shares are 0 to 1).</summary>
    /// <returns>One coded error per setting out of range (<c>RecordingIdentity.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(SimulationErrorCodes.Messages)
        .Check(Enum.IsDefined(Model), SimulationErrorCodes.Identity.Model, nameof(Model))
        .Check(InsuranceCardAtHospitals is >= 0 and <= 1, SimulationErrorCodes.Identity.Share, nameof(InsuranceCardAtHospitals))
        .Check(InsuranceCardElsewhere is >= 0 and <= 1, SimulationErrorCodes.Identity.Share, nameof(InsuranceCardElsewhere))
        .Check(AppLinkShare is >= 0 and <= 1, SimulationErrorCodes.Identity.Share, nameof(AppLinkShare))
        .Check(InsuranceLinkShare is >= 0 and <= 1, SimulationErrorCodes.Identity.Share, nameof(InsuranceLinkShare))
        .ToList();

    /// <summary>
    /// The synthetic pseudonym of a resident's identifier: the kind in the high half, the resident in the low half (the
    /// residents are synthetic, so no key is needed); <see cref="IdentifierKind.Opaque"/> is the one-per-resident key
    /// <c>(0, resident)</c> the simulation files use.
    /// </summary>
    /// <param name="resident">The resident's index.</param>
    /// <param name="kind">The identifier's kind.</param>
    /// <returns>The pseudonym.</returns>
    public static PersonPseudonym SyntheticPseudonym(int resident, IdentifierKind kind) => new((ulong)kind, (ulong)resident);
}
