using System.Globalization;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// CheckIn's own signed payload: a URL (so a phone camera opens a web check-in page) whose last part is a compact
/// binary body in Base32, signed with ECDSA P-256. Version 2 (<c>docs/signed-payload-v2.md</c>) signs the base URL
/// with the body and carries a serial and an optional expiry; version 1 (<c>docs/signed-payload-v1.md</c>) is still
/// read. Signed payloads come from <see cref="CheckInSigner"/> or <see cref="PayloadReader"/>, never from parts, so
/// <see cref="SignatureStatus"/> is only ever <see cref="SignatureStatus.Valid"/> when a reader verified it.
/// </summary>
public abstract record SignedPayload : CheckInPayload
{
    private protected SignedPayload(int formatVersion, string baseUrl, ushort keyId, uint serial, ulong subjectKey, int provinceCode, Instant issuedAt,
        Instant? expiresAt, EquatableArray<byte> signature)
    {
        if (formatVersion is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(formatVersion), formatVersion, "Signed payloads are version 1 or 2.");
        }

        if (formatVersion == 1 ? !CheckInSigner.IsValidBaseUrl(baseUrl) : !CheckInSigner.IsValidVersion2BaseUrl(baseUrl))
        {
            throw new ArgumentException("The base URL is not one a signed payload of this version carries.", nameof(baseUrl));
        }

        if (formatVersion == 1 && (serial != 0 || expiresAt is not null))
        {
            throw new ArgumentException("Version 1 carries no serial and no expiry.", nameof(formatVersion));
        }

        if (expiresAt is { } expiry && (expiry <= issuedAt || !SignedPayloadFormat.IsValidIssueTime(expiry)))
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), expiresAt, "The expiry is whole seconds after the issue time, before 2106.");
        }

        if (!SignedPayloadFormat.IsValidProvince(provinceCode))
        {
            throw new ArgumentOutOfRangeException(nameof(provinceCode), provinceCode, "Province codes are 0 (none) to 99.");
        }

        if (!SignedPayloadFormat.IsValidIssueTime(issuedAt))
        {
            throw new ArgumentOutOfRangeException(nameof(issuedAt), issuedAt, "The issue time is whole seconds between 1970 and 2106.");
        }

        if (signature.Count != SignedPayloadFormat.SignatureLength)
        {
            throw new ArgumentException($"A signature is {SignedPayloadFormat.SignatureLength} bytes.", nameof(signature));
        }

        FormatVersion = formatVersion;
        BaseUrl = baseUrl;
        KeyId = keyId;
        Serial = serial;
        ExpiresAt = expiresAt;
        SubjectKey = subjectKey;
        ProvinceCode = provinceCode;
        IssuedAt = issuedAt;
        Signature = signature;
    }

    /// <summary>The format version: 2 for codes CheckIn signs now, 1 for older codes (which do not bind their base URL).</summary>
    public int FormatVersion { get; }

    /// <summary>The URL the body is appended to, ending with <c>/</c>, e.g. <c>HTTPS://CHECKIN.EXAMPLE.VN/C/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The id of the key that signed the payload.</summary>
    public ushort KeyId { get; }

    /// <summary>The code's serial, unique per signing key, by which one code is revoked (version 1: always 0).</summary>
    public uint Serial { get; }

    /// <summary>When the code stops being valid, or null when it does not expire (version 1: always null).</summary>
    public Instant? ExpiresAt { get; }

    /// <summary>The random 64-bit key of the venue or person, as registered with the issuer.</summary>
    public ulong SubjectKey { get; }

    /// <summary>The subject key as 16 lower-case hex digits.</summary>
    public string SubjectKeyText => SubjectKey.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The province code (venue's location, or person's home), or 0 when not given.</summary>
    public int ProvinceCode { get; }

    /// <summary>When the issuer signed the payload (whole seconds).</summary>
    public Instant IssuedAt { get; }

    /// <summary>The 64-byte ECDSA P-256 signature (r ‖ s).</summary>
    public EquatableArray<byte> Signature { get; }

    /// <summary>
    /// Whether the reader verified the signature against a trusted key. Not part of the written text; set only by
    /// <see cref="PayloadReader"/>, so a payload cannot claim it.
    /// </summary>
    public SignatureStatus SignatureStatus { get; internal init; }

    /// <summary>True only when a reader verified the signature with a trusted key (<see cref="SignatureStatus.Valid"/>).</summary>
    public bool IsVerified => SignatureStatus == SignatureStatus.Valid;

    private protected abstract int Subject { get; }

    private protected abstract int VenueKindByte { get; }

    /// <inheritdoc />
    public override string ToText()
    {
        Span<byte> body = stackalloc byte[SignedPayloadFormat.BodyLength(FormatVersion)];
        WriteSignedPart(body);
        Signature.Items.AsSpan().CopyTo(body[SignedPayloadFormat.SignedLength(FormatVersion)..]);
        return BaseUrl + Base32.Encode(body);
    }

    /// <inheritdoc />
    public override IReadOnlyList<PayloadField> GetFields(bool reveal = false) =>
    [
        new("subjectKey", SubjectKeyText),
        new("provinceCode", ProvinceCode == 0 ? null : ProvinceCode.ToString("D2", CultureInfo.InvariantCulture)),
        .. ExtraFields(),
        new("issuedAt", IssuedAt.ToString()),
        new("expiresAt", ExpiresAt?.ToString()),
        new("serial", FormatVersion == 1 ? null : Serial.ToString(CultureInfo.InvariantCulture)),
        new("keyId", KeyId.ToString(CultureInfo.InvariantCulture)),
        new("formatVersion", FormatVersion.ToString(CultureInfo.InvariantCulture)),
        new("signature", SignatureStatus.ToString()),
        new("baseUrl", BaseUrl),
    ];

    private protected virtual IEnumerable<PayloadField> ExtraFields() => [];

    internal void WriteSignedPart(Span<byte> destination)
    {
        if (FormatVersion == 1)
        {
            SignedPayloadFormat.WriteV1SignedPart(destination, Subject, KeyId, SubjectKey, ProvinceCode, VenueKindByte, IssuedAt);
        }
        else
        {
            SignedPayloadFormat.WriteV2SignedPart(destination, Subject, KeyId, Serial, SubjectKey, ProvinceCode, VenueKindByte, IssuedAt, ExpiresAt, BaseUrl);
        }
    }
}

/// <summary>A signed venue code: printed on a venue's poster and scanned by visitors' phones.</summary>
public sealed record SignedVenuePayload : SignedPayload
{
    internal SignedVenuePayload(int formatVersion, string baseUrl, ushort keyId, uint serial, ulong venueKey, int provinceCode, VenueKind venueKind,
        Instant issuedAt, Instant? expiresAt, EquatableArray<byte> signature)
        : base(formatVersion, baseUrl, keyId, serial, venueKey, provinceCode, issuedAt, expiresAt, signature)
    {
        if (!Enum.IsDefined(venueKind))
        {
            throw new ArgumentOutOfRangeException(nameof(venueKind), venueKind, "Unknown venue kind.");
        }

        VenueKind = venueKind;
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.SignedVenue;

    /// <summary>The kind of venue.</summary>
    public VenueKind VenueKind { get; }

    private protected override int Subject => SignedPayloadFormat.SubjectVenue;

    private protected override int VenueKindByte => (int)VenueKind;

    private protected override IEnumerable<PayloadField> ExtraFields() => [new("venueKind", VenueKind.ToString())];
}

/// <summary>A signed personal code: carried by a person (printed card or phone) and scanned by venue staff.</summary>
/// <remarks>
/// The subject key is a random key registered with the issuer, never derived from an ID number, so the code
/// itself reveals nothing about the person.
/// </remarks>
public sealed record SignedPersonPayload : SignedPayload
{
    internal SignedPersonPayload(int formatVersion, string baseUrl, ushort keyId, uint serial, ulong personKey, int provinceCode, Instant issuedAt,
        Instant? expiresAt, EquatableArray<byte> signature)
        : base(formatVersion, baseUrl, keyId, serial, personKey, provinceCode, issuedAt, expiresAt, signature)
    {
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.SignedPerson;

    private protected override int Subject => SignedPayloadFormat.SubjectPerson;

    private protected override int VenueKindByte => 0;
}
