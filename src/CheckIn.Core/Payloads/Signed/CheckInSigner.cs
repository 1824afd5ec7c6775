using System.Buffers.Binary;
using System.Security.Cryptography;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// Signs CheckIn's venue and personal payloads with an ECDSA P-256 private key. Thread-safe: each signature
/// uses its own key instance.
/// </summary>
/// <remarks>
/// The base URL is written in upper case so the whole URL fits the QR alphanumeric mode (a 130-character
/// body plus a short base fits a version 7 code at error-correction level M); scheme and host are
/// case-insensitive, and the check-in page must accept the path in upper case.
/// </remarks>
public sealed class CheckInSigner
{
    /// <summary>The longest base URL accepted, so a payload still fits a version 7-M code (178 alphanumeric characters).</summary>
    public const int MaxBaseUrlLength = 48;

    private readonly ECParameters _privateKey;

    /// <summary>Creates a signer.</summary>
    /// <param name="privateKey">An ECDSA P-256 key with its private part; its parameters are copied.</param>
    /// <param name="keyId">The id verifiers know the public key by.</param>
    /// <param name="baseUrl">The URL prefix, e.g. <c>https://checkin.example.vn/c/</c>; it must end with <c>/</c>.</param>
    /// <exception cref="ArgumentException">The key is not a P-256 private key, or the base URL is unusable.</exception>
    public CheckInSigner(ECDsa privateKey, ushort keyId, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        RequireBaseUrl(baseUrl);
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

    /// <summary>Signs a venue payload.</summary>
    /// <param name="venueKey">The venue's random key (see <see cref="NewSubjectKey"/>).</param>
    /// <param name="provinceCode">The venue's province code (0–99, 0 for none).</param>
    /// <param name="venueKind">The kind of venue.</param>
    /// <param name="issuedAt">The signing time; truncated to whole seconds.</param>
    /// <returns>The signed payload; <see cref="CheckInPayload.ToText"/> gives the URL for the QR code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public SignedVenuePayload SignVenue(ulong venueKey, int provinceCode, VenueKind venueKind, Instant issuedAt)
    {
        var time = WholeSeconds(issuedAt);
        var signature = Sign(SignedPayloadFormat.SubjectVenue, venueKey, provinceCode, (int)venueKind, time);
        return new SignedVenuePayload(BaseUrl, KeyId, venueKey, provinceCode, venueKind, time, signature);
    }

    /// <summary>Signs a personal payload.</summary>
    /// <param name="personKey">The person's random key (see <see cref="NewSubjectKey"/>), never derived from an ID number.</param>
    /// <param name="provinceCode">The home province code (0–99, 0 for none).</param>
    /// <param name="issuedAt">The signing time; truncated to whole seconds.</param>
    /// <returns>The signed payload.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public SignedPersonPayload SignPerson(ulong personKey, int provinceCode, Instant issuedAt)
    {
        var time = WholeSeconds(issuedAt);
        var signature = Sign(SignedPayloadFormat.SubjectPerson, personKey, provinceCode, 0, time);
        return new SignedPersonPayload(BaseUrl, KeyId, personKey, provinceCode, time, signature);
    }

    internal static bool IsValidBaseUrl(ReadOnlySpan<char> baseUrl) =>
        baseUrl.Length <= MaxBaseUrlLength
        && baseUrl.EndsWith('/')
        && (baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || baseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && baseUrl.IndexOfAnyExcept(AlphanumericModeUrlCharacters) < 0;

    internal static void RequireBaseUrl(string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!IsValidBaseUrl(baseUrl))
        {
            throw new ArgumentException(
                $"The base URL must start with http:// or https://, end with '/', be at most {MaxBaseUrlLength} characters and use only letters, digits and . - / :",
                nameof(baseUrl));
        }
    }

    private static ReadOnlySpan<char> AlphanumericModeUrlCharacters => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-/:";

    private static Instant WholeSeconds(Instant instant) => Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private EquatableArray<byte> Sign(int subject, ulong subjectKey, int provinceCode, int venueKind, Instant issuedAt)
    {
        if (!SignedPayloadFormat.IsValidProvince(provinceCode))
        {
            throw new ArgumentOutOfRangeException(nameof(provinceCode), provinceCode, "Province codes are 0 (none) to 99.");
        }

        if (!SignedPayloadFormat.IsValidIssueTime(issuedAt))
        {
            throw new ArgumentOutOfRangeException(nameof(issuedAt), issuedAt, "The issue time must lie between 1970 and 2106.");
        }

        Span<byte> signedPart = stackalloc byte[SignedPayloadFormat.SignedLength];
        SignedPayloadFormat.WriteSignedPart(signedPart, subject, KeyId, subjectKey, provinceCode, venueKind, issuedAt);
        using var key = ECDsa.Create(_privateKey);
        var signature = key.SignData(SignedPayloadFormat.SignedData(signedPart), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new EquatableArray<byte>(signature);
    }
}
