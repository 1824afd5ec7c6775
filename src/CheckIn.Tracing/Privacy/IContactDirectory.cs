using CheckIn.Core;
using CheckIn.Core.Identity;

namespace CheckIn.Tracing.Privacy;

/// <summary>
/// Whom to call about a person: what a host's own records (declarations, app accounts, a commune's resident list)
/// hold, never the index. <see cref="ToString"/> masks everything.
/// </summary>
/// <param name="Name">The person's name as recorded.</param>
/// <param name="Phone">Their phone, when recorded.</param>
/// <param name="Note">Anything else the host wants a tracer to see (an address, a household), or null.</param>
public sealed record ContactCard(string Name, PhoneNumber? Phone, string? Note = null)
{
    /// <summary>The masked name and phone; never the note.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Redaction.MaskName(Name)} {(Phone is { } phone ? Redaction.MaskPhone(phone.National) : "(no phone)")}";
}

/// <summary>A registered person who gave a phone number, with the name they gave (what a paper-log entry is matched against).</summary>
/// <param name="Person">The person's pseudonym.</param>
/// <param name="RecordedName">The name as recorded with the phone.</param>
public sealed record DirectoryEntry(PersonPseudonym Person, string RecordedName)
{
    /// <summary>The pseudonym and the masked name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Person} {Redaction.MaskName(RecordedName)}";
}

/// <summary>
/// The host's way back from pseudonyms to people. CheckIn's index, tracer and stores hold pseudonyms only; a tracing
/// team needs a name and a number to call. The host implements this over the records it already keeps (and already
/// protects), so a trace becomes a call list (<see cref="ContactDirectory.CallListAsync"/>) and a paper-log entry finds
/// its writer (<see cref="Visits.PaperLogMatcher"/>) without the index ever holding a phone number.
/// </summary>
/// <remarks>Phones are looked up by their pseudonym (<see cref="IdentifierKind.Phone"/>, same key as the index).</remarks>
public interface IContactDirectory
{
    /// <summary>Whom to call about a person.</summary>
    /// <param name="person">One of the person's pseudonyms.</param>
    /// <param name="cancellationToken">Stops the lookup.</param>
    /// <returns>The card, or null when the directory cannot reach them under that pseudonym.</returns>
    ValueTask<ContactCard?> FindContactAsync(PersonPseudonym person, CancellationToken cancellationToken = default);

    /// <summary>The registered people who gave a phone number.</summary>
    /// <param name="phone">The phone's pseudonym.</param>
    /// <param name="cancellationToken">Stops the lookup.</param>
    /// <returns>The people, empty when none.</returns>
    ValueTask<IReadOnlyList<DirectoryEntry>> FindByPhoneAsync(PersonPseudonym phone, CancellationToken cancellationToken = default);
}

/// <summary>One contact of a trace with whom to call.</summary>
/// <param name="Contact">The contact, with its evidence.</param>
/// <param name="Card">Whom to call, or null when the directory has no card for any of the person's pseudonyms.</param>
public sealed record CallListEntry(Contact Contact, ContactCard? Card);

/// <summary>Helpers over an <see cref="IContactDirectory"/>.</summary>
public static class ContactDirectory
{
    /// <summary>
    /// A trace's contacts in the trace's order, each with whom to call: the card of the contact's pseudonym, or, with a
    /// registry, of the first of the person's other pseudonyms the directory knows (a person checked in by chip card
    /// may be registered by phone).
    /// </summary>
    /// <param name="directory">The host's directory.</param>
    /// <param name="result">The trace.</param>
    /// <param name="registry">Who is who, or null to look up each contact's own pseudonym only.</param>
    /// <param name="cancellationToken">Stops between lookups.</param>
    /// <returns>One entry per contact.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<IReadOnlyList<CallListEntry>> CallListAsync(this IContactDirectory directory, TraceResult result, PersonRegistry? registry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(result);
        var entries = new List<CallListEntry>(result.Contacts.Count);
        foreach (var contact in result.Contacts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ContactCard? card = null;
            foreach (var pseudonym in registry?.Members(contact.Person) ?? [contact.Person])
            {
                card = await directory.FindContactAsync(pseudonym, cancellationToken).ConfigureAwait(false);
                if (card is not null)
                {
                    break;
                }
            }

            entries.Add(new CallListEntry(contact, card));
        }

        return entries;
    }
}

/// <summary>
/// An <see cref="IContactDirectory"/> in memory, for tests, samples, simulations and small deployments. It holds the
/// names and phones it is given: it is the host's personal data, kept beside the index, never in it. Thread-safe.
/// </summary>
public sealed class InMemoryContactDirectory : IContactDirectory
{
    private readonly PersonPseudonymizer _pseudonymizer;
    private readonly Dictionary<PersonPseudonym, ContactCard> _cards = [];
    private readonly Dictionary<PersonPseudonym, List<DirectoryEntry>> _byPhone = [];
    private readonly Lock _gate = new();

    /// <summary>Creates an empty directory.</summary>
    /// <param name="pseudonymizer">The pseudonymizer of the index (phones are looked up by their pseudonym).</param>
    public InMemoryContactDirectory(PersonPseudonymizer pseudonymizer)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        _pseudonymizer = pseudonymizer;
    }

    /// <summary>The number of people with a card.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _cards.Count;
            }
        }
    }

    /// <summary>Adds (or replaces) a person's card; their phone, if any, finds them from paper logs.</summary>
    /// <param name="person">The person's pseudonym.</param>
    /// <param name="card">Whom to call.</param>
    public void Add(PersonPseudonym person, ContactCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var phone = card.Phone is { } number ? _pseudonymizer.Pseudonymize(IdentifierKind.Phone, number.National) : (PersonPseudonym?)null;
        lock (_gate)
        {
            if (_cards.TryGetValue(person, out var old) && old.Phone is { } oldNumber
                && _byPhone.TryGetValue(_pseudonymizer.Pseudonymize(IdentifierKind.Phone, oldNumber.National), out var oldList))
            {
                oldList.RemoveAll(e => e.Person == person);
            }

            _cards[person] = card;
            if (phone is { } key)
            {
                if (!_byPhone.TryGetValue(key, out var list))
                {
                    _byPhone[key] = list = [];
                }

                list.Add(new DirectoryEntry(person, card.Name));
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<ContactCard?> FindContactAsync(PersonPseudonym person, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_cards.GetValueOrDefault(person));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<DirectoryEntry>> FindByPhoneAsync(PersonPseudonym phone, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<DirectoryEntry>>(_byPhone.TryGetValue(phone, out var list) ? [.. list] : []);
        }
    }
}
