using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// Reads and writes trust lists: the issuer's public keys as a JSON Web Key set (RFC 7517) of ECDSA P-256 keys, with
/// CheckIn's members for validity, revocation and kinds. The format is in <c>docs/signed-payload-v2.md</c>.
/// </summary>
/// <example>
/// <code>
/// {"keys":[{"kty":"EC","crv":"P-256","kid":"2","use":"sig","alg":"ES256","x":"…","y":"…",
///           "nbf":1630000000,"exp":1790000000,"checkin_subjects":["venue"]}],
///  "revoked_codes":[{"kid":"2","serial":41}]}
/// </code>
/// </example>
public static class TrustList
{
    /// <summary>The largest trust list read (1 MiB): thousands of keys and revoked codes.</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>Reads a trust list.</summary>
    /// <param name="utf8Json">The JSON, UTF-8.</param>
    /// <returns>The ring, or a coded error (<c>TrustList.*</c>) whose field is the index of the key or revoked code at fault.</returns>
    public static Result<SigningKeyRing> Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxLength)
        {
            return Fail(CoreErrorCodes.TrustList.TooLarge, CheckInError.None);
        }

        // Strings are decoded lazily; text that is not UTF-8 is refused here rather than failing inside a read.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return Fail(CoreErrorCodes.TrustList.Json, CheckInError.None);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 8 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return Fail(CoreErrorCodes.TrustList.Json, CheckInError.None);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array
                || HasDuplicateNames(root))
            {
                return Fail(CoreErrorCodes.TrustList.Json, CheckInError.None);
            }

            var parsed = new List<TrustedSigningKey>();
            var ids = new HashSet<ushort>();
            var index = 0;
            foreach (var element in keys.EnumerateArray())
            {
                var key = ReadKey(element, index);
                if (!key.TryGetValue(out var value))
                {
                    return Result.Fail<SigningKeyRing>(key.Error);
                }

                if (!ids.Add(value.KeyId))
                {
                    return Fail(CoreErrorCodes.TrustList.DuplicateKeyId, index);
                }

                parsed.Add(value);
                index++;
            }

            var revoked = new List<RevokedCode>();
            if (root.TryGetProperty("revoked_codes", out var codes))
            {
                if (codes.ValueKind != JsonValueKind.Array)
                {
                    return Fail(CoreErrorCodes.TrustList.Json, CheckInError.None);
                }

                index = 0;
                foreach (var code in codes.EnumerateArray())
                {
                    if (code.ValueKind != JsonValueKind.Object || HasDuplicateNames(code)
                        || !TryKeyId(code, out var keyId)
                        || !code.TryGetProperty("serial", out var serial) || serial.ValueKind != JsonValueKind.Number || !serial.TryGetUInt32(out var serialValue))
                    {
                        return Fail(CoreErrorCodes.TrustList.RevokedCode, index);
                    }

                    revoked.Add(new RevokedCode(keyId, serialValue));
                    index++;
                }
            }

            return Result.Ok(new SigningKeyRing(parsed, revoked));
        }
    }

    /// <summary>Writes a ring as a trust list (keys by ascending id, then revoked codes by key id and serial).</summary>
    /// <param name="ring">The ring.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(SigningKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in ring.Keys)
            {
                writer.WriteStartObject();
                writer.WriteString("kty", "EC");
                writer.WriteString("crv", "P-256");
                writer.WriteString("kid", key.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("use", "sig");
                writer.WriteString("alg", "ES256");
                var point = key.Parameters.Q; // imported once per key
                writer.WriteString("x", Base64Url(point.X!));
                writer.WriteString("y", Base64Url(point.Y!));
                if (key.NotBefore is { } notBefore)
                {
                    writer.WriteNumber("nbf", notBefore.ToUnixTimeSeconds());
                }

                if (key.NotAfter is { } notAfter)
                {
                    writer.WriteNumber("exp", notAfter.ToUnixTimeSeconds());
                }

                if (key.Revoked)
                {
                    writer.WriteBoolean("revoked", true);
                }

                writer.WriteStartArray("checkin_subjects");
                if (key.Subjects.HasFlag(SignedSubjects.Venue))
                {
                    writer.WriteStringValue("venue");
                }

                if (key.Subjects.HasFlag(SignedSubjects.Person))
                {
                    writer.WriteStringValue("person");
                }

                if (key.Subjects.HasFlag(SignedSubjects.Notices))
                {
                    writer.WriteStringValue("notices");
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("revoked_codes");
            foreach (var code in ring.RevokedCodes.OrderBy(c => c.KeyId).ThenBy(c => c.Serial))
            {
                writer.WriteStartObject();
                writer.WriteString("kid", code.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteNumber("serial", code.Serial);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Result<TrustedSigningKey> ReadKey(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object || HasDuplicateNames(element))
        {
            return FailKey(CoreErrorCodes.TrustList.Json, index);
        }

        if (element.TryGetProperty("d", out _))
        {
            // A trust list is public: one carrying a private key is refused, so it is never copied on.
            return FailKey(CoreErrorCodes.TrustList.PrivateKey, index);
        }

        if (String(element, "kty") != "EC" || String(element, "crv") != "P-256"
            || (element.TryGetProperty("use", out _) && String(element, "use") != "sig")
            || (element.TryGetProperty("alg", out _) && String(element, "alg") != "ES256"))
        {
            return FailKey(CoreErrorCodes.TrustList.KeyType, index);
        }

        if (!TryKeyId(element, out var keyId))
        {
            return FailKey(CoreErrorCodes.TrustList.KeyId, index);
        }

        var x = Coordinate(String(element, "x"));
        var y = Coordinate(String(element, "y"));
        if (x is null || y is null)
        {
            return FailKey(CoreErrorCodes.TrustList.KeyValue, index);
        }

        byte[] spki;
        try
        {
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
            spki = ecdsa.ExportSubjectPublicKeyInfo();
        }
        catch (CryptographicException)
        {
            // Not a point on the curve.
            return FailKey(CoreErrorCodes.TrustList.KeyValue, index);
        }

        if (!TryTime(element, "nbf", out var notBefore) || !TryTime(element, "exp", out var notAfter)
            || (notBefore is { } nb && notAfter is { } na && na <= nb)
            || !TryRevoked(element, out var revoked) || !TrySubjects(element, out var subjects))
        {
            return FailKey(CoreErrorCodes.TrustList.Field, index);
        }

        return Result.Ok(new TrustedSigningKey(keyId, spki) { NotBefore = notBefore, NotAfter = notAfter, Revoked = revoked, Subjects = subjects });
    }

    private static bool TryKeyId(JsonElement element, out ushort keyId)
    {
        keyId = 0;
        var text = String(element, "kid");
        return text is { Length: >= 1 and <= 5 } && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
            && ushort.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out keyId);
    }

    private static bool TryTime(JsonElement element, string name, out Instant? time)
    {
        time = null;
        if (!element.TryGetProperty(name, out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetUInt32(out var seconds))
        {
            return false;
        }

        time = Instant.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static bool TryRevoked(JsonElement element, out bool revoked)
    {
        revoked = false;
        if (!element.TryGetProperty("revoked", out var value))
        {
            return true;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        revoked = value.GetBoolean();
        return true;
    }

    private static bool TrySubjects(JsonElement element, out SignedSubjects subjects)
    {
        subjects = SignedSubjects.All;
        if (!element.TryGetProperty("checkin_subjects", out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        subjects = SignedSubjects.None;
        foreach (var item in value.EnumerateArray())
        {
            var flag = item.ValueKind == JsonValueKind.String ? item.GetString() switch { "venue" => SignedSubjects.Venue, "person" => SignedSubjects.Person, "notices" => SignedSubjects.Notices, _ => SignedSubjects.None } : SignedSubjects.None;
            if (flag == SignedSubjects.None || subjects.HasFlag(flag))
            {
                return false;
            }

            subjects |= flag;
        }

        return true;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A base64url coordinate without padding, exactly 32 bytes (RFC 7518 §6.2.1.2).</summary>
    private static byte[]? Coordinate(string? text)
    {
        if (text is not { Length: 43 })
        {
            return null;
        }

        var bytes = new byte[32];
        return System.Buffers.Text.Base64Url.IsValid(text) && System.Buffers.Text.Base64Url.TryDecodeFromChars(text, bytes, out var written) && written == 32
            && Base64Url(bytes) == text
            ? bytes
            : null;
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static bool HasDuplicateNames(JsonElement element)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static Result<SigningKeyRing> Fail(string code, int field) => Result.Fail<SigningKeyRing>(CoreErrors.At(code, field, CheckInError.None));

    private static Result<TrustedSigningKey> FailKey(string code, int field) => Result.Fail<TrustedSigningKey>(CoreErrors.At(code, field, CheckInError.None));
}
