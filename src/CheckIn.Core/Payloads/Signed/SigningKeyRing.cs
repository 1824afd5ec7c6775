using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>
/// The public keys that verify CheckIn's signed payloads, by key id. Anyone holding the ring verifies
/// codes offline. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Keys are ECDSA P-256 public keys, given as SubjectPublicKeyInfo (DER) or PEM (<c>BEGIN PUBLIC KEY</c>).
/// Imported keys are pooled (importing costs more than verifying), one per concurrent verification;
/// <see cref="Dispose"/> releases them.
/// </remarks>
public sealed class SigningKeyRing : IDisposable
{
    private readonly FrozenDictionary<ushort, ECParameters> _keys;
    private readonly FrozenDictionary<ushort, ConcurrentBag<ECDsa>> _pools;

    /// <summary>Creates a ring from DER-encoded SubjectPublicKeyInfo keys.</summary>
    /// <param name="keys">Key id → public key.</param>
    /// <exception cref="ArgumentException">A key is not an ECDSA P-256 public key.</exception>
    public SigningKeyRing(IEnumerable<KeyValuePair<ushort, byte[]>> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parsed = new Dictionary<ushort, ECParameters>();
        foreach (var (keyId, spki) in keys)
        {
            using var key = ECDsa.Create();
            try
            {
                key.ImportSubjectPublicKeyInfo(spki, out _);
            }
            catch (CryptographicException exception)
            {
                throw new ArgumentException($"Key {keyId} is not an EC public key.", nameof(keys), exception);
            }

            parsed[keyId] = CheckP256(key.ExportParameters(includePrivateParameters: false), keyId);
        }

        _keys = parsed.ToFrozenDictionary();
        _pools = parsed.Keys.ToFrozenDictionary(id => id, _ => new ConcurrentBag<ECDsa>());
    }

    /// <summary>The key ids in the ring.</summary>
    public IReadOnlyCollection<ushort> KeyIds => _keys.Keys;

    /// <summary>Creates a ring from PEM public keys (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
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
        var key = pool.TryTake(out var pooled) ? pooled : ECDsa.Create(_keys[keyId]);
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
