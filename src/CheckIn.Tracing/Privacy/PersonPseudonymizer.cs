using System.Security.Cryptography;
using System.Text;
using CheckIn.Core.Text;

namespace CheckIn.Tracing.Privacy;

/// <summary>
/// Turns a person's identifier (ID card number, insurance number, phone, QR platform ID) into a keyed,
/// irreversible pseudonym before it enters the tracing index.
/// </summary>
/// <remarks>
/// The pseudonym is the first 128 bits of HMAC-SHA256 over the identifier's canonical text
/// (<see cref="IdentifierText.Canonicalize"/>: NFKC, invisible format characters removed, white space trimmed and
/// collapsed; then upper case), keyed with a per-deployment secret. Without the key a pseudonym cannot be linked back to an
/// ID number by enumerating the (small) space of valid numbers; with the same key the same person always
/// maps to the same pseudonym, so visits from different apps join up. Instances are thread-safe.
/// </remarks>
public sealed class PersonPseudonymizer
{
    /// <summary>The smallest deployment key accepted, in bytes (HMAC-SHA256 gains nothing beyond 64).</summary>
    public const int MinimumKeyLength = 16;

    private readonly byte[] _key;

    /// <summary>Creates a pseudonymizer with a deployment key.</summary>
    /// <param name="key">The secret key, at least <see cref="MinimumKeyLength"/> bytes; it is copied.</param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> bytes.</exception>
    public PersonPseudonymizer(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException(
                $"The pseudonymization key must be at least {MinimumKeyLength} bytes; it was {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>Pseudonymizes one identifier.</summary>
    /// <param name="identifier">The identifier as read from a card, code or form.</param>
    /// <returns>The pseudonym; equal identifiers (after canonicalization) give equal pseudonyms.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="identifier"/> is empty, white space or only invisible characters.</exception>
    public PersonPseudonym Pseudonymize(string identifier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        var canonical = IdentifierText.Canonicalize(identifier).ToUpperInvariant();
        if (canonical.Length == 0)
        {
            throw new ArgumentException("The identifier has nothing visible.", nameof(identifier));
        }

        var byteCount = Encoding.UTF8.GetByteCount(canonical);
        var buffer = byteCount <= 256 ? stackalloc byte[256] : new byte[byteCount];
        var written = Encoding.UTF8.GetBytes(canonical, buffer);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, buffer[..written], mac);
        return PersonPseudonym.FromBytes(mac[..PersonPseudonym.SizeInBytes]);
    }
}
