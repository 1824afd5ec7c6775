using System.Buffers.Binary;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>Reads CheckIn's signed payload URL (versions 1 and 2) from prepared text, in the order of <c>docs/signed-payload-v2.md</c>.</summary>
internal static class SignedPayloadReader
{
    /// <summary>
    /// True when the URL is meant to be a signed payload: it starts with an accepted base, or its last path segment
    /// starts with at least a version-1 body's length of Base32 characters.
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

        var body = url[(url.LastIndexOf('/') + 1)..];
        return body.Length >= SignedPayloadFormat.V1EncodedBodyLength
            && body[..SignedPayloadFormat.V1EncodedBodyLength].IndexOfAnyExcept(Base32Characters) < 0;
    }

    private static ReadOnlySpan<char> Base32Characters => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz234567";

    private static int Base32Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        >= '2' and <= '7' => c - '2' + 26,
        _ => -1,
    };

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

        // The version is in the first character (the header's high 5 bits: version nibble, then a subject bit).
        var first = body.IsEmpty ? -1 : Base32Value(body[0]);
        var version = first < 0 ? 0 : first >> 1;
        if (version is not (1 or 2))
        {
            return Fail(first < 0 ? CoreErrorCodes.SignedPayload.Encoding : CoreErrorCodes.SignedPayload.Version, bodyStart);
        }

        if (version < options.MinimumSignedVersion)
        {
            return Fail(CoreErrorCodes.SignedPayload.VersionRefused, bodyStart);
        }

        var encodedLength = Base32.EncodedLength(SignedPayloadFormat.BodyLength(version));
        if (version == 2)
        {
            // One spelling: upper case throughout, nothing after the body (padding, query, fragment, more characters).
            if (body.Length > encodedLength || baseUrl.IndexOfAnyInRange('a', 'z') >= 0 || body.IndexOfAnyInRange('a', 'z') >= 0)
            {
                return Fail(CoreErrorCodes.SignedPayload.NonCanonical, body.Length > encodedLength ? bodyStart + encodedLength : offset);
            }
        }

        if (body.Length != encodedLength)
        {
            return Fail(CoreErrorCodes.SignedPayload.Length, bodyStart);
        }

        Span<byte> bytes = stackalloc byte[SignedPayloadFormat.V2BodyLength];
        bytes = bytes[..SignedPayloadFormat.BodyLength(version)];
        if (Base32.Decode(body, bytes, out var errorPosition) != bytes.Length)
        {
            return Fail(CoreErrorCodes.SignedPayload.Encoding, bodyStart + errorPosition);
        }

        var subject = bytes[0] & 0x0F;
        if (subject is not (SignedPayloadFormat.SubjectVenue or SignedPayloadFormat.SubjectPerson))
        {
            return Fail(CoreErrorCodes.SignedPayload.SubjectKind, bodyStart);
        }

        var fields = version == 1 ? Version1Fields(bytes) : Version2Fields(bytes);
        var venueKindValid = subject == SignedPayloadFormat.SubjectVenue ? SignedPayloadFormat.IsValidVenueKind(fields.VenueKind) : fields.VenueKind == 0;
        if (!SignedPayloadFormat.IsValidProvince(fields.Province) || !venueKindValid || (fields.ExpiresAt is { } expiry && expiry <= fields.IssuedAt))
        {
            return Fail(CoreErrorCodes.SignedPayload.FieldValue, bodyStart);
        }

        var (host, path) = SignedPayloadFormat.SplitBase(baseUrl);
        if (version == 2)
        {
            // A body moved to another address says so before any key is needed; the signature then proves it.
            if (!baseUrl.StartsWith("HTTPS://", StringComparison.Ordinal))
            {
                return Fail(CoreErrorCodes.SignedPayload.InsecureScheme, offset);
            }

            if (SignedPayloadFormat.Tag("HOST:", host) != BinaryPrimitives.ReadUInt16BigEndian(bytes[25..]))
            {
                return Fail(CoreErrorCodes.SignedPayload.WrongHost, offset);
            }

            if (SignedPayloadFormat.Tag("PATH:", path) != BinaryPrimitives.ReadUInt16BigEndian(bytes[27..]))
            {
                return Fail(CoreErrorCodes.SignedPayload.WrongPath, offset);
            }
        }

        if (options.TrustedHosts.Count > 0 && !options.TrustedHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return Fail(CoreErrorCodes.SignedPayload.WrongHost, offset);
        }

        var signatureBytes = bytes[SignedPayloadFormat.SignedLength(version)..];
        var shape = SignedPayloadFormat.Shape(signatureBytes);
        if (version == 2 && shape == SignedPayloadFormat.SignatureShape.HighS)
        {
            return Fail(CoreErrorCodes.SignedPayload.NonCanonical, bodyStart + Base32.EncodedLength(SignedPayloadFormat.V2SignedLength));
        }

        var status = SignatureStatus.NotVerified;
        if (options.VerificationKeys is { } keys)
        {
            if (Verify(keys, version, subject, baseUrl, bytes, fields, options) is { } failure)
            {
                return Fail(failure, bodyStart);
            }

            status = SignatureStatus.Valid;
        }

        // Validity of the code itself is checked with or without keys: it can only refuse.
        var now = options.Clock.GetCurrentInstant();
        if (fields.IssuedAt > now + options.SignedClockSkew)
        {
            return Fail(CoreErrorCodes.SignedPayload.NotYetValid, bodyStart);
        }

        if (fields.ExpiresAt is { } expiresAt && expiresAt + options.SignedClockSkew <= now)
        {
            return Fail(CoreErrorCodes.SignedPayload.Expired, bodyStart);
        }

        // Version 1 keeps the base in the case it was written in and reports a lower-case body; version 2 was canonical.
        var signature = new EquatableArray<byte>(signatureBytes.ToArray());
        if (body.IndexOfAnyInRange('a', 'z') >= 0)
        {
            quirks |= PayloadQuirks.IdentifierCaseChanged;
        }

        var baseText = baseUrl.ToString();
        CheckInPayload payload = subject == SignedPayloadFormat.SubjectVenue
            ? new SignedVenuePayload(version, baseText, fields.KeyId, fields.Serial, fields.SubjectKey, fields.Province, (VenueKind)fields.VenueKind, fields.IssuedAt, fields.ExpiresAt, signature)
            {
                SignatureStatus = status,
                Quirks = quirks,
            }
            : new SignedPersonPayload(version, baseText, fields.KeyId, fields.Serial, fields.SubjectKey, fields.Province, fields.IssuedAt, fields.ExpiresAt, signature)
            {
                SignatureStatus = status,
                Quirks = quirks,
            };
        return Result.Ok(payload);
    }

    /// <summary>Checks the signature and the key's say over the code; null when it verifies, else the failure's code.</summary>
    private static string? Verify(SigningKeyRing keys, int version, int subject, ReadOnlySpan<char> baseUrl, ReadOnlySpan<byte> bytes, Fields fields,
        PayloadReaderOptions options)
    {
        // Version 1 signs the body only, version 2 the base URL as well; version 1 has no serial to revoke.
        var signedData = SignedPayloadFormat.SignedData(version, version == 1 ? default : baseUrl, bytes);
        var verified = keys.VerifySigned(subject == SignedPayloadFormat.SubjectVenue ? SignedSubjects.Venue : SignedSubjects.Person, fields.KeyId,
            version == 2 ? fields.Serial : null, fields.IssuedAt, signedData, bytes[SignedPayloadFormat.SignedLength(version)..],
            options.Clock.GetCurrentInstant(), options.SignedClockSkew, allowHighS: version == 1);
        return verified.Success ? null : verified.Error.Code;
    }

    private readonly record struct Fields(ushort KeyId, uint Serial, ulong SubjectKey, int Province, int VenueKind, Instant IssuedAt, Instant? ExpiresAt);

    private static Fields Version1Fields(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]),
        0,
        BinaryPrimitives.ReadUInt64BigEndian(bytes[3..]),
        bytes[11],
        bytes[12],
        Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(bytes[13..])),
        null);

    private static Fields Version2Fields(ReadOnlySpan<byte> bytes)
    {
        var expires = BinaryPrimitives.ReadUInt32BigEndian(bytes[21..]);
        return new(
            BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[3..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[7..]),
            bytes[15],
            bytes[16],
            Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(bytes[17..])),
            expires == 0 ? null : Instant.FromUnixTimeSeconds(expires));
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
