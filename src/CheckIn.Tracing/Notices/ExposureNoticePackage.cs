using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CheckIn.Core;
using CheckIn.Core.Payloads.Signed;
using NodaTime;

namespace CheckIn.Tracing.Notices;

/// <summary>
/// A signed list of exposure notices as a health authority publishes it (as Germany's and the UK's apps published
/// theirs): the venue windows, when they were issued and by which key, and an ECDSA P-256 signature over it all.
/// Citizens' apps download it, verify it against the authority's trust list and match their own visits on the
/// device (<see cref="ExposureMatcher"/>). A package exists only verified: <see cref="Read"/> needs the keys.
/// </summary>
/// <remarks>The binary format is in <c>docs/exposure-notices.md</c>.</remarks>
public sealed class ExposureNoticePackage
{
    /// <summary>The largest package read or written: 16 MiB (about 400,000 notices).</summary>
    public const int MaxLength = 16 << 20;

    /// <summary>The most notices in one package.</summary>
    public const int MaxNotices = 1_000_000;

    internal const int HeaderLength = 6 + 1 + 2 + 8 + 4;
    internal const int SignatureLength = 64;
    internal const byte FormatVersion = 1;

    internal static ReadOnlySpan<byte> Magic => "CKNOTE"u8;

    /// <summary>Prefixed to the signed bytes so a package signature is never valid as a code's, or back.</summary>
    internal static ReadOnlySpan<byte> DomainSeparator => "CHECKIN-NOTICES-V1"u8;

    private ExposureNoticePackage(ushort keyId, Instant issuedAt, IReadOnlyList<ExposureNotice> notices)
    {
        KeyId = keyId;
        IssuedAt = issuedAt;
        Notices = notices;
    }

    /// <summary>The id of the key that signed the package.</summary>
    public ushort KeyId { get; }

    /// <summary>When the authority issued the package (whole seconds).</summary>
    public Instant IssuedAt { get; }

    /// <summary>The notices, in the order they were signed.</summary>
    public IReadOnlyList<ExposureNotice> Notices { get; }

    /// <summary>Signs notices into a package (the bytes to publish).</summary>
    /// <param name="privateKey">The authority's ECDSA P-256 private key.</param>
    /// <param name="keyId">The key's id in the trust list.</param>
    /// <param name="notices">The notices: venues of 1 to 255 UTF-8 bytes, windows of whole seconds with <c>Until</c> after <c>From</c>.</param>
    /// <param name="issuedAt">The issue time; truncated to whole seconds.</param>
    /// <returns>The package bytes.</returns>
    /// <exception cref="ArgumentException">The key is not a P-256 private key, or a notice cannot be written.</exception>
    public static byte[] Sign(ECDsa privateKey, ushort keyId, IEnumerable<ExposureNotice> notices, Instant issuedAt)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(notices);
        // Other 256-bit curves (secp256k1, brainpoolP256r1) have the same key size: the curve itself is checked.
        ECParameters curve;
        try
        {
            curve = privateKey.ExportParameters(includePrivateParameters: false);
        }
        catch (CryptographicException exception)
        {
            throw new ArgumentException("The package is signed with an ECDSA P-256 key.", nameof(privateKey), exception);
        }

        if (curve.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("The package is signed with an ECDSA P-256 key.", nameof(privateKey));
        }

        var list = notices.ToList();
        if (list.Count > MaxNotices)
        {
            throw new ArgumentException($"A package holds at most {MaxNotices:N0} notices.", nameof(notices));
        }

        using var body = new MemoryStream();
        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        header[6] = FormatVersion;
        BinaryPrimitives.WriteUInt16BigEndian(header[7..], keyId);
        BinaryPrimitives.WriteInt64BigEndian(header[9..], issuedAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt32BigEndian(header[17..], list.Count);
        body.Write(header);
        Span<byte> times = stackalloc byte[16];
        foreach (var notice in list)
        {
            ArgumentNullException.ThrowIfNull(notice, nameof(notices));
            var venue = Encoding.UTF8.GetBytes(notice.Venue ?? throw new ArgumentException("A notice has no venue.", nameof(notices)));
            if (venue.Length is < 1 or > 255 || notice.Until <= notice.From
                || notice.From.ToUnixTimeTicks() % NodaConstants.TicksPerSecond != 0 || notice.Until.ToUnixTimeTicks() % NodaConstants.TicksPerSecond != 0)
            {
                throw new ArgumentException("Each notice has a venue of 1 to 255 UTF-8 bytes and a window of whole seconds that ends after it starts.", nameof(notices));
            }

            body.WriteByte((byte)venue.Length);
            body.Write(venue);
            BinaryPrimitives.WriteInt64BigEndian(times, notice.From.ToUnixTimeSeconds());
            BinaryPrimitives.WriteInt64BigEndian(times[8..], notice.Until.ToUnixTimeSeconds());
            body.Write(times);
        }

        if (body.Length + SignatureLength > MaxLength)
        {
            throw new ArgumentException($"The package would exceed {MaxLength:N0} bytes.", nameof(notices));
        }

        var signed = body.ToArray();
        byte[] signature;
        try
        {
            signature = privateKey.SignData(SignedData(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException exception)
        {
            throw new ArgumentException("The signer needs the private key.", nameof(privateKey), exception);
        }

        SigningKeyRing.NormalizeSignature(signature);
        return [.. signed, .. signature];
    }

    /// <summary>Reads and verifies a package. There is no way to read one without keys.</summary>
    /// <param name="package">The package bytes.</param>
    /// <param name="keys">The authority's trust list (keys that may sign <see cref="SignedSubjects.Notices"/>).</param>
    /// <param name="clock">The clock that decides whether the package and its key are valid now.</param>
    /// <returns>The verified package, or a coded error: <c>NoticePackage.*</c> for the format, <c>SignedPayload.*</c>
    /// for the key and signature (the same checks and codes as signed codes).</returns>
    public static Result<ExposureNoticePackage> Read(ReadOnlySpan<byte> package, SigningKeyRing keys, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        if (package.Length > MaxLength)
        {
            return Fail(TracingErrorCodes.NoticePackage.TooLarge, 0);
        }

        if (package.Length < HeaderLength + SignatureLength || !package.StartsWith(Magic))
        {
            return Fail(package.Length >= Magic.Length && !package.StartsWith(Magic) ? TracingErrorCodes.NoticePackage.Magic : TracingErrorCodes.NoticePackage.Truncated, 0);
        }

        if (package[6] != FormatVersion)
        {
            return Fail(TracingErrorCodes.NoticePackage.Version, 6);
        }

        var keyId = BinaryPrimitives.ReadUInt16BigEndian(package[7..]);
        var seconds = BinaryPrimitives.ReadInt64BigEndian(package[9..]);
        var count = BinaryPrimitives.ReadInt32BigEndian(package[17..]);
        if (seconds is < 0 or > uint.MaxValue)
        {
            return Fail(TracingErrorCodes.NoticePackage.Field, 9);
        }

        // The smallest notice takes 18 bytes: refuse a count the bytes cannot hold before reserving anything.
        var signedLength = package.Length - SignatureLength;
        if (count < 0 || count > MaxNotices || (long)count * 18 > signedLength - HeaderLength)
        {
            return Fail(TracingErrorCodes.NoticePackage.Count, 17);
        }

        // The signature first: nothing of an unverified package is parsed further or returned.
        var issuedAt = Instant.FromUnixTimeSeconds(seconds);
        var verified = keys.VerifySigned(SignedSubjects.Notices, keyId, serial: null, issuedAt, SignedData(package[..signedLength]),
            package[signedLength..], clock.GetCurrentInstant(), Duration.FromMinutes(5));
        if (!verified.Success)
        {
            return Result.Fail<ExposureNoticePackage>(verified.Error);
        }

        var notices = new List<ExposureNotice>(count);
        var position = HeaderLength;
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (var i = 0; i < count; i++)
        {
            if (position >= signedLength || package[position] == 0 || position + 1 + package[position] + 16 > signedLength)
            {
                return Fail(TracingErrorCodes.NoticePackage.Entry, position, i);
            }

            var length = package[position];
            string venue;
            try
            {
                venue = strict.GetString(package.Slice(position + 1, length));
            }
            catch (DecoderFallbackException)
            {
                return Fail(TracingErrorCodes.NoticePackage.Entry, position, i);
            }

            position += 1 + length;
            var from = BinaryPrimitives.ReadInt64BigEndian(package[position..]);
            var until = BinaryPrimitives.ReadInt64BigEndian(package[(position + 8)..]);
            if (from is < 0 or > uint.MaxValue || until is < 0 or > uint.MaxValue || until <= from)
            {
                return Fail(TracingErrorCodes.NoticePackage.Entry, position, i);
            }

            position += 16;
            notices.Add(new ExposureNotice(venue, Instant.FromUnixTimeSeconds(from), Instant.FromUnixTimeSeconds(until)));
        }

        if (position != signedLength)
        {
            return Fail(TracingErrorCodes.NoticePackage.TrailingData, position);
        }

        return Result.Ok(new ExposureNoticePackage(keyId, issuedAt, notices));
    }

    private static byte[] SignedData(ReadOnlySpan<byte> signed) => [.. DomainSeparator, .. signed];

    private static Result<ExposureNoticePackage> Fail(string code, int position, int field = CheckInError.None) =>
        Result.Fail<ExposureNoticePackage>(TracingErrors.At(code, field, position));
}
