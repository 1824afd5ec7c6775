using CheckIn.Core;
using CheckIn.Core.Identity;
using NodaTime;

namespace CheckIn.Declarations;

/// <summary>An entry declaration at a border gate (the VHD form). The portrait the form photographs is not kept here.</summary>
public sealed record EntryDeclaration : DeclarationDocument
{
    /// <inheritdoc />
    public override DocumentKind Kind => DocumentKind.Entry;

    /// <summary>When the declaration was made.</summary>
    public Instant? DeclaredAt { get; init; }

    /// <summary>The border gate (airport, port or land crossing).</summary>
    public string? BorderGate { get; init; }

    /// <summary>The full name as in the passport: upper case, no diacritics.</summary>
    public string? FullName { get; init; }

    /// <summary>The year of birth.</summary>
    public int? BirthYear { get; init; }

    /// <summary>Sex.</summary>
    public Sex Sex { get; init; }

    /// <summary>Nationality, ISO 3166-1 alpha-2.</summary>
    public string? Nationality { get; init; }

    /// <summary>The passport number.</summary>
    public string? PassportNumber { get; init; }

    /// <summary>How the traveller arrived.</summary>
    public TravelMeans? Means { get; init; }

    /// <summary>Flight, ship or vehicle number (required for planes and ships).</summary>
    public string? VehicleNumber { get; init; }

    /// <summary>Seat number (optional).</summary>
    public string? Seat { get; init; }

    /// <summary>The departure date.</summary>
    public LocalDate? DepartureDate { get; init; }

    /// <summary>The arrival date.</summary>
    public LocalDate? ArrivalDate { get; init; }

    /// <summary>The country of departure, ISO 3166-1 alpha-2.</summary>
    public string? DepartureCountry { get; init; }

    /// <summary>The province or state of departure (free text).</summary>
    public string? DepartureProvince { get; init; }

    /// <summary>The destination in Vietnam.</summary>
    public Address? Destination { get; init; }

    /// <summary>Countries visited in the last 21 days, ISO 3166-1 alpha-2.</summary>
    public EquatableArray<string> CountriesVisited { get; init; }

    /// <summary>The address after quarantine.</summary>
    public Address? AddressAfterQuarantine { get; init; }

    /// <summary>A contact address in Vietnam (optional).</summary>
    public Address? ContactAddress { get; init; }

    /// <summary>A Vietnamese phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>An e-mail address (optional).</summary>
    public string? Email { get; init; }

    /// <summary>Symptoms in the last 21 days.</summary>
    public EquatableArray<Symptom> Symptoms { get; init; }

    /// <summary>The vaccine used (free text, optional).</summary>
    public string? Vaccine { get; init; }

    /// <summary>Exposures in the last 14 days.</summary>
    public EquatableArray<EntryExposure> Exposures { get; init; }

    /// <summary>The declared test result.</summary>
    public TestResult TestResult { get; init; }

    /// <summary>The test date (required when tested).</summary>
    public LocalDate? TestDate { get; init; }

    /// <summary>The chosen quarantine facility.</summary>
    public string? QuarantineFacility { get; init; }
}
