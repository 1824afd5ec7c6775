using CheckIn.Core;
using CheckIn.Core.Identity;

namespace CheckIn.Simulation;

/// <summary>What a resident does on ordinary days.</summary>
public enum ResidentRole
{
    /// <summary>Under 6: goes out with family and does not check in.</summary>
    Child = 0,

    /// <summary>6–17: goes to school on weekdays.</summary>
    Pupil = 1,

    /// <summary>Works at a venue (office, factory, shop, market…).</summary>
    Worker = 2,

    /// <summary>Working age, at home: markets and shops.</summary>
    Homemaker = 3,

    /// <summary>Over 60.</summary>
    Retired = 4,
}

/// <summary>
/// A synthetic resident: an ID number consistent with birth province, sex and year, a valid mobile number, a
/// home commune from the real administrative list, and whether they carry a smartphone. The data are made
/// up, but they are shaped like personal data, so <see cref="ToString"/> masks them like the real thing.
/// </summary>
public readonly record struct SimulatedResident
{
    /// <summary>The resident's position in <see cref="SyntheticProvince.Residents"/>.</summary>
    public required int Index { get; init; }

    /// <summary>The key the simulation's CSV uses for the person, for example <c>R0000042</c>.</summary>
    public string Key => KeyOf(Index);

    /// <summary>The key of the resident at an index, as the simulation's CSV files and reports name residents.</summary>
    /// <param name="index">The resident's index.</param>
    /// <returns>For example <c>R0000042</c>.</returns>
    public static string KeyOf(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"R{index:D7}");

    /// <summary>The chip ID card number: birth-registration province, sex and century, birth year, serial.</summary>
    public required CitizenId Id { get; init; }

    /// <summary>The full name.</summary>
    public required string FullName { get; init; }

    /// <summary>Sex.</summary>
    public required Sex Sex { get; init; }

    /// <summary>Birth year.</summary>
    public required int BirthYear { get; init; }

    /// <summary>Age at the start of the simulation.</summary>
    public required int Age { get; init; }

    /// <summary>Mobile phone number.</summary>
    public required PhoneNumber Phone { get; init; }

    /// <summary>Home commune (legacy code).</summary>
    public required int HomeCommune { get; init; }

    /// <summary>
    /// The household: the index of its first member (members are consecutive residents and share the home commune).
    /// Ages within a household are drawn independently, not arranged into families.
    /// </summary>
    public required int Household { get; init; }

    /// <summary>Whether they carry a smartphone with a check-in app.</summary>
    public required bool HasSmartphone { get; init; }

    /// <summary>Whether they run Bluezone, so their phone logs Bluetooth encounters with other users' (smartphone holders only).</summary>
    public bool RunsBluezone { get; init; }

    /// <summary>What they do on ordinary days.</summary>
    public required ResidentRole Role { get; init; }

    /// <summary>Masked, like every identifier in CheckIn.</summary>
    /// <returns>For example <c>R0000042 (**********56, N***** V** A*)</c>.</returns>
    public override string ToString() => $"{Key} ({Id}, {Redaction.MaskName(FullName)})";
}
