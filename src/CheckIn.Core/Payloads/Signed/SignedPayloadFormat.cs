using System.Buffers.Binary;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// The binary layout of CheckIn's signed payload, version 1 (see <c>docs/signed-payload-v1.md</c>).
/// </summary>
internal static class SignedPayloadFormat
{
    public const int Version = 1;
    public const int SignedLength = 17;
    public const int SignatureLength = 64;
    public const int BodyLength = SignedLength + SignatureLength;
    public const int SubjectVenue = 1;
    public const int SubjectPerson = 2;

    /// <summary>Prefixed to the signed bytes so a signature made for CheckIn can never be replayed in another protocol.</summary>
    public static ReadOnlySpan<byte> DomainSeparator => "CHECKIN-SIGNED-V1"u8;

    public static int EncodedBodyLength => Base32.EncodedLength(BodyLength);

    public static void WriteSignedPart(Span<byte> destination, int subject, ushort keyId, ulong subjectKey, int provinceCode, int venueKind, Instant issuedAt)
    {
        destination[0] = (byte)((Version << 4) | subject);
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], keyId);
        BinaryPrimitives.WriteUInt64BigEndian(destination[3..], subjectKey);
        destination[11] = (byte)provinceCode;
        destination[12] = (byte)venueKind;
        BinaryPrimitives.WriteUInt32BigEndian(destination[13..], (uint)issuedAt.ToUnixTimeSeconds());
    }

    /// <summary>The bytes the signature covers: the domain separator, then the signed part of the body.</summary>
    public static byte[] SignedData(ReadOnlySpan<byte> signedPart)
    {
        var data = new byte[DomainSeparator.Length + SignedLength];
        DomainSeparator.CopyTo(data);
        signedPart[..SignedLength].CopyTo(data.AsSpan(DomainSeparator.Length));
        return data;
    }

    public static bool IsValidVenueKind(int value) => value <= (int)VenueKind.Other;

    public static bool IsValidProvince(int value) => value is >= 0 and <= 99;

    public static bool IsValidIssueTime(Instant issuedAt) =>
        issuedAt >= Instant.FromUnixTimeSeconds(0) && issuedAt <= Instant.FromUnixTimeSeconds(uint.MaxValue)
        && issuedAt.ToUnixTimeTicks() % NodaConstants.TicksPerSecond == 0;
}
