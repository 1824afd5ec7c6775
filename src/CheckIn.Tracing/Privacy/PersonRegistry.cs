namespace CheckIn.Tracing.Privacy;

/// <summary>
/// Which pseudonyms are one person: identifiers seen together (a chip card's new and old numbers, a 1405 code's
/// document number, QID, insurance number and phone, a declaration, a link staff made by hand) are linked, and every
/// pseudonym resolves to its person's representative, the first of them the registry saw. Holds pseudonyms only,
/// never an identifier. Thread-safe.
/// </summary>
/// <remarks>
/// A link that joins two people returns the merge, which the host applies to its index
/// (<see cref="Index.VisitStore.Merge(PersonPseudonym, PersonPseudonym)"/>) so the next trace follows the person across both; record new visits under
/// <see cref="Resolve"/>. Union by size with path halving: near-constant work per link and lookup.
/// </remarks>
public sealed class PersonRegistry
{
    private readonly Dictionary<PersonPseudonym, int> _ids = [];
    private readonly List<PersonPseudonym> _keys = [];
    private readonly List<int> _parent = [];
    private readonly List<int> _size = [];
    private readonly List<int> _representative = [];

    // Each group's members form a ring through _next, spliced on union: Members walks it.
    private readonly List<int> _next = [];
    private readonly Lock _gate = new();

    /// <summary>The number of pseudonyms known.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _keys.Count;
            }
        }
    }

    /// <summary>The representative of a pseudonym's person (the pseudonym itself when it is linked to none).</summary>
    /// <param name="person">A pseudonym.</param>
    /// <returns>The representative.</returns>
    public PersonPseudonym Resolve(PersonPseudonym person)
    {
        lock (_gate)
        {
            return _ids.TryGetValue(person, out var id) ? _keys[_representative[Find(id)]] : person;
        }
    }

    /// <summary>Records that two pseudonyms are one person.</summary>
    /// <param name="first">One pseudonym.</param>
    /// <param name="second">The other.</param>
    /// <returns>
    /// The merge when the link joined two people: the representative that stays and the one absorbed (move the
    /// absorbed one's visits: <see cref="Index.VisitStore.Merge(PersonPseudonym, PersonPseudonym)"/>); null when they were already one.
    /// </returns>
    public PersonMerge? Link(PersonPseudonym first, PersonPseudonym second)
    {
        lock (_gate)
        {
            var a = Find(IdOf(first));
            var b = Find(IdOf(second));
            if (a == b)
            {
                return null;
            }

            // The earliest seen (lowest id) stays. Union by size; the root keeps the group's representative.
            var (kept, absorbed) = (Math.Min(_representative[a], _representative[b]), Math.Max(_representative[a], _representative[b]));
            var (root, child) = _size[a] >= _size[b] ? (a, b) : (b, a);
            _parent[child] = root;
            _size[root] += _size[child];
            (_next[a], _next[b]) = (_next[b], _next[a]);
            _representative[root] = kept;
            return new PersonMerge(_keys[kept], _keys[absorbed]);
        }
    }

    /// <summary>
    /// Records one event's person and the identifiers seen with them (a scan's <see cref="Visits.ScannedEvent.Links"/>,
    /// a declaration's): registers each, links them all, and says whom to record the event under.
    /// </summary>
    /// <param name="person">The pseudonym the event came with.</param>
    /// <param name="links">Pseudonyms seen together with it.</param>
    /// <returns>The person's representative after the links, and the merges they caused (apply each to the index).</returns>
    public PersonObservation Observe(PersonPseudonym person, IEnumerable<PersonPseudonym> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        List<PersonMerge>? merges = null;
        lock (_gate)
        {
            IdOf(person);
            foreach (var link in links)
            {
                if (Link(person, link) is { } merge)
                {
                    (merges ??= []).Add(merge);
                }
            }

            return new PersonObservation(Resolve(person), merges ?? (IReadOnlyList<PersonMerge>)[]);
        }
    }

    /// <summary>Every pseudonym known to be the person (the pseudonym itself when it is linked to none), the representative first.</summary>
    /// <param name="person">Any of the person's pseudonyms.</param>
    /// <returns>The pseudonyms, in the order the registry first saw them after the representative.</returns>
    public IReadOnlyList<PersonPseudonym> Members(PersonPseudonym person)
    {
        lock (_gate)
        {
            if (!_ids.TryGetValue(person, out var id))
            {
                return [person];
            }

            var ids = new List<int>(_size[Find(id)]);
            var at = id;
            do
            {
                ids.Add(at);
                at = _next[at];
            }
            while (at != id);

            ids.Sort();
            var representative = _representative[Find(id)];
            return [_keys[representative], .. ids.Where(i => i != representative).Select(i => _keys[i])];
        }
    }

    /// <summary>
    /// Every pseudonym with its person's representative, in the order the registry first saw them: what a host persists
    /// to rebuild the registry as it was (<see cref="Import"/>).
    /// </summary>
    /// <returns>The pairs (a pseudonym linked to none is its own representative).</returns>
    public IReadOnlyList<(PersonPseudonym Pseudonym, PersonPseudonym Representative)> Export()
    {
        lock (_gate)
        {
            var pairs = new List<(PersonPseudonym, PersonPseudonym)>(_keys.Count);
            for (var id = 0; id < _keys.Count; id++)
            {
                pairs.Add((_keys[id], _keys[_representative[Find(id)]]));
            }

            return pairs;
        }
    }

    /// <summary>A registry as <see cref="Export"/> described it: the same pseudonyms, in the same order, with the same representatives.</summary>
    /// <param name="pairs">The pairs, in the order exported.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="ArgumentException">A pseudonym is listed twice, or a representative is not listed before or at its first member.</exception>
    public static PersonRegistry Import(IEnumerable<(PersonPseudonym Pseudonym, PersonPseudonym Representative)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var registry = new PersonRegistry();
        foreach (var (pseudonym, representative) in pairs)
        {
            if (registry._ids.ContainsKey(pseudonym))
            {
                throw new ArgumentException("A pseudonym is listed twice.", nameof(pairs));
            }

            if (pseudonym != representative && !registry._ids.ContainsKey(representative))
            {
                throw new ArgumentException("A representative must be listed before its members.", nameof(pairs));
            }

            registry.IdOf(pseudonym);
            if (pseudonym != representative)
            {
                registry.Link(representative, pseudonym);
            }
        }

        return registry;
    }

    private int IdOf(PersonPseudonym person)
    {
        if (!_ids.TryGetValue(person, out var id))
        {
            id = _keys.Count;
            _ids.Add(person, id);
            _keys.Add(person);
            _parent.Add(id);
            _size.Add(1);
            _representative.Add(id);
            _next.Add(id);
        }

        return id;
    }

    private int Find(int id)
    {
        while (_parent[id] != id)
        {
            _parent[id] = _parent[_parent[id]];
            id = _parent[id];
        }

        return id;
    }
}

/// <summary>What <see cref="PersonRegistry.Observe"/> learned from one event.</summary>
/// <param name="Representative">Whom to record the event under.</param>
/// <param name="Merges">People the event's links joined, oldest first; apply each with <see cref="Index.VisitStore.Merge(PersonPseudonym, PersonPseudonym)"/>.</param>
public sealed record PersonObservation(PersonPseudonym Representative, IReadOnlyList<PersonMerge> Merges);

/// <summary>Two people found to be one.</summary>
/// <param name="Into">The representative that stays.</param>
/// <param name="From">The representative absorbed: its visits move to <paramref name="Into"/>.</param>
public sealed record PersonMerge(PersonPseudonym Into, PersonPseudonym From);
