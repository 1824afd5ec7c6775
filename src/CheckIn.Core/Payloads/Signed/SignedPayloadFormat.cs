using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// The binary layouts of CheckIn's signed payload: version 1 (<c>docs/signed-payload-v1.md</c>, read only) and
/// version 2 (<c>docs/signed-payload-v2.md</c>, written and read).
/// </summary>
internal static class SignedPayloadFormat
{
    public const int SignatureLength = 64;
    public const int SubjectVenue = 1;
    public const int SubjectPerson = 2;

    // Version 1: header, key id, subject key, province, venue kind, issued at; the signature covers these 17 bytes only.
    public const int V1SignedLength = 17;
    public const int V1BodyLength = V1SignedLength + SignatureLength;

    // Version 2: header, key id, serial, subject key, province, venue kind, issued at, expires at, host tag, path tag.
    public const int V2SignedLength = 29;
    public const int V2BodyLength = V2SignedLength + SignatureLength;

    /// <summary>Prefixed to the signed bytes so a signature made for CheckIn can never be replayed in another protocol.</summary>
    public static ReadOnlySpan<byte> V1DomainSeparator => "CHECKIN-SIGNED-V1"u8;

    /// <summary>Version 2's separator: a version 1 signature can never verify as version 2 or back.</summary>
    public static ReadOnlySpan<byte> V2DomainSeparator => "CHECKIN-SIGNED-V2"u8;

    public static int V1EncodedBodyLength => Base32.EncodedLength(V1BodyLength);

    public static int V2EncodedBodyLength => Base32.EncodedLength(V2BodyLength);

    /// <summary>The body length of a version, or 0 for a version this library does not know.</summary>
    public static int BodyLength(int version) => version switch { 1 => V1BodyLength, 2 => V2BodyLength, _ => 0 };

    public static int SignedLength(int version) => version == 1 ? V1SignedLength : V2SignedLength;

    public static void WriteV1SignedPart(Span<byte> destination, int subject, ushort keyId, ulong subjectKey, int provinceCode, int venueKind, Instant issuedAt)
    {
        destination[0] = (byte)((1 << 4) | subject);
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], keyId);
        BinaryPrimitives.WriteUInt64BigEndian(destination[3..], subjectKey);
        destination[11] = (byte)provinceCode;
        destination[12] = (byte)venueKind;
        BinaryPrimitives.WriteUInt32BigEndian(destination[13..], (uint)issuedAt.ToUnixTimeSeconds());
    }

    public static void WriteV2SignedPart(Span<byte> destination, int subject, ushort keyId, uint serial, ulong subjectKey, int provinceCode, int venueKind,
        Instant issuedAt, Instant? expiresAt, string baseUrl)
    {
        destination[0] = (byte)((2 << 4) | subject);
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], keyId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[3..], serial);
        BinaryPrimitives.WriteUInt64BigEndian(destination[7..], subjectKey);
        destination[15] = (byte)provinceCode;
        destination[16] = (byte)venueKind;
        BinaryPrimitives.WriteUInt32BigEndian(destination[17..], (uint)issuedAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt32BigEndian(destination[21..], expiresAt is { } e ? (uint)e.ToUnixTimeSeconds() : 0u);
        var (host, path) = SplitBase(baseUrl);
        BinaryPrimitives.WriteUInt16BigEndian(destination[25..], Tag("HOST:", host));
        BinaryPrimitives.WriteUInt16BigEndian(destination[27..], Tag("PATH:", path));
    }

    /// <summary>
    /// The bytes a signature covers. Version 1: separator ‖ body[0..17). Version 2: separator ‖ base length (1 byte) ‖
    /// base URL (ASCII, upper case) ‖ body[0..29), so the signature binds the scheme, host and path as well as the body.
    /// </summary>
    public static byte[] SignedData(int version, ReadOnlySpan<char> baseUrl, ReadOnlySpan<byte> body)
    {
        if (version == 1)
        {
            var v1 = new byte[V1DomainSeparator.Length + V1SignedLength];
            V1DomainSeparator.CopyTo(v1);
            body[..V1SignedLength].CopyTo(v1.AsSpan(V1DomainSeparator.Length));
            return v1;
        }

        var data = new byte[V2DomainSeparator.Length + 1 + baseUrl.Length + V2SignedLength];
        V2DomainSeparator.CopyTo(data);
        data[V2DomainSeparator.Length] = (byte)baseUrl.Length;
        Encoding.ASCII.GetBytes(baseUrl, data.AsSpan(V2DomainSeparator.Length + 1));
        body[..V2SignedLength].CopyTo(data.AsSpan(V2DomainSeparator.Length + 1 + baseUrl.Length));
        return data;
    }

    /// <summary>The authority (host and optional port) and the path of a base URL, as written (no case change).</summary>
    public static (string Host, string Path) SplitBase(ReadOnlySpan<char> baseUrl)
    {
        var rest = baseUrl[(baseUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? (rest.ToString(), "/") : (rest[..slash].ToString(), rest[slash..].ToString());
    }

    /// <summary>A 16-bit tag of a base URL part (the first two bytes of SHA-256 over the label and the upper-case part).</summary>
    public static ushort Tag(string label, ReadOnlySpan<char> part)
    {
        var bytes = new byte[label.Length + part.Length];
        Encoding.ASCII.GetBytes(label, bytes);
        for (var i = 0; i < part.Length; i++)
        {
            bytes[label.Length + i] = (byte)char.ToUpperInvariant(part[i]);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadUInt16BigEndian(hash);
    }

    public static bool IsValidVenueKind(int value) => value <= (int)VenueKind.Other;

    public static bool IsValidProvince(int value) => value is >= 0 and <= 99;

    public static bool IsValidIssueTime(Instant issuedAt) =>
        issuedAt >= Instant.FromUnixTimeSeconds(0) && issuedAt <= Instant.FromUnixTimeSeconds(uint.MaxValue)
        && issuedAt.ToUnixTimeTicks() % NodaConstants.TicksPerSecond == 0;

    // P-256's group order n and n / 2 (FIPS 186-4, D.1.2.3).
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly BigInteger HalfOrder = Order >> 1;

    /// <summary>What an r ‖ s signature is, before any key is involved.</summary>
    public enum SignatureShape
    {
        /// <summary>0 &lt; r &lt; n and 0 &lt; s ≤ n/2: the one accepted spelling.</summary>
        Canonical,

        /// <summary>r or s is 0 or not below n: no key verifies it.</summary>
        OutOfRange,

        /// <summary>n/2 &lt; s &lt; n: verifies, but is the second spelling of the low-S signature (n − s).</summary>
        HighS,
    }

    public static SignatureShape Shape(ReadOnlySpan<byte> signature)
    {
        var r = new BigInteger(signature[..32], isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(signature[32..64], isUnsigned: true, isBigEndian: true);
        if (r.IsZero || s.IsZero || r >= Order || s >= Order)
        {
            return SignatureShape.OutOfRange;
        }

        return s > HalfOrder ? SignatureShape.HighS : SignatureShape.Canonical;
    }

    /// <summary>Rewrites a high-S signature as its low-S twin (s → n − s), in place.</summary>
    public static void NormalizeLowS(Span<byte> signature)
    {
        var s = new BigInteger(signature[32..64], isUnsigned: true, isBigEndian: true);
        if (s <= HalfOrder)
        {
            return;
        }

        var low = Order - s;
        signature[32..64].Clear();
        var length = low.GetByteCount(isUnsigned: true);
        low.TryWriteBytes(signature[(64 - length)..64], out _, isUnsigned: true, isBigEndian: true);
    }
}
