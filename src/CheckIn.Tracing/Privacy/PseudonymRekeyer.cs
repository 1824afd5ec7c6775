using System.Security.Cryptography;

namespace CheckIn.Tracing.Privacy;

/// <summary>
/// Re-keys pseudonyms with a new secret: <c>new = HMAC-SHA256(key, old)</c>, truncated to 128 bits. Used to rotate a
/// deployment's pseudonymization key without the identifiers: the index is re-keyed in place
/// (<see cref="Index.VisitStore.Rekey"/>), new identifiers go through <see cref="PersonPseudonymizer.ThenRekeyed"/>, and
/// someone who learned the old key alone can no longer link an ID number to the index.
/// </summary>
/// <remarks>
/// Re-keying adds a secret rather than replacing one: the deployment keeps the old key and every rekeyer key to
/// pseudonymize new identifiers. A host that holds the identifiers themselves (a registry) can instead re-pseudonymize
/// them with a fresh <see cref="PersonPseudonymizer"/> and rebuild the index. Thread-safe.
/// </remarks>
public sealed class PseudonymRekeyer
{
    private readonly byte[] _key;

    /// <summary>Creates a rekeyer.</summary>
    /// <param name="key">The new secret, at least <see cref="PersonPseudonymizer.MinimumKeyLength"/> bytes, not all one value; it is copied.</param>
    /// <exception cref="ArgumentException">The key is too short or one repeated byte.</exception>
    public PseudonymRekeyer(ReadOnlySpan<byte> key) => _key = PersonPseudonymizer.CheckKey(key, nameof(key));

    /// <summary>The pseudonym under the new key.</summary>
    /// <param name="pseudonym">The pseudonym under the old key.</param>
    /// <returns>The re-keyed pseudonym.</returns>
    public PersonPseudonym Rekey(PersonPseudonym pseudonym)
    {
        Span<byte> input = stackalloc byte[PersonPseudonym.SizeInBytes];
        pseudonym.WriteBytes(input);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, input, mac);
        return PersonPseudonym.FromBytes(mac[..PersonPseudonym.SizeInBytes]);
    }
}
