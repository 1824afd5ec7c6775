using System.Collections.Concurrent;

namespace CheckIn.Tracing.Index;

/// <summary>
/// Maps keys (person pseudonyms, venue identifiers) to dense integers 0, 1, 2… so the index holds 4-byte ids.
/// One writer interns; readers look ids up lock-free and ignore ids newer than their snapshot.
/// </summary>
internal sealed class KeyInterner<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, int> _ids;
    private readonly AppendOnlyList<TKey> _keys = new();

    public KeyInterner(IEqualityComparer<TKey>? comparer = null) => _ids = new ConcurrentDictionary<TKey, int>(comparer);

    public int Count => _keys.Count;

    /// <summary>Writer only.</summary>
    public int Intern(TKey key)
    {
        if (_ids.TryGetValue(key, out var id))
        {
            return id;
        }

        id = _keys.Add(key);
        _ids[key] = id;
        return id;
    }

    public bool TryGetId(TKey key, int knownCount, out int id) => _ids.TryGetValue(key, out id) && id < knownCount;

    public ReadOnlyMemory<TKey> View() => _keys.View();
}
