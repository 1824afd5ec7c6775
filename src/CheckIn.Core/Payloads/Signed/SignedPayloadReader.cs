using System.Buffers.Binary;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>Reads CheckIn's signed payload URL from prepared text.</summary>
internal static class SignedPayloadReader
{
    /// <summary>
    /// True when the URL is meant to be a signed payload: it starts with an accepted base, or (with no bases
    /// configured, or on another host) its last path segment has the shape of a version-1 body.
    /// </summary>
    public static bool Claims(ReadOnlySpan<char> url, PayloadReaderOptions options)
    {
        foreach (var candidate in options.SignedPayloadBases)
        {
            if (url.StartsWith(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return LooksSigned(url);
    }

    private static bool LooksSigned(ReadOnlySpan<char> url)
    {
        var body = url[(url.LastIndexOf('/') + 1)..];
        return body.Length == SignedPayloadFormat.EncodedBodyLength && body.IndexOfAnyExcept(Base32Characters) < 0;
    }

    private static ReadOnlySpan<char> Base32Characters => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz234567";

    public static Result<CheckInPayload> Read(ReadOnlySpan<char> url, int offset, PayloadQuirks quirks, PayloadReaderOptions options)
    {
        var slash = url.LastIndexOf('/');
        var baseUrl = url[..(slash + 1)];
        var body = url[(slash + 1)..];
        var bodyStart = offset + slash + 1;

        if (!CheckInSigner.IsValidBaseUrl(baseUrl) || !IsAcceptedBase(baseUrl, options.SignedPayloadBases))
        {
            return Fail(CoreErrorCodes.SignedPayload.UnexpectedBase, offset);
        }

        if (body.Length != SignedPayloadFormat.EncodedBodyLength)
        {
            return Fail(CoreErrorCodes.SignedPayload.Length, bodyStart);
        }

        Span<byte> bytes = stackalloc byte[SignedPayloadFormat.BodyLength];
        if (Base32.Decode(body, bytes, out var errorPosition) != SignedPayloadFormat.BodyLength)
        {
            return Fail(CoreErrorCodes.SignedPayload.Encoding, bodyStart + errorPosition);
        }

        var version = bytes[0] >> 4;
        var subject = bytes[0] & 0x0F;
        if (version != SignedPayloadFormat.Version)
        {
            return Fail(CoreErrorCodes.SignedPayload.Version, bodyStart);
        }

        if (subject is not (SignedPayloadFormat.SubjectVenue or SignedPayloadFormat.SubjectPerson))
        {
            return Fail(CoreErrorCodes.SignedPayload.SubjectKind, bodyStart);
        }

        var keyId = BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]);
        var subjectKey = BinaryPrimitives.ReadUInt64BigEndian(bytes[3..]);
        int province = bytes[11];
        int venueKind = bytes[12];
        var issuedAt = Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(bytes[13..]));
        var venueKindValid = subject == SignedPayloadFormat.SubjectVenue ? SignedPayloadFormat.IsValidVenueKind(venueKind) : venueKind == 0;
        if (!SignedPayloadFormat.IsValidProvince(province) || !venueKindValid)
        {
            return Fail(CoreErrorCodes.SignedPayload.FieldValue, bodyStart);
        }

        var status = SignatureStatus.NotVerified;
        if (options.VerificationKeys is { } keys)
        {
            if (!keys.Contains(keyId))
            {
                return Fail(CoreErrorCodes.SignedPayload.UnknownKey, bodyStart);
            }

            if (!keys.Verify(keyId, SignedPayloadFormat.SignedData(bytes), bytes[SignedPayloadFormat.SignedLength..]))
            {
                return Fail(CoreErrorCodes.SignedPayload.BadSignature, bodyStart);
            }

            status = SignatureStatus.Valid;
        }

        // The base keeps the case it was written in (the signer writes upper case); the body is canonical upper case.
        var signature = new EquatableArray<byte>(bytes[SignedPayloadFormat.SignedLength..].ToArray());
        if (body.IndexOfAnyInRange('a', 'z') >= 0)
        {
            quirks |= PayloadQuirks.IdentifierCaseChanged;
        }

        var baseText = baseUrl.ToString();
        CheckInPayload payload = subject == SignedPayloadFormat.SubjectVenue
            ? new SignedVenuePayload(baseText, keyId, subjectKey, province, (VenueKind)venueKind, issuedAt, signature) { SignatureStatus = status, Quirks = quirks }
            : new SignedPersonPayload(baseText, keyId, subjectKey, province, issuedAt, signature) { SignatureStatus = status, Quirks = quirks };
        return Result.Ok(payload);
    }

    private static bool IsAcceptedBase(ReadOnlySpan<char> baseUrl, IReadOnlyList<string> accepted)
    {
        if (accepted.Count == 0)
        {
            return true;
        }

        foreach (var candidate in accepted)
        {
            if (baseUrl.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Result<CheckInPayload> Fail(string code, int position) =>
        CoreErrors.Fail<CheckInPayload>(code, CheckInError.None, position);
}
