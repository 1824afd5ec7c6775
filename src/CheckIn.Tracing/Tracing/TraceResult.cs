using CheckIn.Core;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing;

/// <summary>The outcome of a trace.</summary>
/// <param name="Cases">The cases traced (level 0).</param>
/// <param name="AsOf">The trace time windows were cut at.</param>
/// <param name="Contacts">Every person reached, ordered by level, then exposure time, then pseudonym.</param>
/// <param name="Notices">The cases' exposure windows, ordered by venue and start, for citizens' apps.</param>
/// <param name="Hops">What each hop did.</param>
/// <param name="Warnings">
/// What the trace could not do, as coded errors: a case the index holds no visit of is reported as
/// <see cref="TracingErrorCodes.Trace.UnknownCase"/> (field: the case's index in <paramref name="Cases"/>), never
/// silently skipped; a cap on contacts that cut the trace short as <see cref="TracingErrorCodes.Trace.ContactCapReached"/>
/// (field: the level). Empty when every case was traced in full.
/// </param>
public sealed record TraceResult(
    IReadOnlyList<TraceCase> Cases,
    Instant AsOf,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<ExposureNotice> Notices,
    IReadOnlyList<HopStatistics> Hops,
    IReadOnlyList<CheckInError> Warnings)
{
    /// <summary>False when a cap on contacts cut the trace short (<see cref="TracingErrorCodes.Trace.ContactCapReached"/>).</summary>
    public bool IsComplete => !Warnings.Any(w => w.Code == TracingErrorCodes.Trace.ContactCapReached);

    /// <summary>
    /// The contacts ranked for calling: highest <see cref="Contact.Score"/> first, then lower level, then the documented
    /// order (exposure time, pseudonym). <see cref="Contacts"/> keeps the documented order.
    /// </summary>
    /// <returns>The contacts, ranked.</returns>
    public IReadOnlyList<Contact> Ranked() => [.. Contacts.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Score).ThenBy(x => x.c.Level).ThenBy(x => x.i).Select(x => x.c)];

    /// <summary>The contacts of one level.</summary>
    /// <param name="level">The level (1 for F1).</param>
    /// <returns>The contacts.</returns>
    public IEnumerable<Contact> AtLevel(int level) => Contacts.Where(c => c.Level == level);

    /// <summary>The chain of evidence from a contact back to a case: the contact first, then its source, and so on.</summary>
    /// <param name="person">A contact's pseudonym.</param>
    /// <returns>The chain, or empty when the person was not reached.</returns>
    public IReadOnlyList<Contact> ChainOf(PersonPseudonym person)
    {
        var byPerson = Contacts.ToDictionary(c => c.Person);
        var chain = new List<Contact>();
        var current = person;
        while (byPerson.TryGetValue(current, out var contact) && chain.Count <= Contacts.Count)
        {
            chain.Add(contact);
            current = contact.Source;
        }

        return chain;
    }
}
