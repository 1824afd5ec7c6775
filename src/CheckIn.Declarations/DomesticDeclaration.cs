using CheckIn.Core;
using CheckIn.Core.Identity;
using NodaTime;

namespace CheckIn.Declarations;

/// <summary>
/// A domestic health declaration ("khai báo toàn dân", "khai di chuyển nội địa" at tokhaiyte.vn), for oneself or
/// on someone's behalf (<see cref="DeclaredBy"/>).
/// </summary>
public sealed record DomesticDeclaration : DeclarationDocument
{
    /// <inheritdoc />
    public override DocumentKind Kind => DocumentKind.Domestic;

    /// <summary>When the declaration was made.</summary>
    public Instant? DeclaredAt { get; init; }

    /// <summary>The full name, upper case, NFC (diacritics allowed).</summary>
    public string? FullName { get; init; }

    /// <summary>The CCCD, CMND or passport number.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The year of birth.</summary>
    public int? BirthYear { get; init; }

    /// <summary>Nam, Nữ or Khác.</summary>
    public Sex Sex { get; init; }

    /// <summary>Nationality, ISO 3166-1 alpha-2 (e.g. <c>VN</c>).</summary>
    public string? Nationality { get; init; }

    /// <summary>Where the person lives, with codes in force on the declaration date.</summary>
    public Address? Address { get; init; }

    /// <summary>A Vietnamese phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>An e-mail address (optional).</summary>
    public string? Email { get; init; }

    /// <summary>Places visited in the last 14 days (free text).</summary>
    public EquatableArray<string> PlacesVisited { get; init; }

    /// <summary>Symptoms in the last 14 days.</summary>
    public EquatableArray<Symptom> Symptoms { get; init; }

    /// <summary>Exposures in the last 14 days.</summary>
    public EquatableArray<DomesticExposure> Exposures { get; init; }

    /// <summary>Chronic conditions (earlier versions of the form).</summary>
    public EquatableArray<ChronicCondition> ChronicConditions { get; init; }

    /// <summary>Who declared on the person's behalf, or null when they declared for themselves.</summary>
    public Proxy? DeclaredBy { get; init; }
}

/// <summary>Someone declaring on another person's behalf (a parent for a child, a carer).</summary>
public sealed record Proxy
{
    /// <summary>The proxy's full name.</summary>
    public string? FullName { get; init; }

    /// <summary>The proxy's phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>How the proxy is related to the person (e.g. "mẹ").</summary>
    public string? Relationship { get; init; }

    /// <summary>The relationship, and the name and phone masked: safe for logs.</summary>
    /// <returns>The masked text.</returns>
    public override string ToString() => DocumentText.Describe(this);
}
