using System.Security.Cryptography;
using System.Text;
using CheckIn.Core.Identity;
using CheckIn.Core.Text;

namespace CheckIn.Tracing.Privacy;

/// <summary>
/// Turns a person's identifier (ID card number, insurance number, phone, QR platform ID) into a keyed,
/// irreversible pseudonym before it enters the tracing index.
/// </summary>
/// <remarks>
/// <para>The pseudonym is the first 128 bits of HMAC-SHA256, keyed with a per-deployment secret, over one byte for
/// the identifier's <see cref="IdentifierKind"/> followed by the identifier's canonical text in UTF-8:
/// <see cref="IdentifierText.Canonicalize"/> (NFKC, invisible format characters removed, white space trimmed and
/// collapsed), then upper case; digits only for <see cref="IdentifierKind.CitizenId"/>; the national form
/// (<c>0912345678</c>) for a <see cref="IdentifierKind.Phone"/> that reads as one. Without the key a pseudonym cannot
/// be linked back to an ID number by enumerating the (small) space of valid numbers; with the same key the same
/// person always maps to the same pseudonym, so visits from different apps join up.</para>
/// <para>The key is at least <see cref="MinimumKeyLength"/> random bytes (<c>RandomNumberGenerator.GetBytes(32)</c>),
/// kept by the host outside the data it protects; there is no default key. A key that may have leaked is retired
/// with <see cref="PseudonymRekeyer"/>: the index's pseudonyms are re-keyed in place and new identifiers go through
/// <see cref="ThenRekeyed"/>. Instances are thread-safe.</para>
/// </remarks>
public sealed class PersonPseudonymizer
{
    /// <summary>The shortest key accepted, in bytes: the output size of SHA-256.</summary>
    public const int MinimumKeyLength = 32;

    private readonly byte[] _key;
    private readonly PseudonymRekeyer[] _rekeyers;
    private IncrementalHash? _spare;

    /// <summary>Creates a pseudonymizer with a deployment key.</summary>
    /// <param name="key">The secret key, at least <see cref="MinimumKeyLength"/> bytes, not all one value; it is copied.</param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> bytes or every byte is the same.</exception>
    public PersonPseudonymizer(ReadOnlySpan<byte> key)
        : this(CheckKey(key, nameof(key)), [])
    {
    }

    private PersonPseudonymizer(byte[] key, PseudonymRekeyer[] rekeyers)
    {
        _key = key;
        _rekeyers = rekeyers;
    }

    /// <summary>
    /// A pseudonymizer whose pseudonyms are this one's re-keyed by <paramref name="rekeyer"/>: what a deployment uses
    /// for new identifiers after re-keying its index with the same rekeyer (<see cref="Index.VisitStore.Rekey"/>).
    /// </summary>
    /// <param name="rekeyer">The rekeyer the index was re-keyed with.</param>
    /// <returns>The chained pseudonymizer.</returns>
    public PersonPseudonymizer ThenRekeyed(PseudonymRekeyer rekeyer)
    {
        ArgumentNullException.ThrowIfNull(rekeyer);
        return new PersonPseudonymizer(_key, [.. _rekeyers, rekeyer]);
    }

    /// <summary>Pseudonymizes one identifier of no stated kind (<see cref="IdentifierKind.Opaque"/>).</summary>
    /// <param name="identifier">The identifier as read from a card, code or form.</param>
    /// <returns>The pseudonym; equal identifiers (after canonicalization) give equal pseudonyms.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="identifier"/> is empty, white space or only invisible characters.</exception>
    public PersonPseudonym Pseudonymize(string identifier) => Pseudonymize(IdentifierKind.Opaque, identifier);

    /// <summary>Pseudonymizes one identifier in its kind's namespace.</summary>
    /// <param name="kind">What the identifier is.</param>
    /// <param name="identifier">The identifier as read from a card, code or form.</param>
    /// <returns>The pseudonym; equal identifiers of one kind (after canonicalization) give equal pseudonyms, and no
    /// identifier of another kind gives it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="identifier"/> has nothing visible, or the kind is not defined.</exception>
    public PersonPseudonym Pseudonymize(IdentifierKind kind, string identifier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException("The identifier kind is not defined.", nameof(kind));
        }

        var canonical = Canonical(kind, identifier);
        if (canonical.Length == 0)
        {
            throw new ArgumentException("The identifier has nothing visible.", nameof(identifier));
        }

        var byteCount = 1 + Encoding.UTF8.GetByteCount(canonical);
        var buffer = byteCount <= 256 ? stackalloc byte[256] : new byte[byteCount];
        buffer[0] = (byte)kind;
        var written = 1 + Encoding.UTF8.GetBytes(canonical, buffer[1..]);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];

        // A keyed HMAC reused (one at a time, taken and given back) costs about half a one-shot HashData, which sets the key up each call.
        var hmac = Interlocked.Exchange(ref _spare, null) ?? IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(buffer[..written]);
        hmac.GetHashAndReset(mac);
        if (Interlocked.CompareExchange(ref _spare, hmac, null) is not null)
        {
            hmac.Dispose();
        }

        var pseudonym = PersonPseudonym.FromBytes(mac[..PersonPseudonym.SizeInBytes]);
        foreach (var rekeyer in _rekeyers)
        {
            pseudonym = rekeyer.Rekey(pseudonym);
        }

        return pseudonym;
    }

    /// <summary>The text hashed for an identifier of a kind.</summary>
    internal static string Canonical(IdentifierKind kind, string identifier)
    {
        var text = IdentifierText.Canonicalize(identifier);
        return kind switch
        {
            IdentifierKind.CitizenId => string.Concat(text.Where(char.IsAsciiDigit)) is { Length: > 0 } digits ? digits : text.ToUpperInvariant(),
            IdentifierKind.Phone => PhoneNumber.TryParse(text, out var phone) ? phone.National : text.ToUpperInvariant(),
            _ => text.ToUpperInvariant(),
        };
    }

    /// <summary>Refuses keys a deployment must not use: short, or one byte repeated (a zeroed buffer, a placeholder).</summary>
    internal static byte[] CheckKey(ReadOnlySpan<byte> key, string parameter)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"A pseudonymization key is at least {MinimumKeyLength} random bytes; it was {key.Length}.", parameter);
        }

        if (!key.ContainsAnyExcept(key[0]))
        {
            throw new ArgumentException("A pseudonymization key of one repeated byte is not a key: use RandomNumberGenerator.GetBytes(32).", parameter);
        }

        return key.ToArray();
    }
}
