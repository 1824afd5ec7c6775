using System.Globalization;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// CheckIn's own signed payload, version 1: a URL (so a phone camera opens a web check-in page) whose last
/// part is a compact binary body in Base32, signed with ECDSA P-256. Create them with
/// <see cref="CheckInSigner"/>; the format is specified in <c>docs/signed-payload-v1.md</c>.
/// </summary>
public abstract record SignedPayload : CheckInPayload
{
    private protected SignedPayload(string baseUrl, ushort keyId, ulong subjectKey, int provinceCode, Instant issuedAt, EquatableArray<byte> signature)
    {
        CheckInSigner.RequireBaseUrl(baseUrl);
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

        BaseUrl = baseUrl;
        KeyId = keyId;
        SubjectKey = subjectKey;
        ProvinceCode = provinceCode;
        IssuedAt = issuedAt;
        Signature = signature;
    }

    /// <summary>The URL the body is appended to, ending with <c>/</c>, e.g. <c>HTTPS://CHECKIN.EXAMPLE.VN/C/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The id of the key that signed the payload.</summary>
    public ushort KeyId { get; }

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

    /// <summary>Whether the reader verified the signature. Not part of the written text.</summary>
    public SignatureStatus SignatureStatus { get; init; }

    private protected abstract int Subject { get; }

    private protected abstract int VenueKindByte { get; }

    /// <inheritdoc />
    public override string ToText()
    {
        Span<byte> body = stackalloc byte[SignedPayloadFormat.BodyLength];
        WriteSignedPart(body);
        Signature.Items.AsSpan().CopyTo(body[SignedPayloadFormat.SignedLength..]);
        return BaseUrl + Base32.Encode(body);
    }

    /// <inheritdoc />
    public override IReadOnlyList<PayloadField> GetFields(bool reveal = false) =>
    [
        new("subjectKey", SubjectKeyText),
        new("provinceCode", ProvinceCode == 0 ? null : ProvinceCode.ToString("D2", CultureInfo.InvariantCulture)),
        .. ExtraFields(),
        new("issuedAt", IssuedAt.ToString()),
        new("keyId", KeyId.ToString(CultureInfo.InvariantCulture)),
        new("signature", SignatureStatus.ToString()),
        new("baseUrl", BaseUrl),
    ];

    private protected virtual IEnumerable<PayloadField> ExtraFields() => [];

    internal void WriteSignedPart(Span<byte> destination) =>
        SignedPayloadFormat.WriteSignedPart(destination, Subject, KeyId, SubjectKey, ProvinceCode, VenueKindByte, IssuedAt);
}

/// <summary>A signed venue code: printed on a venue's poster and scanned by visitors' phones.</summary>
public sealed record SignedVenuePayload : SignedPayload
{
    /// <summary>Creates a payload from its parts (use <see cref="CheckInSigner.SignVenue"/> to sign a new one).</summary>
    /// <param name="baseUrl">The URL prefix, ending with <c>/</c>.</param>
    /// <param name="keyId">The signing key id.</param>
    /// <param name="venueKey">The venue's random key.</param>
    /// <param name="provinceCode">The venue's province code, or 0.</param>
    /// <param name="venueKind">The kind of venue.</param>
    /// <param name="issuedAt">The signing time (whole seconds).</param>
    /// <param name="signature">The 64-byte signature.</param>
    /// <exception cref="ArgumentException">A part is out of range.</exception>
    public SignedVenuePayload(string baseUrl, ushort keyId, ulong venueKey, int provinceCode, VenueKind venueKind, Instant issuedAt, EquatableArray<byte> signature)
        : base(baseUrl, keyId, venueKey, provinceCode, issuedAt, signature)
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
    /// <summary>Creates a payload from its parts (use <see cref="CheckInSigner.SignPerson"/> to sign a new one).</summary>
    /// <param name="baseUrl">The URL prefix, ending with <c>/</c>.</param>
    /// <param name="keyId">The signing key id.</param>
    /// <param name="personKey">The person's random key.</param>
    /// <param name="provinceCode">The home province code, or 0.</param>
    /// <param name="issuedAt">The signing time (whole seconds).</param>
    /// <param name="signature">The 64-byte signature.</param>
    /// <exception cref="ArgumentException">A part is out of range.</exception>
    public SignedPersonPayload(string baseUrl, ushort keyId, ulong personKey, int provinceCode, Instant issuedAt, EquatableArray<byte> signature)
        : base(baseUrl, keyId, personKey, provinceCode, issuedAt, signature)
    {
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.SignedPerson;

    private protected override int Subject => SignedPayloadFormat.SubjectPerson;

    private protected override int VenueKindByte => 0;
}
