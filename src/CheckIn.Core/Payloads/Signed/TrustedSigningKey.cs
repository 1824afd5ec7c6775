using System.Security.Cryptography;
using NodaTime;

namespace CheckIn.Core.Payloads.Signed;

/// <summary>Which kinds of signed code a key may sign.</summary>
[Flags]
public enum SignedSubjects
{
    /// <summary>None: every code the key signed is refused as the wrong kind.</summary>
    None = 0,

    /// <summary>Venue codes.</summary>
    Venue = 1,

    /// <summary>Personal codes.</summary>
    Person = 2,

    /// <summary>Exposure-notice packages (<c>CheckIn.Tracing.Notices.ExposureNoticePackage</c>).</summary>
    Notices = 4,

    /// <summary>Every kind.</summary>
    All = Venue | Person | Notices,
}

/// <summary>
/// One public key of a trust list, with what it may do: when it may sign (<see cref="NotBefore"/>,
/// <see cref="NotAfter"/>), whether it was revoked and which kinds of code it signs.
/// </summary>
/// <remarks>
/// Rotation: publish the new key, sign new codes with it, and set the old key's <see cref="NotAfter"/>; codes the
/// old key signed verify until then, codes it claims to have signed later are refused.
/// </remarks>
public sealed record TrustedSigningKey
{
    /// <summary>Creates a trusted key.</summary>
    /// <param name="keyId">The id codes name the key by.</param>
    /// <param name="subjectPublicKeyInfo">The ECDSA P-256 public key as SubjectPublicKeyInfo (DER).</param>
    /// <exception cref="ArgumentException">The bytes are not an ECDSA P-256 public key.</exception>
    public TrustedSigningKey(ushort keyId, byte[] subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        }
        catch (CryptographicException exception)
        {
            throw new ArgumentException($"Key {keyId} is not an EC public key.", nameof(subjectPublicKeyInfo), exception);
        }

        SigningKeyRing.CheckP256(key.ExportParameters(includePrivateParameters: false), keyId);
        KeyId = keyId;
        PublicKey = new EquatableArray<byte>(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The id codes name the key by.</summary>
    public ushort KeyId { get; }

    /// <summary>The public key (SubjectPublicKeyInfo, DER).</summary>
    public EquatableArray<byte> PublicKey { get; }

    /// <summary>The earliest time the key signs: codes issued before it are refused, and before it the key verifies nothing.</summary>
    public Instant? NotBefore { get; init; }

    /// <summary>The end of the key's life: codes issued after it are refused, and after it the key verifies nothing.</summary>
    public Instant? NotAfter { get; init; }

    /// <summary>True when the key was revoked (compromised): every code it signed is refused.</summary>
    public bool Revoked { get; init; }

    /// <summary>The kinds of code the key signs. Default all.</summary>
    public SignedSubjects Subjects { get; init; } = SignedSubjects.All;

    /// <summary>The key's parameters, imported anew on each call (kept out of the record's equality).</summary>
    internal ECParameters Parameters
    {
        get
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(PublicKey.Items.AsSpan(), out _);
            return key.ExportParameters(includePrivateParameters: false);
        }
    }
}

/// <summary>One revoked code: the key that signed it and its serial (a version 2 field).</summary>
/// <param name="KeyId">The signing key's id.</param>
/// <param name="Serial">The code's serial.</param>
public readonly record struct RevokedCode(ushort KeyId, uint Serial);
