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

    /// <summary>Whether an id's key still finds it (false for keys forgotten by <see cref="Copy"/>).</summary>
    public bool IsLive(int id) => _ids.TryGetValue(_keys[id], out var found) && found == id;

    /// <summary>
    /// A new interner with the same ids, each key mapped; a key mapped with <c>Keep = false</c> takes the given
    /// placeholder and is no longer found. Snapshots holding this interner are unchanged.
    /// </summary>
    public KeyInterner<TKey> Copy(Func<int, TKey, (TKey Key, bool Keep)> map, IEqualityComparer<TKey>? comparer = null)
    {
        var copy = new KeyInterner<TKey>(comparer);
        for (var id = 0; id < _keys.Count; id++)
        {
            var (key, keep) = map(id, _keys[id]);
            copy._keys.Add(key);
            if (keep)
            {
                copy._ids[key] = id;
            }
        }

        return copy;
    }
}
