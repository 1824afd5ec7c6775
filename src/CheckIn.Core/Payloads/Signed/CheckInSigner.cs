using System.Buffers.Binary;
using System.Security.Cryptography;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// Signs CheckIn's venue and personal payloads (format version 2) with an ECDSA P-256 private key. Thread-safe:
/// each signature uses its own key instance.
/// </summary>
/// <remarks>
/// The base URL must be <c>https://</c> and is written in upper case so the whole URL fits the QR alphanumeric
/// mode (a 149-character body plus a base of up to 48 fits a version 8 code at error-correction level M); the
/// check-in page must accept the path in upper case. The signature covers the base URL as well as the body, and is
/// always the low-S one, so every code has exactly one accepted text.
/// </remarks>
public sealed class CheckInSigner
{
    /// <summary>The longest base URL accepted, so a payload still fits a version 8-M code (221 alphanumeric characters).</summary>
    public const int MaxBaseUrlLength = 48;

    private readonly ECParameters _privateKey;

    /// <summary>Creates a signer.</summary>
    /// <param name="privateKey">An ECDSA P-256 key with its private part; its parameters are copied.</param>
    /// <param name="keyId">The id verifiers know the public key by.</param>
    /// <param name="baseUrl">The URL prefix, e.g. <c>https://checkin.example.vn/c/</c>; https, ending with <c>/</c>.</param>
    /// <exception cref="ArgumentException">The key is not a P-256 private key, or the base URL is unusable.</exception>
    public CheckInSigner(ECDsa privateKey, ushort keyId, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!IsValidVersion2BaseUrl(baseUrl.ToUpperInvariant()))
        {
            throw new ArgumentException(
                $"The base URL must start with https://, end with '/', be at most {MaxBaseUrlLength} characters and use only letters, digits and . - / :",
                nameof(baseUrl));
        }

        ECParameters parameters;
        try
        {
            parameters = privateKey.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException exception)
        {
            throw new ArgumentException("The signer needs the private key.", nameof(privateKey), exception);
        }

        _privateKey = SigningKeyRing.CheckP256(parameters, keyId);
        KeyId = keyId;
        BaseUrl = baseUrl.ToUpperInvariant();
    }

    /// <summary>The key id written into every payload.</summary>
    public ushort KeyId { get; }

    /// <summary>The URL prefix, upper case.</summary>
    public string BaseUrl { get; }

    /// <summary>A new random 64-bit subject key for a venue or person (from the system's secure random generator).</summary>
    /// <returns>The key.</returns>
    public static ulong NewSubjectKey()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    /// <summary>The public key (SubjectPublicKeyInfo, DER) that verifies this signer's payloads.</summary>
    /// <returns>The key bytes, for a <see cref="SigningKeyRing"/>.</returns>
    public byte[] ExportPublicKey()
    {
        using var key = ECDsa.Create(_privateKey);
        return key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>A new random serial for a code (from the system's secure random generator).</summary>
    /// <returns>The serial.</returns>
    public static uint NewSerial()
    {
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    /// <summary>Signs a venue payload that does not expire, with a random serial.</summary>
    /// <param name="venueKey">The venue's random key (see <see cref="NewSubjectKey"/>).</param>
    /// <param name="provinceCode">The venue's province code (0–99, 0 for none).</param>
    /// <param name="venueKind">The kind of venue.</param>
    /// <param name="issuedAt">The signing time; truncated to whole seconds.</param>
    /// <returns>The signed payload; <see cref="CheckInPayload.ToText"/> gives the URL for the QR code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public SignedVenuePayload SignVenue(ulong venueKey, int provinceCode, VenueKind venueKind, Instant issuedAt) =>
        SignVenue(venueKey, provinceCode, venueKind, issuedAt, expiresAt: null, NewSerial());

    /// <summary>Signs a venue payload.</summary>
    /// <param name="venueKey">The venue's random key (see <see cref="NewSubjectKey"/>).</param>
    /// <param name="provinceCode">The venue's province code (0–99, 0 for none).</param>
    /// <param name="venueKind">The kind of venue.</param>
    /// <param name="issuedAt">The signing time; truncated to whole seconds.</param>
    /// <param name="expiresAt">When the code stops being valid (truncated to whole seconds, after the issue time), or null.</param>
    /// <param name="serial">The code's serial, unique for this key (record it: it is how one code is revoked).</param>
    /// <returns>The signed payload.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public SignedVenuePayload SignVenue(ulong venueKey, int provinceCode, VenueKind venueKind, Instant issuedAt, Instant? expiresAt, uint serial)
    {
        if (!Enum.IsDefined(venueKind))
        {
            throw new ArgumentOutOfRangeException(nameof(venueKind), venueKind, "Unknown venue kind.");
        }

        var (time, expiry) = (WholeSeconds(issuedAt), expiresAt is { } e ? WholeSeconds(e) : (Instant?)null);
        var signature = Sign(SignedPayloadFormat.SubjectVenue, serial, venueKey, provinceCode, (int)venueKind, time, expiry);
        return new SignedVenuePayload(2, BaseUrl, KeyId, serial, venueKey, provinceCode, venueKind, time, expiry, signature);
    }

    /// <summary>Signs a personal payload that does not expire, with a random serial.</summary>
    /// <param name="personKey">The person's random key (see <see cref="NewSubjectKey"/>), never derived from an ID number.</param>
    /// <param name="provinceCode">The home province code (0–99, 0 for none).</param>
    /// <param name="issuedAt">The signing time; truncated to whole seconds.</param>
    /// <returns>The signed payload.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public SignedPersonPayload SignPerson(ulong personKey, int provinceCode, Instant issuedAt) =>
        SignPerson(personKey, provinceCode, issuedAt, expiresAt: null, NewSerial());

    /// <summary>Signs a personal payload.</summary>
    /// <param name="personKey">The person's random key (see <see cref="NewSubjectKey"/>), never derived from an ID number.</param>
    /// <param name="provinceCode">The home province code (0–99, 0 for none).</param>
    /// <param name="issuedAt">The signing time; truncated to whole seconds.</param>
    /// <param name="expiresAt">When the code stops being valid (truncated to whole seconds, after the issue time), or null.</param>
    /// <param name="serial">The code's serial, unique for this key.</param>
    /// <returns>The signed payload.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public SignedPersonPayload SignPerson(ulong personKey, int provinceCode, Instant issuedAt, Instant? expiresAt, uint serial)
    {
        var (time, expiry) = (WholeSeconds(issuedAt), expiresAt is { } e ? WholeSeconds(e) : (Instant?)null);
        var signature = Sign(SignedPayloadFormat.SubjectPerson, serial, personKey, provinceCode, 0, time, expiry);
        return new SignedPersonPayload(2, BaseUrl, KeyId, serial, personKey, provinceCode, time, expiry, signature);
    }

    /// <summary>A version 2 base: https, upper case (the one spelling), at most 48 characters of the alphanumeric-mode URL set, ending with /.</summary>
    internal static bool IsValidVersion2BaseUrl(ReadOnlySpan<char> baseUrl) =>
        IsValidBaseUrl(baseUrl) && baseUrl.StartsWith("HTTPS://", StringComparison.Ordinal) && baseUrl.IndexOfAnyInRange('a', 'z') < 0
        && baseUrl.Length > 9 && baseUrl[8] != '/';

    internal static bool IsValidBaseUrl(ReadOnlySpan<char> baseUrl) =>
        baseUrl.Length <= MaxBaseUrlLength
        && baseUrl.EndsWith('/')
        && (baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || baseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && baseUrl.IndexOfAnyExcept(AlphanumericModeUrlCharacters) < 0;

    private static ReadOnlySpan<char> AlphanumericModeUrlCharacters => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-/:";

    private static Instant WholeSeconds(Instant instant) => Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private EquatableArray<byte> Sign(int subject, uint serial, ulong subjectKey, int provinceCode, int venueKind, Instant issuedAt, Instant? expiresAt)
    {
        if (!SignedPayloadFormat.IsValidProvince(provinceCode))
        {
            throw new ArgumentOutOfRangeException(nameof(provinceCode), provinceCode, "Province codes are 0 (none) to 99.");
        }

        if (!SignedPayloadFormat.IsValidIssueTime(issuedAt))
        {
            throw new ArgumentOutOfRangeException(nameof(issuedAt), issuedAt, "The issue time must lie between 1970 and 2106.");
        }

        if (expiresAt is { } expiry && (expiry <= issuedAt || !SignedPayloadFormat.IsValidIssueTime(expiry)))
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), expiresAt, "The expiry must lie after the issue time and before 2106.");
        }

        Span<byte> signedPart = stackalloc byte[SignedPayloadFormat.V2SignedLength];
        SignedPayloadFormat.WriteV2SignedPart(signedPart, subject, KeyId, serial, subjectKey, provinceCode, venueKind, issuedAt, expiresAt, BaseUrl);
        using var key = ECDsa.Create(_privateKey);
        var signature = key.SignData(SignedPayloadFormat.SignedData(2, BaseUrl, signedPart), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        SignedPayloadFormat.NormalizeLowS(signature);
        return new EquatableArray<byte>(signature);
    }
}
