namespace CheckIn.Tracing.Privacy;

/// <summary>
/// Which pseudonyms are one person: identifiers seen together (a chip card's new and old numbers, a 1405 code's
/// document number, QID, insurance number and phone, a declaration, a link staff made by hand) are linked, and every
/// pseudonym resolves to its person's representative, the first of them the registry saw. Holds pseudonyms only,
/// never an identifier. Thread-safe.
/// </summary>
/// <remarks>
/// A link that joins two people returns the merge, which the host applies to its index
/// (<see cref="Index.VisitStore.Merge"/>) so the next trace follows the person across both; record new visits under
/// <see cref="Resolve"/>. Union by size with path halving: near-constant work per link and lookup.
/// </remarks>
public sealed class PersonRegistry
{
    private readonly Dictionary<PersonPseudonym, int> _ids = [];
    private readonly List<PersonPseudonym> _keys = [];
    private readonly List<int> _parent = [];
    private readonly List<int> _size = [];
    private readonly List<int> _representative = [];
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
    /// absorbed one's visits: <see cref="Index.VisitStore.Merge"/>); null when they were already one.
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
            _representative[root] = kept;
            return new PersonMerge(_keys[kept], _keys[absorbed]);
        }
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

/// <summary>Two people found to be one.</summary>
/// <param name="Into">The representative that stays.</param>
/// <param name="From">The representative absorbed: its visits move to <paramref name="Into"/>.</param>
public sealed record PersonMerge(PersonPseudonym Into, PersonPseudonym From);
