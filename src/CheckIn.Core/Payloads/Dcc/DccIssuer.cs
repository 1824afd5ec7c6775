using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;
using CheckIn.Core.Text;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Core.Payloads.Dcc;

/// <summary>
/// Issues EU Digital COVID Certificates (<c>HC1:</c>) signed with a document signer certificate's private key: for tests,
/// and for a province testing its own scanners and checkpoints. A code it issues reads back through
/// <see cref="PayloadReader"/> into an equal certificate, and verifies against a trust list holding <see cref="TrustedCertificate"/>.
/// </summary>
/// <example>
/// <code>
/// using var issuer = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, notBefore, notAfter);
/// var text = issuer.Issue(certificate, "VN", issuedAt, expiresAt);   // "HC1:6BF…"
/// var options = new PayloadReaderOptions { DccTrustList = new DccTrustList([issuer.TrustedCertificate]) };
/// </code>
/// </example>
public sealed class DccIssuer : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;
    private bool _disposed;

    /// <summary>Creates an issuer from a certificate with its private key (EC P-256 signs ES256, RSA signs PS256).</summary>
    /// <param name="certificate">The document signer certificate, with its private key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    /// <exception cref="ArgumentException">The certificate has no private key, or one that is neither P-256 nor RSA.</exception>
    public DccIssuer(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _ec = certificate.GetECDsaPrivateKey();
        _rsa = _ec is null ? certificate.GetRSAPrivateKey() : null;
        if (_ec is { KeySize: not 256 } || (_ec is null && _rsa is null))
        {
            _ec?.Dispose();
            throw new ArgumentException("The certificate needs an EC P-256 or RSA private key.", nameof(certificate));
        }

        _certificate = certificate;
        TrustedCertificate = DccTrustedCertificate.FromDer(certificate.RawData).GetValueOrThrow();
    }

    /// <summary>The public part, to put into a <see cref="DccTrustList"/>.</summary>
    public DccTrustedCertificate TrustedCertificate { get; }

    /// <summary>The algorithm the issuer signs with.</summary>
    public DccSignatureAlgorithm Algorithm => _ec is not null ? DccSignatureAlgorithm.ES256 : DccSignatureAlgorithm.PS256;

    /// <summary>
    /// Creates an issuer with a new self-signed document signer certificate: subject <c>C=country, O=CheckIn test, CN=DSC</c>,
    /// the DCC extended key usages of <paramref name="types"/> (none: it may sign every type).
    /// </summary>
    /// <param name="country">The certificate's country, e.g. <c>VN</c>.</param>
    /// <param name="algorithm">ES256 (a P-256 key) or PS256 (a 2048-bit RSA key).</param>
    /// <param name="notBefore">The start of the certificate's validity.</param>
    /// <param name="notAfter">The end of the certificate's validity.</param>
    /// <param name="types">The types the certificate may sign, written as extended key usages; null or empty for none.</param>
    /// <returns>The issuer; dispose it to release the key.</returns>
    /// <exception cref="ArgumentException">The country is not 2 upper-case letters, or the validity ends before it starts.</exception>
    public static DccIssuer CreateForTesting(string country, DccSignatureAlgorithm algorithm, Instant notBefore, Instant notAfter,
        IReadOnlyList<DccCertificateType>? types = null)
    {
        ArgumentNullException.ThrowIfNull(country);
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException("The country is two upper-case letters.", nameof(country));
        }

        if (notAfter <= notBefore)
        {
            throw new ArgumentException("The validity ends before it starts.", nameof(notAfter));
        }

        var subject = new X500DistinguishedName("C=" + country + ", O=CheckIn test, CN=DSC");
        using var ec = algorithm == DccSignatureAlgorithm.ES256 ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        using var rsa = algorithm == DccSignatureAlgorithm.PS256 ? RSA.Create(2048) : null;
        var request = ec is not null
            ? new CertificateRequest(subject, ec, HashAlgorithmName.SHA256)
            : new CertificateRequest(subject, rsa ?? throw new ArgumentOutOfRangeException(nameof(algorithm)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        if (types is { Count: > 0 })
        {
            var usages = new OidCollection();
            foreach (var type in types.Distinct())
            {
                usages.Add(new Oid(type switch
                {
                    DccCertificateType.Test => DccTrustedCertificate.TestUsage[0],
                    DccCertificateType.Vaccination => DccTrustedCertificate.VaccinationUsage[0],
                    DccCertificateType.Recovery => DccTrustedCertificate.RecoveryUsage[0],
                    _ => throw new ArgumentOutOfRangeException(nameof(types)),
                }));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, critical: false));
        }

        var certificate = request.CreateSelfSigned(notBefore.ToDateTimeOffset(), notAfter.ToDateTimeOffset());
        return new DccIssuer(certificate);
    }

    /// <summary>Issues a certificate.</summary>
    /// <param name="certificate">The health certificate; it must follow schema 1.3 (names in their lengths, doses 1 to 9, a UVCI).</param>
    /// <param name="issuer">The issuing country (CWT claim 1), e.g. <c>VN</c>.</param>
    /// <param name="issuedAt">The issue time (claim 6).</param>
    /// <param name="expiresAt">The expiry (claim 4), after <paramref name="issuedAt"/>.</param>
    /// <returns>The <c>HC1:</c> text to put into a QR code.</returns>
    /// <exception cref="ArgumentException">The certificate breaks the schema (the message names the member), or the times are out of order.</exception>
    /// <exception cref="ObjectDisposedException">The issuer was disposed.</exception>
    public string Issue(DigitalCovidCertificate certificate, string issuer, Instant issuedAt, Instant expiresAt)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        if (expiresAt <= issuedAt)
        {
            throw new ArgumentException("The expiry is not after the issue time.", nameof(expiresAt));
        }

        var hcert = WriteCertificate(certificate);
        var read = DccSchema.Read(hcert);
        if (!read.Success)
        {
            throw new ArgumentException("The certificate breaks the DCC schema at " + (read.Error.Property ?? "its root") + ".", nameof(certificate));
        }

        return Wrap(Sign(WriteClaims(issuer, issuedAt, expiresAt, hcert), keyIdProtected: true));
    }

    /// <summary>Signs a COSE_Sign1 message over any content, with the key id in the protected or unprotected header, or none.</summary>
    internal byte[] Sign(byte[] content, bool keyIdProtected, bool withKeyId = true)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var protectedHeaders = new CoseHeaderMap();
        var unprotectedHeaders = new CoseHeaderMap();
        if (withKeyId)
        {
            (keyIdProtected ? protectedHeaders : unprotectedHeaders).Add(CoseHeaderLabel.KeyIdentifier, TrustedCertificate.KeyId.Items.ToArray());
        }

        var signer = _ec is not null
            ? new CoseSigner(_ec, HashAlgorithmName.SHA256, protectedHeaders, unprotectedHeaders)
            : new CoseSigner(_rsa!, RSASignaturePadding.Pss, HashAlgorithmName.SHA256, protectedHeaders, unprotectedHeaders);
        return CoseSign1Message.SignEmbedded(content, signer);
    }

    /// <summary>Compresses a COSE message, encodes it in Base45 and prefixes it with <c>HC1:</c>.</summary>
    internal static string Wrap(byte[] cose)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(cose);
        }

        return "HC1:" + Base45.Encode(output.ToArray());
    }

    internal static byte[] WriteClaims(string? issuer, Instant? issuedAt, Instant? expiresAt, byte[] hcert)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(null);
        if (issuer is not null)
        {
            writer.WriteInt32(1);
            writer.WriteTextString(issuer);
        }

        if (expiresAt is { } exp)
        {
            writer.WriteInt32(4);
            writer.WriteInt64(exp.ToUnixTimeSeconds());
        }

        if (issuedAt is { } iat)
        {
            writer.WriteInt32(6);
            writer.WriteInt64(iat.ToUnixTimeSeconds());
        }

        writer.WriteInt32(-260);
        writer.WriteStartMap(1);
        writer.WriteInt32(1);
        writer.WriteEncodedValue(hcert);
        writer.WriteEndMap();
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>Writes a health certificate as CBOR with the members of schema 1.3 (optional ones only when set).</summary>
    internal static byte[] WriteCertificate(DigitalCovidCertificate certificate)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(null);
        Text(writer, "ver", certificate.SchemaVersion);
        writer.WriteTextString("nam");
        writer.WriteStartMap(null);
        Text(writer, "fn", certificate.Name.FamilyName);
        Text(writer, "fnt", certificate.Name.FamilyNameTransliterated);
        Text(writer, "gn", certificate.Name.GivenName);
        Text(writer, "gnt", certificate.Name.GivenNameTransliterated);
        writer.WriteEndMap();
        Text(writer, "dob", certificate.DateOfBirth.ToString());
        var entry = certificate.Entry;
        writer.WriteTextString(entry.Type switch { DccCertificateType.Vaccination => "v", DccCertificateType.Test => "t", _ => "r" });
        writer.WriteStartArray(1);
        writer.WriteStartMap(null);
        Text(writer, "tg", entry.Disease);
        switch (entry)
        {
            case DccVaccination v:
                Text(writer, "vp", v.VaccineType);
                Text(writer, "mp", v.Product);
                Text(writer, "ma", v.Manufacturer);
                writer.WriteTextString("dn");
                writer.WriteInt32(v.DoseNumber);
                writer.WriteTextString("sd");
                writer.WriteInt32(v.TotalDoses);
                Text(writer, "dt", LocalDatePattern.Iso.Format(v.Date));
                break;
            case DccTest t:
                Text(writer, "tt", t.TestType);
                Text(writer, "nm", t.TestName);
                Text(writer, "ma", t.TestDevice);
                Text(writer, "sc", InstantPattern.General.Format(t.SampleCollectedAt));
                Text(writer, "tr", t.Result);
                Text(writer, "tc", t.TestingCentre);
                break;
            case DccRecovery r:
                Text(writer, "fr", LocalDatePattern.Iso.Format(r.FirstPositive));
                Text(writer, "df", LocalDatePattern.Iso.Format(r.ValidFrom));
                Text(writer, "du", LocalDatePattern.Iso.Format(r.ValidUntil));
                break;
        }

        Text(writer, "co", entry.Country);
        Text(writer, "is", entry.CertificateIssuer);
        Text(writer, "ci", entry.CertificateId);
        writer.WriteEndMap();
        writer.WriteEndArray();
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static void Text(CborWriter writer, string key, string? value)
    {
        if (value is not null)
        {
            writer.WriteTextString(key);
            writer.WriteTextString(value);
        }
    }

    /// <summary>Releases the private key.</summary>
    public void Dispose()
    {
        _disposed = true;
        _ec?.Dispose();
        _rsa?.Dispose();
        _certificate.Dispose();
    }
}
