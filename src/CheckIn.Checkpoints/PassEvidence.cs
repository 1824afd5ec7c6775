using System.Globalization;
using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Declarations;
using NodaTime;

namespace CheckIn.Checkpoints;

/// <summary>Where a piece of evidence came from, which decides how far a checkpoint can rely on it.</summary>
public enum EvidenceSource
{
    /// <summary>A signed code read at the checkpoint: a vaccine passport (DCC) or a signed personal card.</summary>
    Certificate = 1,

    /// <summary>Looked up by the checkpoint app in a national registry (vaccination, test results, declarations) by the scanned identity.</summary>
    Registry = 2,

    /// <summary>A document shown on paper or a screen and read by staff, not machine-verified.</summary>
    Document = 3,

    /// <summary>What the traveller said.</summary>
    Declared = 4,
}

/// <summary>What a piece of evidence is about.</summary>
public enum EvidenceType
{
    /// <summary>Who the traveller is (<see cref="IdentityEvidence"/>).</summary>
    Identity = 1,

    /// <summary>A vaccination (<see cref="VaccinationEvidence"/>).</summary>
    Vaccination = 2,

    /// <summary>A test result (<see cref="TestEvidence"/>).</summary>
    Test = 3,

    /// <summary>A recovery (<see cref="RecoveryEvidence"/>).</summary>
    Recovery = 4,

    /// <summary>A health declaration (<see cref="DeclarationEvidence"/>).</summary>
    Declaration = 5,
}

/// <summary>The kind of a test.</summary>
public enum TestKind
{
    /// <summary>A nucleic acid amplification test (RT-PCR).</summary>
    Pcr = 1,

    /// <summary>A rapid antigen test.</summary>
    RapidAntigen = 2,
}

/// <summary>
/// One thing a checkpoint knows about a traveller: who they are, a vaccination, a test, a recovery, a declaration.
/// <see cref="Verified"/> is true only when the source vouched for it (a signature that verified, a registry lookup);
/// under the default policy unverified health evidence never counts.
/// </summary>
/// <param name="Source">Where it came from.</param>
/// <param name="Verified">Whether the source vouched for it.</param>
public abstract record PassEvidence(EvidenceSource Source, bool Verified)
{
    /// <summary>What the evidence is about.</summary>
    public abstract EvidenceType Type { get; }

    /// <summary>The identity the evidence belongs to when it names one (a vaccine passport's holder), else null.</summary>
    public IdentityEvidence? Holder { get; init; }

    /// <summary>
    /// The evidence a scanned code gives: an identity for an ID card, a health-insurance card, a 1405 code or a signed
    /// personal card (Hue-S style); for a vaccine passport its holder and its vaccination, test or recovery entry,
    /// verified only when the passport's signature was. Venue codes give nothing.
    /// </summary>
    /// <param name="payload">The payload read.</param>
    /// <returns>The evidence; empty for a code that says nothing about a person.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public static IReadOnlyList<PassEvidence> FromPayload(CheckInPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        switch (payload)
        {
            case CitizenCardPayload card:
                return [new IdentityEvidence(payload.Kind, card.FullName, BirthDate.FromDate(card.DateOfBirth), EvidenceSource.Document, Verified: false)];
            case HealthInsuranceCardPayload card:
                return [new IdentityEvidence(payload.Kind, card.FullName, card.DateOfBirth, EvidenceSource.Document, Verified: false)];
            case PersonalQrPayload qr:
                return [new IdentityEvidence(payload.Kind, qr.FullName, qr.DateOfBirth, EvidenceSource.Document, Verified: false)];
            case SignedPersonPayload person:
                return [new IdentityEvidence(payload.Kind, null, null, EvidenceSource.Certificate, person.SignatureStatus == SignatureStatus.Valid)];
            case DccPayload dcc:
                var verified = dcc.SignatureStatus == SignatureStatus.Valid;
                var dob = dcc.Certificate.DateOfBirth;
                var holder = new IdentityEvidence(payload.Kind, dcc.Certificate.Name.FullName,
                    dob.Date is { } date ? BirthDate.FromDate(date) : BirthDate.FromYear(dob.Year), EvidenceSource.Certificate, verified);
                PassEvidence health = dcc.Certificate.Entry switch
                {
                    DccVaccination v => new VaccinationEvidence(v.Date, v.DoseNumber, v.TotalDoses, v.Product, EvidenceSource.Certificate, verified),
                    DccTest t => new TestEvidence(t.TestType == "LP6464-4" ? TestKind.Pcr : TestKind.RapidAntigen, t.IsNegative, t.SampleCollectedAt,
                        EvidenceSource.Certificate, verified),
                    DccRecovery r => new RecoveryEvidence(r.FirstPositive, r.ValidFrom, r.ValidUntil, EvidenceSource.Certificate, verified),
                    _ => throw new ArgumentException("A DCC entry of an unknown type.", nameof(payload)),
                };
                return [holder, health with { Holder = holder }];
            default:
                return [];
        }
    }

    /// <summary>The evidence of a domestic health declaration: when it was made, and whether it declares symptoms or an exposure.</summary>
    /// <param name="declaration">The declaration (validated).</param>
    /// <param name="source">Where it came from: <see cref="EvidenceSource.Registry"/> when fetched from the declaration system.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException">The declaration has no time.</exception>
    public static DeclarationEvidence FromDeclaration(DomesticDeclaration declaration, EvidenceSource source = EvidenceSource.Registry)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var at = declaration.DeclaredAt ?? throw new ArgumentException("The declaration has no time (DeclaredAt).", nameof(declaration));
        return new DeclarationEvidence(at, declaration.Symptoms.Count > 0, declaration.Exposures.Count > 0, source, source == EvidenceSource.Registry);
    }
}

/// <summary>Who the traveller is, as a scanned document or code says.</summary>
/// <param name="Document">Which code it came from.</param>
/// <param name="FullName">The name, or null when the code carries none (a signed personal card).</param>
/// <param name="DateOfBirth">The date (or year) of birth, or null.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Verified">Whether a signature vouched for it.</param>
public sealed record IdentityEvidence(PayloadKind Document, string? FullName, BirthDate? DateOfBirth, EvidenceSource Source, bool Verified)
    : PassEvidence(Source, Verified)
{
    /// <inheritdoc/>
    public override EvidenceType Type => EvidenceType.Identity;

    /// <summary>The document and masked name; never personal data in full.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Identity {{ document = {Document}, name = {(FullName is null ? "-" : Redaction.MaskName(FullName))}, birthYear = {DateOfBirth?.Year.ToString(CultureInfo.InvariantCulture) ?? "-"} }}");
}

/// <summary>A vaccination: the last dose known.</summary>
/// <param name="Date">The day of the dose.</param>
/// <param name="DoseNumber">The dose's number.</param>
/// <param name="TotalDoses">The doses of the series.</param>
/// <param name="Product">The product (a DCC value-set code such as <c>EU/1/21/1529</c>), or null.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Verified">Whether the source vouched for it.</param>
public sealed record VaccinationEvidence(LocalDate Date, int DoseNumber, int TotalDoses, string? Product, EvidenceSource Source, bool Verified)
    : PassEvidence(Source, Verified)
{
    /// <inheritdoc/>
    public override EvidenceType Type => EvidenceType.Vaccination;
}

/// <summary>A test result.</summary>
/// <param name="Kind">The kind of test.</param>
/// <param name="Negative">True for a negative result.</param>
/// <param name="SampledAt">When the sample was taken.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Verified">Whether the source vouched for it.</param>
public sealed record TestEvidence(TestKind Kind, bool Negative, Instant SampledAt, EvidenceSource Source, bool Verified)
    : PassEvidence(Source, Verified)
{
    /// <inheritdoc/>
    public override EvidenceType Type => EvidenceType.Test;
}

/// <summary>A recovery from COVID-19.</summary>
/// <param name="FirstPositive">The day of the first positive test.</param>
/// <param name="ValidFrom">The first day a recovery certificate is valid, or null.</param>
/// <param name="ValidUntil">The last day a recovery certificate is valid, or null.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Verified">Whether the source vouched for it.</param>
public sealed record RecoveryEvidence(LocalDate FirstPositive, LocalDate? ValidFrom, LocalDate? ValidUntil, EvidenceSource Source, bool Verified)
    : PassEvidence(Source, Verified)
{
    /// <inheritdoc/>
    public override EvidenceType Type => EvidenceType.Recovery;
}

/// <summary>A health declaration.</summary>
/// <param name="DeclaredAt">When it was made.</param>
/// <param name="HasSymptoms">Whether it declares a symptom (fever, cough, shortness of breath…).</param>
/// <param name="HasExposure">Whether it declares a contact with a case, a suspect or someone from an affected area.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Verified">Whether it came from the declaration system rather than the traveller's word.</param>
public sealed record DeclarationEvidence(Instant DeclaredAt, bool HasSymptoms, bool HasExposure, EvidenceSource Source, bool Verified)
    : PassEvidence(Source, Verified)
{
    /// <inheritdoc/>
    public override EvidenceType Type => EvidenceType.Declaration;
}
