using System.Globalization;
using CheckIn.Core.Payloads.Signed;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Core.Payloads.Dcc;

/// <summary>
/// An EU Digital COVID Certificate (<c>HC1:</c>), Vietnam's vaccine passport from December 2021 (Decision 5772/QĐ-BYT):
/// the CWT claims (issuer country, issued at, expiry), how it was signed, and the health certificate it carries.
/// </summary>
/// <remarks>
/// <para><see cref="SignatureStatus"/> is <see cref="SignatureStatus.Valid"/> only when the reader had a
/// <see cref="PayloadReaderOptions.DccTrustList"/> and the signature verified with a trusted document signer certificate
/// that was valid, allowed this certificate type and belongs to the issuing country; without a trust list it is
/// <see cref="SignatureStatus.NotVerified"/>, and a checkpoint must not accept it.</para>
/// <para>The reader refuses a code whose expiry has passed at its clock (<c>Dcc.Expired</c>): to read an old code,
/// give it a clock at the instant to check.</para>
/// </remarks>
public sealed record DccPayload : CheckInPayload
{
    internal DccPayload(string text, string? issuer, Instant? issuedAt, Instant? expiresAt, DccSignatureAlgorithm algorithm, EquatableArray<byte> keyId,
        DigitalCovidCertificate certificate)
    {
        Text = text;
        Issuer = issuer;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        Algorithm = algorithm;
        KeyId = keyId;
        Certificate = certificate;
    }

    /// <inheritdoc/>
    public override PayloadKind Kind => PayloadKind.DigitalCovidCertificate;

    /// <summary>The text as scanned (<c>HC1:</c> and Base45); a DCC is written by its issuer, so this is what <see cref="ToText"/> gives back.</summary>
    public string Text { get; }

    /// <summary>The issuing country (CWT claim 1, <c>iss</c>), e.g. <c>VN</c>, or null when absent.</summary>
    public string? Issuer { get; }

    /// <summary>When the DCC was issued (CWT claim 6, <c>iat</c>), or null when absent.</summary>
    public Instant? IssuedAt { get; }

    /// <summary>When the DCC expires (CWT claim 4, <c>exp</c>), or null when absent.</summary>
    public Instant? ExpiresAt { get; }

    /// <summary>The signature algorithm of the COSE header.</summary>
    public DccSignatureAlgorithm Algorithm { get; }

    /// <summary>The key id of the COSE header: the first 8 bytes of the SHA-256 of the signer's certificate.</summary>
    public EquatableArray<byte> KeyId { get; }

    /// <summary>What the reader knows about the signature.</summary>
    public SignatureStatus SignatureStatus { get; init; }

    /// <summary>The document signer certificate that verified the signature; null unless <see cref="SignatureStatus"/> is valid.</summary>
    public DccTrustedCertificate? Signer { get; init; }

    /// <summary>The health certificate: holder and the one vaccination, test or recovery entry.</summary>
    public DigitalCovidCertificate Certificate { get; }

    /// <summary>Which certificate this is.</summary>
    public DccCertificateType Type => Certificate.Type;

    /// <inheritdoc/>
    public override string ToText() => Text;

    /// <inheritdoc/>
    public override IReadOnlyList<PayloadField> GetFields(bool reveal = false)
    {
        var name = Certificate.Name;
        var fields = new List<PayloadField>
        {
            new("type", Type.ToString()),
            new("issuer", Issuer),
            new("issuedAt", IssuedAt is { } iat ? InstantPattern.General.Format(iat) : null),
            new("expiresAt", ExpiresAt is { } exp ? InstantPattern.General.Format(exp) : null),
            new("signature", SignatureStatus.ToString()),
            new("keyId", Convert.ToBase64String(KeyId.Items.AsSpan())),
            new("schemaVersion", Certificate.SchemaVersion),
            new("familyName", Mask(name.FamilyName, reveal)),
            new("familyNameTransliterated", Mask(name.FamilyNameTransliterated, reveal)),
            new("givenName", Mask(name.GivenName, reveal)),
            new("givenNameTransliterated", Mask(name.GivenNameTransliterated, reveal)),
            new("dateOfBirth", reveal ? Certificate.DateOfBirth.ToString() : Certificate.DateOfBirth.Year.ToString(CultureInfo.InvariantCulture)),
        };

        var entry = Certificate.Entry;
        fields.Add(new("disease", entry.Disease));
        switch (entry)
        {
            case DccVaccination v:
                fields.Add(new("vaccineType", v.VaccineType));
                fields.Add(new("product", v.Product));
                fields.Add(new("manufacturer", v.Manufacturer));
                fields.Add(new("dose", string.Create(CultureInfo.InvariantCulture, $"{v.DoseNumber}/{v.TotalDoses}")));
                fields.Add(new("date", LocalDatePattern.Iso.Format(v.Date)));
                break;
            case DccTest t:
                fields.Add(new("testType", t.TestType));
                fields.Add(new("testName", t.TestName));
                fields.Add(new("testDevice", t.TestDevice));
                fields.Add(new("sampleCollectedAt", InstantPattern.General.Format(t.SampleCollectedAt)));
                fields.Add(new("result", t.Result));
                fields.Add(new("testingCentre", t.TestingCentre));
                break;
            case DccRecovery r:
                fields.Add(new("firstPositive", LocalDatePattern.Iso.Format(r.FirstPositive)));
                fields.Add(new("validFrom", LocalDatePattern.Iso.Format(r.ValidFrom)));
                fields.Add(new("validUntil", LocalDatePattern.Iso.Format(r.ValidUntil)));
                break;
        }

        fields.Add(new("country", entry.Country));
        fields.Add(new("certificateIssuer", entry.CertificateIssuer));
        fields.Add(new("certificateId", reveal ? entry.CertificateId : Redaction.Mask(entry.CertificateId, 0, 4)));
        return fields;
    }

    private static string? Mask(string? value, bool reveal) => value is null || reveal ? value : Redaction.MaskName(value.Replace('<', ' '));

    /// <summary>Value equality that ignores the trusted certificate's object identity: two reads of one code with one list are equal.</summary>
    /// <param name="other">The other payload.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(DccPayload? other) =>
        other is not null && Text == other.Text && SignatureStatus == other.SignatureStatus && Quirks == other.Quirks
        && Signer?.KeyId == other.Signer?.KeyId && Signer?.NotBefore == other.Signer?.NotBefore && Certificate == other.Certificate;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Text, SignatureStatus);
}
