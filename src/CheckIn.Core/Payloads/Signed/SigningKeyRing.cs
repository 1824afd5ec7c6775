using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;

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
