using CheckIn.Core;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Declarations;

/// <summary>A venue's registration for a check-in code (what qr.tokhaiyte.vn asked for).</summary>
public sealed record VenueRegistration : DeclarationDocument
{
    /// <inheritdoc />
    public override DocumentKind Kind => DocumentKind.VenueRegistration;

    /// <summary>When the venue registered.</summary>
    public Instant? RegisteredAt { get; init; }

    /// <summary>The venue's name.</summary>
    public string? Name { get; init; }

    /// <summary>The kind of venue (decides the default visit length, <see cref="VenueKinds.DefaultVisitLength"/>).</summary>
    public VenueKind VenueKind { get; init; }

    /// <summary>Where the venue is; the street is required.</summary>
    public Address? Address { get; init; }

    /// <summary>The registrant's name.</summary>
    public string? RegistrantName { get; init; }

    /// <summary>The registrant's phone (confirmed by an OTP at registration).</summary>
    public string? RegistrantPhone { get; init; }
}

/// <summary>A line of a venue's paper log, written by staff for a visitor without a smartphone.</summary>
public sealed record PaperLogEntry : DeclarationDocument
{
    /// <inheritdoc />
    public override DocumentKind Kind => DocumentKind.PaperLog;

    /// <summary>The venue's identifier.</summary>
    public string? VenueId { get; init; }

    /// <summary>The visitor's name as written.</summary>
    public string? FullName { get; init; }

    /// <summary>The visitor's phone (a phone or a document number is required).</summary>
    public string? Phone { get; init; }

    /// <summary>The visitor's CCCD, CMND or passport number.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The visitor's address as written (free text).</summary>
    public string? Address { get; init; }

    /// <summary>When the visitor arrived.</summary>
    public Instant? CheckIn { get; init; }

    /// <summary>When the visitor left, if written.</summary>
    public Instant? CheckOut { get; init; }

    /// <summary>The staff member who wrote the line.</summary>
    public string? WrittenBy { get; init; }
}

/// <summary>A sample tube paired with the people sampled into it: one person, or a pooled tube.</summary>
public sealed record SpecimenPairing : DeclarationDocument
{
    /// <inheritdoc />
    public override DocumentKind Kind => DocumentKind.SpecimenPairing;

    /// <summary>The tube's barcode.</summary>
    public string? TubeBarcode { get; init; }

    /// <summary>The people sampled into the tube (document numbers or platform QIDs).</summary>
    public EquatableArray<string> Persons { get; init; }

    /// <summary>Who took the samples.</summary>
    public string? Sampler { get; init; }

    /// <summary>When the samples were taken.</summary>
    public Instant? CollectedAt { get; init; }
}

/// <summary>A venue's daily safety checklist, with public reports against it.</summary>
public sealed record VenueSafetyCheck : DeclarationDocument
{
    /// <inheritdoc />
    public override DocumentKind Kind => DocumentKind.SafetyCheck;

    /// <summary>The venue's identifier.</summary>
    public string? VenueId { get; init; }

    /// <summary>The day checked.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>Each criterion and whether it was met; every criterion exactly once.</summary>
    public EquatableArray<SafetyCheckItem> Items { get; init; }

    /// <summary>Who did the check.</summary>
    public string? CheckedBy { get; init; }

    /// <summary>Reports from the public against the venue on that day.</summary>
    public EquatableArray<SafetyReport> Reports { get; init; }
}

/// <summary>One checklist item.</summary>
public sealed record SafetyCheckItem
{
    /// <summary>The criterion.</summary>
    public SafetyCriterion Criterion { get; init; }

    /// <summary>Whether the venue met it.</summary>
    public bool Passed { get; init; }
}

/// <summary>A report from the public that a venue did not meet a criterion.</summary>
public sealed record SafetyReport
{
    /// <summary>When the report was made.</summary>
    public Instant? ReportedAt { get; init; }

    /// <summary>The criterion reported as not met.</summary>
    public SafetyCriterion Criterion { get; init; }

    /// <summary>What the reporter saw.</summary>
    public string? Text { get; init; }

    /// <summary>The time and criterion, and the text hidden (it may name people): safe for logs.</summary>
    /// <returns>The masked text.</returns>
    public override string ToString() => DocumentText.Describe(this);
}
