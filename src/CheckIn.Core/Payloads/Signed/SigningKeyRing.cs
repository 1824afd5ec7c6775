using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// The trusted public keys that verify CheckIn's signed payloads, by key id, with each key's validity, revocation
/// and kinds, and the codes revoked one by one. Anyone holding the ring verifies codes offline. Immutable and
/// thread-safe.
/// </summary>
/// <remarks>
/// Keys are ECDSA P-256 public keys, given as SubjectPublicKeyInfo (DER), PEM (<c>BEGIN PUBLIC KEY</c>) or a JSON
/// trust list (a JWK set, <see cref="TrustList.Read"/>). Imported keys are pooled (importing costs more than
/// verifying), one per concurrent verification; <see cref="Dispose"/> releases them.
/// </remarks>
public sealed class SigningKeyRing : IDisposable
{
    private readonly FrozenDictionary<ushort, TrustedSigningKey> _keys;
    private readonly FrozenDictionary<ushort, ConcurrentBag<ECDsa>> _pools;
    private readonly FrozenSet<RevokedCode> _revoked;

    /// <summary>Creates a ring of keys valid at any time, for both kinds of code, from DER SubjectPublicKeyInfo.</summary>
    /// <param name="keys">Key id → public key.</param>
    /// <exception cref="ArgumentException">A key is not an ECDSA P-256 public key, or a key id repeats.</exception>
    public SigningKeyRing(IEnumerable<KeyValuePair<ushort, byte[]>> keys)
        : this((keys ?? throw new ArgumentNullException(nameof(keys))).Select(k => new TrustedSigningKey(k.Key, k.Value)).ToList())
    {
    }

    /// <summary>Creates a ring from trusted keys and revoked codes.</summary>
    /// <param name="keys">The keys; each id once.</param>
    /// <param name="revokedCodes">Codes revoked one by one, or null for none.</param>
    /// <exception cref="ArgumentException">A key id repeats.</exception>
    public SigningKeyRing(IEnumerable<TrustedSigningKey> keys, IEnumerable<RevokedCode>? revokedCodes = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byId = new Dictionary<ushort, TrustedSigningKey>();
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
            if (!byId.TryAdd(key.KeyId, key))
            {
                throw new ArgumentException($"Key id {key.KeyId} appears twice.", nameof(keys));
            }
        }

        _keys = byId.ToFrozenDictionary();
        _pools = byId.Keys.ToFrozenDictionary(id => id, _ => new ConcurrentBag<ECDsa>());
        _revoked = (revokedCodes ?? []).ToFrozenSet();
    }

    /// <summary>The key ids in the ring.</summary>
    public IReadOnlyCollection<ushort> KeyIds => _keys.Keys;

    /// <summary>The keys in the ring, by ascending id.</summary>
    public IReadOnlyList<TrustedSigningKey> Keys => [.. _keys.Values.OrderBy(k => k.KeyId)];

    /// <summary>The codes revoked one by one.</summary>
    public IReadOnlyCollection<RevokedCode> RevokedCodes => _revoked;

    /// <summary>Creates a ring from PEM public keys (<c>-----BEGIN PUBLIC KEY-----</c>), valid at any time.</summary>
    /// <param name="keys">Key id → PEM text.</param>
    /// <returns>The ring.</returns>
    /// <exception cref="ArgumentException">A key is not a PEM ECDSA P-256 public key.</exception>
    public static SigningKeyRing FromPem(IEnumerable<KeyValuePair<ushort, string>> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new SigningKeyRing(keys.Select(k =>
        {
            using var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(k.Value);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException($"Key {k.Key} is not a PEM public key.", nameof(keys), exception);
            }

            return KeyValuePair.Create(k.Key, key.ExportSubjectPublicKeyInfo());
        }).ToList());
    }

    /// <summary>True when the ring holds a key with this id.</summary>
    /// <param name="keyId">The key id.</param>
    /// <returns>True when known.</returns>
    public bool Contains(ushort keyId) => _keys.ContainsKey(keyId);

    /// <summary>The key with this id.</summary>
    /// <param name="keyId">The key id.</param>
    /// <param name="key">The key, when known.</param>
    /// <returns>True when known.</returns>
    public bool TryGetKey(ushort keyId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TrustedSigningKey? key) => _keys.TryGetValue(keyId, out key);

    /// <summary>True when this one code was revoked.</summary>
    /// <param name="keyId">The signing key's id.</param>
    /// <param name="serial">The code's serial.</param>
    /// <returns>True when revoked.</returns>
    public bool IsRevoked(ushort keyId, uint serial) => _revoked.Contains(new RevokedCode(keyId, serial));

    /// <summary>Releases the pooled key instances.</summary>
    public void Dispose()
    {
        foreach (var pool in _pools.Values)
        {
            while (pool.TryTake(out var key))
            {
                key.Dispose();
            }
        }
    }

    /// <summary>
    /// Verifies a signature made by a key of the ring over data the caller built (with its own domain separator), and
    /// everything the ring says about the key: the checks and codes of signed codes (<c>docs/signed-payload-v2.md</c>,
    /// step 9), for other signed documents such as exposure-notice packages.
    /// </summary>
    /// <param name="subject">The kind of document; the key must sign it.</param>
    /// <param name="keyId">The key id the document names.</param>
    /// <param name="serial">The document's serial, checked against the revoked codes, or null when it has none.</param>
    /// <param name="issuedAt">The issue time the document states; it must lie within the key's validity.</param>
    /// <param name="signedData">The exact bytes that were signed.</param>
    /// <param name="signature">The 64-byte ECDSA P-256 signature, <c>r ‖ s</c>, low-S.</param>
    /// <param name="now">The current time.</param>
    /// <param name="clockSkew">How far clocks may disagree.</param>
    /// <returns>The key that verified, or a coded error (<c>SignedPayload.UnknownKey</c>, <c>KeyRevoked</c>,
    /// <c>BadSignature</c>, <c>NonCanonical</c>, <c>AlteredBody</c>, <c>WrongKind</c>, <c>Revoked</c>,
    /// <c>IssuedOutsideKeyValidity</c>, <c>KeyExpired</c>, <c>NotYetValid</c>).</returns>
    public Result<TrustedSigningKey> VerifySigned(SignedSubjects subject, ushort keyId, uint? serial, Instant issuedAt, ReadOnlySpan<byte> signedData,
        ReadOnlySpan<byte> signature, Instant now, Duration clockSkew) =>
        VerifySigned(subject, keyId, serial, issuedAt, signedData, signature, now, clockSkew, allowHighS: false);

    /// <summary>As the public overload; version 1 codes were signed before low-S was required, so they may be high-S.</summary>
    internal Result<TrustedSigningKey> VerifySigned(SignedSubjects subject, ushort keyId, uint? serial, Instant issuedAt, ReadOnlySpan<byte> signedData,
        ReadOnlySpan<byte> signature, Instant now, Duration clockSkew, bool allowHighS)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            return Fail(CoreErrorCodes.SignedPayload.UnknownKey);
        }

        if (key.Revoked)
        {
            return Fail(CoreErrorCodes.SignedPayload.KeyRevoked);
        }

        var shape = signature.Length == SignedPayloadFormat.SignatureLength ? SignedPayloadFormat.Shape(signature) : SignedPayloadFormat.SignatureShape.OutOfRange;
        if (shape == SignedPayloadFormat.SignatureShape.OutOfRange)
        {
            return Fail(CoreErrorCodes.SignedPayload.BadSignature);
        }

        if (shape == SignedPayloadFormat.SignatureShape.HighS && !allowHighS)
        {
            return Fail(CoreErrorCodes.SignedPayload.NonCanonical);
        }

        if (!Verify(keyId, signedData, signature))
        {
            return Fail(CoreErrorCodes.SignedPayload.AlteredBody);
        }

        if ((key.Subjects & subject) != subject || subject == SignedSubjects.None)
        {
            return Fail(CoreErrorCodes.SignedPayload.WrongKind);
        }

        if (serial is { } number && IsRevoked(keyId, number))
        {
            return Fail(CoreErrorCodes.SignedPayload.Revoked);
        }

        if ((key.NotBefore is { } notBefore && issuedAt < notBefore) || (key.NotAfter is { } notAfter && issuedAt > notAfter))
        {
            // Signed outside the key's life: a retired or leaked key was used after it was withdrawn.
            return Fail(CoreErrorCodes.SignedPayload.IssuedOutsideKeyValidity);
        }

        if (key.NotAfter is { } end && end + clockSkew <= now)
        {
            return Fail(CoreErrorCodes.SignedPayload.KeyExpired);
        }

        if (key.NotBefore is { } start && start > now + clockSkew)
        {
            return Fail(CoreErrorCodes.SignedPayload.NotYetValid);
        }

        return Result.Ok(key);
    }

    /// <summary>Rewrites an ECDSA P-256 signature (<c>r ‖ s</c>, 64 bytes) in its low-S form, the one readers accept.</summary>
    /// <param name="signature">The signature, changed in place.</param>
    /// <exception cref="ArgumentException">The signature is not 64 bytes.</exception>
    public static void NormalizeSignature(Span<byte> signature)
    {
        if (signature.Length != SignedPayloadFormat.SignatureLength)
        {
            throw new ArgumentException("An ECDSA P-256 signature is 64 bytes.", nameof(signature));
        }

        SignedPayloadFormat.NormalizeLowS(signature);
    }

    private static Result<TrustedSigningKey> Fail(string code) => CoreErrors.Fail<TrustedSigningKey>(code, CheckInError.None, CheckInError.None);

    internal bool Verify(ushort keyId, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
    {
        // An ECDsa instance is not documented as safe for concurrent use, so each verification rents its own.
        var pool = _pools[keyId];
        var key = pool.TryTake(out var pooled) ? pooled : ECDsa.Create(_keys[keyId].Parameters);
        try
        {
            return key.VerifyData(signedData, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        finally
        {
            pool.Add(key);
        }
    }

    internal static ECParameters CheckP256(ECParameters parameters, ushort keyId)
    {
        if (parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException($"Key {keyId} is not on the P-256 curve.");
        }

        return parameters;
    }
}
