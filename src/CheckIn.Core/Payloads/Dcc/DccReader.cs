using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Text;
using NodaTime;

namespace CheckIn.Core.Payloads.Dcc;

/// <summary>
/// Reads an <c>HC1:</c> text step by step, each step failing with its own code: prefix, Base45, zlib, COSE_Sign1, CWT
/// claims, the health certificate's schema, then (with a trust list) the signature and the signer's certificate, and
/// last the CWT's validity at the reader's clock.
/// </summary>
internal static class DccReader
{
    /// <summary>The largest decompressed COSE message read (64 KiB; a DCC is well under 4 KiB).</summary>
    public const int MaxDecompressedLength = 64 * 1024;

    /// <summary>True when the text starts like a health certificate's context identifier (<c>HC</c>, a digit, <c>:</c>), in any case.</summary>
    public static bool Claims(ReadOnlySpan<char> text) =>
        text.Length >= 4 && (text[0] | 0x20) == 'h' && (text[1] | 0x20) == 'c' && char.IsAsciiDigit(text[2]) && text[3] == ':';

    public static Result<CheckInPayload> Read(ReadOnlySpan<char> text, int offset, PayloadQuirks quirks, PayloadReaderOptions options)
    {
        if (!text.StartsWith("HC1:", StringComparison.Ordinal))
        {
            return Fail(CoreErrorCodes.Dcc.Prefix, offset);
        }

        var body = text[4..];
        var compressed = Base45.Decode(body);
        if (!compressed.TryGetValue(out var zlib))
        {
            return Fail(CoreErrorCodes.Dcc.Base45, offset + 4 + (int)Math.Max(0, compressed.Error.Position));
        }

        var cose = Inflate(zlib, out var tooLarge);
        if (cose is null)
        {
            return Fail(tooLarge ? CoreErrorCodes.Dcc.TooLarge : CoreErrorCodes.Dcc.Compression, offset + 4);
        }

        return ReadCose(cose, text.ToString(), quirks, options);
    }

    /// <summary>Reads a decompressed COSE_Sign1 message; the text is what the payload gives back.</summary>
    internal static Result<CheckInPayload> ReadCose(byte[] cose, string text, PayloadQuirks quirks, PayloadReaderOptions options)
    {
        CoseSign1Message message;
        try
        {
            message = CoseSign1Message.DecodeSign1(cose);
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            // Documented to throw CryptographicException; a header label beyond 32 bits escapes as OverflowException (found by the dcc fuzz target).
            return Fail(CoreErrorCodes.Dcc.Cose, CheckInError.None);
        }

        if (message.Content is not { } content)
        {
            return Fail(CoreErrorCodes.Dcc.Cose, CheckInError.None);
        }

        if (!TryAlgorithm(message, out var algorithm))
        {
            return Fail(CoreErrorCodes.Dcc.Algorithm, CheckInError.None);
        }

        if (!TryKeyId(message, out var keyId))
        {
            return Fail(CoreErrorCodes.Dcc.KeyId, CheckInError.None);
        }

        var claims = ReadClaims(content);
        if (!claims.TryGetValue(out var cwt))
        {
            return Result.Fail<CheckInPayload>(claims.Error);
        }

        var certificate = DccSchema.Read(cwt.HealthCertificate);
        if (!certificate.TryGetValue(out var dcc))
        {
            return Result.Fail<CheckInPayload>(certificate.Error);
        }

        var now = options.Clock.GetCurrentInstant();
        var status = SignatureStatus.NotVerified;
        DccTrustedCertificate? signer = null;
        if (options.DccTrustList is { } trust)
        {
            var verified = Verify(message, algorithm, keyId, trust, cwt, dcc.Type, now, options.SignedClockSkew);
            if (!verified.TryGetValue(out signer))
            {
                return Result.Fail<CheckInPayload>(verified.Error);
            }

            status = SignatureStatus.Valid;
        }

        // The code's own validity is checked with or without a trust list: it can only refuse.
        if (cwt.IssuedAt is { } issuedAt && issuedAt > now + options.SignedClockSkew)
        {
            return Fail(CoreErrorCodes.Dcc.NotYetValid, CheckInError.None);
        }

        if (cwt.ExpiresAt is { } expiresAt && expiresAt + options.SignedClockSkew <= now)
        {
            return Fail(CoreErrorCodes.Dcc.Expired, CheckInError.None);
        }

        return Result.Ok<CheckInPayload>(new DccPayload(text, cwt.Issuer, cwt.IssuedAt, cwt.ExpiresAt, algorithm, new EquatableArray<byte>(keyId), dcc)
        {
            SignatureStatus = status,
            Signer = signer,
            Quirks = quirks,
        });
    }

    /// <summary>The inflated bytes, or null: not zlib, damaged, empty, or (<paramref name="tooLarge"/>) over the limit.</summary>
    private static byte[]? Inflate(byte[] zlib, out bool tooLarge)
    {
        tooLarge = false;
        // zlib (RFC 1950): deflate, 32 KiB window or less, no preset dictionary, header check a multiple of 31.
        if (zlib.Length < 2 || (zlib[0] & 0x0F) != 8 || (zlib[0] >> 4) > 7 || (zlib[1] & 0x20) != 0 || ((zlib[0] << 8) | zlib[1]) % 31 != 0)
        {
            return null;
        }

        try
        {
            using var input = new MemoryStream(zlib, writable: false);
            using var inflater = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > MaxDecompressedLength)
                {
                    // Reading on would let a small code expand without bound.
                    tooLarge = true;
                    return null;
                }
            }

            return output.Length == 0 ? null : output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool TryAlgorithm(CoseSign1Message message, out DccSignatureAlgorithm algorithm)
    {
        algorithm = default;
        try
        {
            if (message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.Algorithm, out var value)
                && value.GetValueAsInt32() is var alg && alg is (int)DccSignatureAlgorithm.ES256 or (int)DccSignatureAlgorithm.PS256)
            {
                algorithm = (DccSignatureAlgorithm)alg;
                return true;
            }
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            return false;
        }

        return false;
    }

    /// <summary>What the CBOR and COSE readers throw on malformed input.</summary>
    internal static bool IsDecodeFailure(Exception e) =>
        e is CryptographicException or CborContentException or InvalidOperationException or OverflowException or FormatException or ArgumentException;

    private static bool TryKeyId(CoseSign1Message message, out byte[] keyId)
    {
        keyId = [];
        try
        {
            // The specification puts kid in the protected header; some issuers put it in the unprotected one.
            if (message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.KeyIdentifier, out var value)
                || message.UnprotectedHeaders.TryGetValue(CoseHeaderLabel.KeyIdentifier, out value))
            {
                keyId = value.GetValueAsBytes();
                return keyId.Length is >= 1 and <= 64;
            }
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            return false;
        }

        return false;
    }

    internal readonly record struct Cwt(string? Issuer, Instant? IssuedAt, Instant? ExpiresAt, ReadOnlyMemory<byte> HealthCertificate);

    /// <summary>Reads the CWT claims map: iss (1), exp (4), iat (6) and hcert (-260) with the DCC under key 1.</summary>
    internal static Result<Cwt> ReadClaims(ReadOnlyMemory<byte> content)
    {
        try
        {
            var reader = new CborReader(content, CborConformanceMode.Lax);
            SkipTags(reader);
            if (reader.PeekState() != CborReaderState.StartMap)
            {
                return ClaimsFail();
            }

            string? issuer = null;
            Instant? issuedAt = null;
            Instant? expiresAt = null;
            ReadOnlyMemory<byte>? hcert = null;
            var seen = new HashSet<long>();
            reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                if (reader.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
                {
                    // Claims named by text are not DCC claims: skipped with their values.
                    reader.SkipValue();
                    reader.SkipValue();
                    continue;
                }

                var key = reader.ReadInt64();
                if (!seen.Add(key))
                {
                    return ClaimsFail();
                }

                switch (key)
                {
                    case 1:
                        if (reader.PeekState() != CborReaderState.TextString)
                        {
                            return ClaimsFail();
                        }

                        issuer = reader.ReadTextString();
                        if (issuer.Length is 0 or > 10)
                        {
                            return ClaimsFail();
                        }

                        break;
                    case 4:
                        expiresAt = ReadTime(reader);
                        if (expiresAt is null)
                        {
                            return ClaimsFail();
                        }

                        break;
                    case 6:
                        issuedAt = ReadTime(reader);
                        if (issuedAt is null)
                        {
                            return ClaimsFail();
                        }

                        break;
                    case -260:
                        hcert = ReadHealthCertificateClaim(reader);
                        if (hcert is null)
                        {
                            return ClaimsFail();
                        }

                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
            if (reader.BytesRemaining != 0 || hcert is null || (issuedAt is { } i && expiresAt is { } e && e <= i))
            {
                return ClaimsFail();
            }

            return Result.Ok(new Cwt(issuer, issuedAt, expiresAt, hcert.Value));
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or FormatException)
        {
            return ClaimsFail();
        }
    }

    private static ReadOnlyMemory<byte>? ReadHealthCertificateClaim(CborReader reader)
    {
        if (reader.PeekState() != CborReaderState.StartMap)
        {
            return null;
        }

        ReadOnlyMemory<byte>? dcc = null;
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            // Every key is read whole before its value, so a key of another type never pairs with the next value.
            var isDcc = false;
            if (reader.PeekState() == CborReaderState.UnsignedInteger)
            {
                isDcc = reader.ReadUInt64() == 1;
            }
            else
            {
                reader.SkipValue();
            }

            if (!isDcc)
            {
                reader.SkipValue();
                continue;
            }

            if (dcc is not null)
            {
                return null;
            }

            dcc = reader.ReadEncodedValue();
        }

        reader.ReadEndMap();
        return dcc;
    }

    private static Instant? ReadTime(CborReader reader)
    {
        SkipTags(reader);
        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger:
                var seconds = reader.ReadInt64();
                return seconds is >= 0 and <= 253402300799 ? Instant.FromUnixTimeSeconds(seconds) : null;
            case CborReaderState.DoublePrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.HalfPrecisionFloat:
                // RFC 8392 allows a NumericDate with a fraction; some issuers wrote one.
                var value = reader.ReadDouble();
                return double.IsFinite(value) && value is >= 0 and <= 253402300799 ? Instant.FromUnixTimeSeconds((long)Math.Floor(value)) : null;
            default:
                return null;
        }
    }

    internal static void SkipTags(CborReader reader)
    {
        while (reader.PeekState() == CborReaderState.Tag)
        {
            reader.ReadTag();
        }
    }

    private static Result<DccTrustedCertificate> Verify(CoseSign1Message message, DccSignatureAlgorithm algorithm, byte[] keyId, DccTrustList trust, Cwt cwt,
        DccCertificateType type, Instant now, Duration skew)
    {
        var candidates = trust.Find(keyId);
        if (candidates.Count == 0)
        {
            return VerifyFail(CoreErrorCodes.Dcc.UnknownKey);
        }

        DccTrustedCertificate? signer = null;
        var keyMatched = false;
        foreach (var candidate in candidates)
        {
            if (candidate.Algorithm != algorithm)
            {
                continue;
            }

            keyMatched = true;
            if (candidate.Verify(message))
            {
                signer = candidate;
                break;
            }
        }

        if (signer is null)
        {
            return VerifyFail(keyMatched ? CoreErrorCodes.Dcc.BadSignature : CoreErrorCodes.Dcc.KeyMismatch);
        }

        if (now + skew < signer.NotBefore)
        {
            return VerifyFail(CoreErrorCodes.Dcc.CertificateNotYetValid);
        }

        if (now - skew > signer.NotAfter)
        {
            return VerifyFail(CoreErrorCodes.Dcc.CertificateExpired);
        }

        if (cwt.IssuedAt is { } issuedAt && (issuedAt + skew < signer.NotBefore || issuedAt - skew > signer.NotAfter))
        {
            return VerifyFail(CoreErrorCodes.Dcc.SignedOutsideCertificateValidity);
        }

        if (!signer.AllowedTypes.Contains(type))
        {
            return VerifyFail(CoreErrorCodes.Dcc.CertificateType);
        }

        if (signer.Country is { } country && cwt.Issuer is { } issuer && !string.Equals(country, issuer, StringComparison.OrdinalIgnoreCase))
        {
            return VerifyFail(CoreErrorCodes.Dcc.IssuerCountry);
        }

        return Result.Ok(signer);
    }

    private static Result<CheckInPayload> Fail(string code, int position) => CoreErrors.Fail<CheckInPayload>(code, CheckInError.None, position);

    private static Result<Cwt> ClaimsFail() => CoreErrors.Fail<Cwt>(CoreErrorCodes.Dcc.Claims, CheckInError.None, CheckInError.None);

    private static Result<DccTrustedCertificate> VerifyFail(string code) => CoreErrors.Fail<DccTrustedCertificate>(code, CheckInError.None, CheckInError.None);
}
