using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using NodaTime;

namespace CheckIn.Core.Payloads.Dcc;

/// <summary>
/// One document signer certificate (DSC) a verifier trusts: the X.509 certificate, its DCC key id (the first 8 bytes
/// of the SHA-256 of its DER encoding), its country and the certificate types its extended key usage allows.
/// </summary>
public sealed class DccTrustedCertificate
{
    /// <summary>The extended key usage that allows test certificates (and its variant with the extra <c>.0</c> some issuers used).</summary>
    public static readonly IReadOnlyList<string> TestUsage = ["1.3.6.1.4.1.1847.2021.1.1", "1.3.6.1.4.1.0.1847.2021.1.1"];

    /// <summary>The extended key usage that allows vaccination certificates.</summary>
    public static readonly IReadOnlyList<string> VaccinationUsage = ["1.3.6.1.4.1.1847.2021.1.2", "1.3.6.1.4.1.0.1847.2021.1.2"];

    /// <summary>The extended key usage that allows recovery certificates.</summary>
    public static readonly IReadOnlyList<string> RecoveryUsage = ["1.3.6.1.4.1.1847.2021.1.3", "1.3.6.1.4.1.0.1847.2021.1.3"];

    private readonly byte[] _der;

    // Importing a key from the certificate costs more than verifying with it: keys are pooled, one per concurrent
    // verification (an instance is not documented as safe for concurrent use), and released with the certificate.
    private readonly ConcurrentBag<AsymmetricAlgorithm> _keys = [];

    private DccTrustedCertificate(byte[] der, X509Certificate2 certificate)
    {
        _der = der;
        Certificate = certificate;
        KeyId = new EquatableArray<byte>(SHA256.HashData(der).AsSpan(0, 8).ToArray());
        Country = SubjectCountry(certificate);
        NotBefore = Instant.FromDateTimeOffset(certificate.NotBefore);
        NotAfter = Instant.FromDateTimeOffset(certificate.NotAfter);
        var usages = UsageOids(certificate);
        var types = new List<DccCertificateType>();
        if (usages.Overlaps(TestUsage))
        {
            types.Add(DccCertificateType.Test);
        }

        if (usages.Overlaps(VaccinationUsage))
        {
            types.Add(DccCertificateType.Vaccination);
        }

        if (usages.Overlaps(RecoveryUsage))
        {
            types.Add(DccCertificateType.Recovery);
        }

        // A DSC without any of the three may sign every type (eHealth Network, DCC technical specifications volume 1).
        AllowedTypes = types.Count == 0 ? [DccCertificateType.Vaccination, DccCertificateType.Test, DccCertificateType.Recovery] : types;
        Algorithm = certificate.GetKeyAlgorithm() switch
        {
            "1.2.840.10045.2.1" => IsP256(certificate) ? DccSignatureAlgorithm.ES256 : null,
            "1.2.840.113549.1.1.1" or "1.2.840.113549.1.1.10" => DccSignatureAlgorithm.PS256,
            _ => null,
        };
    }

    /// <summary>The certificate (public key only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The DCC key id: the first 8 bytes of the SHA-256 of the certificate's DER encoding.</summary>
    public EquatableArray<byte> KeyId { get; }

    /// <summary>The country of the certificate's subject (<c>C=</c>), or null.</summary>
    public string? Country { get; }

    /// <summary>The start of the certificate's validity.</summary>
    public Instant NotBefore { get; }

    /// <summary>The end of the certificate's validity.</summary>
    public Instant NotAfter { get; }

    /// <summary>The certificate types the extended key usage allows (all three when it names none of the DCC usages).</summary>
    public IReadOnlyList<DccCertificateType> AllowedTypes { get; }

    /// <summary>The algorithm the key signs with (ES256 for an EC P-256 key, PS256 for RSA), or null for a key of another type or curve.</summary>
    public DccSignatureAlgorithm? Algorithm { get; }

    /// <summary>The certificate's DER encoding.</summary>
    /// <returns>A copy of the bytes.</returns>
    public byte[] GetEncoded() => (byte[])_der.Clone();

    /// <summary>Reads a certificate from its DER bytes.</summary>
    /// <param name="der">The DER encoding.</param>
    /// <returns>The certificate, or <c>DccTrustList.Certificate</c> when the bytes are not one X.509 certificate.</returns>
    public static Result<DccTrustedCertificate> FromDer(ReadOnlySpan<byte> der)
    {
        if (der.IsEmpty || der.Length > MaxCertificateLength)
        {
            return Fail(CoreErrorCodes.DccTrustList.Certificate, CheckInError.None);
        }

        try
        {
            var bytes = der.ToArray();
            var certificate = X509CertificateLoader.LoadCertificate(bytes);

            // The loader reads a prefix; trailing bytes or a re-encoding mean the kid would name other bytes.
            return certificate.RawDataMemory.Span.SequenceEqual(bytes)
                ? Result.Ok(new DccTrustedCertificate(bytes, certificate))
                : Fail(CoreErrorCodes.DccTrustList.Certificate, CheckInError.None);
        }
        catch (CryptographicException)
        {
            return Fail(CoreErrorCodes.DccTrustList.Certificate, CheckInError.None);
        }
    }

    /// <summary>Reads one certificate written as PEM (<c>-----BEGIN CERTIFICATE-----</c>) or as base64 of its DER bytes.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The certificate, or <c>DccTrustList.Certificate</c>.</returns>
    public static Result<DccTrustedCertificate> FromText(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > MaxCertificateLength * 2)
        {
            return Fail(CoreErrorCodes.DccTrustList.Certificate, CheckInError.None);
        }

        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            if (!PemEncoding.TryFind(trimmed, out var fields) || !trimmed[fields.Label].SequenceEqual("CERTIFICATE")
                || !trimmed[fields.Location.End..].Trim().IsEmpty)
            {
                return Fail(CoreErrorCodes.DccTrustList.Certificate, CheckInError.None);
            }

            var der = new byte[fields.DecodedDataLength];
            return Convert.TryFromBase64Chars(trimmed[fields.Base64Data], der, out var written)
                ? FromDer(der.AsSpan(0, written))
                : Fail(CoreErrorCodes.DccTrustList.Certificate, CheckInError.None);
        }

        var buffer = new byte[(trimmed.Length * 3 / 4) + 3];
        return Convert.TryFromBase64Chars(trimmed, buffer, out var length)
            ? FromDer(buffer.AsSpan(0, length))
            : Fail(CoreErrorCodes.DccTrustList.Certificate, CheckInError.None);
    }

    /// <summary>The subject and key id, for logs (a DSC names an authority, never a person).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Certificate.Subject + " (kid " + Convert.ToBase64String(KeyId.Items.AsSpan()) + ")";

    internal const int MaxCertificateLength = 16 * 1024;

    /// <summary>Verifies a COSE_Sign1 message's signature with this certificate's key (its algorithm checked by the caller).</summary>
    internal bool Verify(CoseSign1Message message)
    {
        var key = _keys.TryTake(out var pooled) ? pooled : Algorithm switch
        {
            DccSignatureAlgorithm.ES256 => Certificate.GetECDsaPublicKey() is { KeySize: 256 } ec ? ec : null,
            DccSignatureAlgorithm.PS256 => Certificate.GetRSAPublicKey(),
            _ => null,
        };
        if (key is null)
        {
            return false;
        }

        try
        {
            return message.VerifyEmbedded(key);
        }
        catch (Exception e) when (DccReader.IsDecodeFailure(e))
        {
            return false;
        }
        finally
        {
            _keys.Add(key);
        }
    }

    private static bool IsP256(X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPublicKey();
        return key?.KeySize == 256;
    }

    private static string? SubjectCountry(X509Certificate2 certificate)
    {
        foreach (var part in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (part.GetSingleElementType().Value == "2.5.4.6")
            {
                return part.GetSingleElementValue();
            }
        }

        return null;
    }

    private static HashSet<string> UsageOids(X509Certificate2 certificate)
    {
        var oids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509EnhancedKeyUsageExtension usage)
            {
                foreach (var oid in usage.EnhancedKeyUsages)
                {
                    if (oid.Value is { } value)
                    {
                        oids.Add(value);
                    }
                }
            }
        }

        return oids;
    }

    private static Result<DccTrustedCertificate> Fail(string code, int field) =>
        CoreErrors.Fail<DccTrustedCertificate>(code, field, CheckInError.None);
}

/// <summary>
/// The document signer certificates a verifier trusts, found by DCC key id. Build it from certificates, or read a list
/// as national backends and the EU gateway publish it: a JSON array, or an object with a <c>certificates</c> array,
/// of entries with <c>rawData</c> (base64 DER) and optionally <c>kid</c> (base64, checked against the certificate).
/// </summary>
/// <remarks>
/// A published list is itself signed by its backend; verify that signature, or fetch the list over a channel you
/// trust, before reading it here. Two certificates may share a key id (8 bytes can collide): the reader tries each.
/// </remarks>
public sealed class DccTrustList
{
    /// <summary>The largest list read (8 MiB): the EU gateway's few thousand certificates fit.</summary>
    public const int MaxLength = 8 << 20;

    private readonly Dictionary<EquatableArray<byte>, DccTrustedCertificate[]> _byKeyId;

    /// <summary>Creates a list of the given certificates.</summary>
    /// <param name="certificates">The certificates; duplicates (the same DER bytes) are kept once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="certificates"/> or one of them is null.</exception>
    public DccTrustList(IEnumerable<DccTrustedCertificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var all = new List<DccTrustedCertificate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var certificate in certificates)
        {
            ArgumentNullException.ThrowIfNull(certificate, nameof(certificates));
            if (seen.Add(Convert.ToBase64String(certificate.Certificate.RawDataMemory.Span)))
            {
                all.Add(certificate);
            }
        }

        Certificates = all;
        _byKeyId = all.GroupBy(c => c.KeyId).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The certificates, in the order given.</summary>
    public IReadOnlyList<DccTrustedCertificate> Certificates { get; }

    /// <summary>The certificates whose key id is <paramref name="keyId"/>.</summary>
    /// <param name="keyId">The key id from a DCC's COSE header.</param>
    /// <returns>The certificates; empty when none.</returns>
    public IReadOnlyList<DccTrustedCertificate> Find(ReadOnlySpan<byte> keyId) =>
        _byKeyId.TryGetValue(new EquatableArray<byte>(keyId.ToArray()), out var found) ? found : [];

    /// <summary>Reads a published list (see the type's remarks).</summary>
    /// <param name="utf8Json">The JSON, UTF-8.</param>
    /// <returns>The list, or a <c>DccTrustList.*</c> error whose field is the index of the entry at fault.</returns>
    public static Result<DccTrustList> Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxLength)
        {
            return Fail(CoreErrorCodes.DccTrustList.TooLarge, CheckInError.None);
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return Fail(CoreErrorCodes.DccTrustList.Json, CheckInError.None);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 8 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return Fail(CoreErrorCodes.DccTrustList.Json, CheckInError.None);
        }

        using (document)
        {
            var root = document.RootElement;
            var entries = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("certificates", out var list) && list.ValueKind == JsonValueKind.Array ? list
                : default;
            if (entries.ValueKind != JsonValueKind.Array)
            {
                return Fail(CoreErrorCodes.DccTrustList.Json, CheckInError.None);
            }

            var certificates = new List<DccTrustedCertificate>();
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("rawData", out var raw) || raw.ValueKind != JsonValueKind.String)
                {
                    return Fail(CoreErrorCodes.DccTrustList.Json, index);
                }

                var certificate = DccTrustedCertificate.FromText(raw.GetString());
                if (!certificate.TryGetValue(out var value))
                {
                    return Fail(CoreErrorCodes.DccTrustList.Certificate, index);
                }

                if (entry.TryGetProperty("kid", out var kid))
                {
                    if (kid.ValueKind != JsonValueKind.String || !kid.TryGetBytesFromBase64(out var kidBytes) || !value.KeyId.Items.AsSpan().SequenceEqual(kidBytes))
                    {
                        return Fail(CoreErrorCodes.DccTrustList.KeyId, index);
                    }
                }

                certificates.Add(value);
                index++;
            }

            return Result.Ok(new DccTrustList(certificates));
        }
    }

    /// <summary>Reads every certificate of a PEM text (one or more <c>-----BEGIN CERTIFICATE-----</c> blocks), or one base64 DER certificate.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The list, or <c>DccTrustList.Certificate</c> whose field is the index of the block at fault.</returns>
    public static Result<DccTrustList> ReadPem(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return Fail(CoreErrorCodes.DccTrustList.TooLarge, CheckInError.None);
        }

        var rest = text.Trim();
        if (!rest.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            var one = DccTrustedCertificate.FromText(rest);
            return one.TryGetValue(out var single) ? Result.Ok(new DccTrustList([single])) : Fail(CoreErrorCodes.DccTrustList.Certificate, 0);
        }

        var certificates = new List<DccTrustedCertificate>();
        while (!rest.IsEmpty)
        {
            if (!PemEncoding.TryFind(rest, out var fields) || !rest[..fields.Location.Start].Trim().IsEmpty)
            {
                return Fail(CoreErrorCodes.DccTrustList.Certificate, certificates.Count);
            }

            var block = DccTrustedCertificate.FromText(rest[fields.Location]);
            if (!block.TryGetValue(out var value))
            {
                return Fail(CoreErrorCodes.DccTrustList.Certificate, certificates.Count);
            }

            certificates.Add(value);
            rest = rest[fields.Location.End..].Trim();
        }

        return Result.Ok(new DccTrustList(certificates));
    }

    /// <summary>Writes the list as <see cref="Read"/> reads it: <c>{"certificates":[{"kid":…,"country":…,"rawData":…}]}</c>.</summary>
    /// <returns>The JSON, UTF-8.</returns>
    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("certificates");
            foreach (var certificate in Certificates)
            {
                writer.WriteStartObject();
                writer.WriteBase64String("kid", certificate.KeyId.Items.AsSpan());
                if (certificate.Country is { } country)
                {
                    writer.WriteString("country", country);
                }

                writer.WriteString("certificateType", "DSC");
                writer.WriteBase64String("rawData", certificate.Certificate.RawDataMemory.Span);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static Result<DccTrustList> Fail(string code, int field) => CoreErrors.Fail<DccTrustList>(code, field, CheckInError.None);
}
