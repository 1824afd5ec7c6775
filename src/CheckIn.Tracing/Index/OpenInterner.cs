using CheckIn.Tracing.Privacy;

namespace CheckIn.Tracing.Index;

/// <summary>How an <see cref="OpenInterner{TKey, THash}"/> hashes and compares its keys (a struct, so calls inline).</summary>
internal interface IInternKey<TKey>
{
    static abstract int Hash(TKey key);

    static abstract bool Same(TKey a, TKey b);
}

/// <summary>Person pseudonyms: HMAC output, but a host may build its own, so both halves are mixed (Fibonacci hashing).</summary>
internal readonly struct PseudonymKey : IInternKey<PersonPseudonym>
{
    public static int Hash(PersonPseudonym key) => (int)(((key.Low ^ (key.High * 0x9E3779B97F4A7C15UL)) * 0x9E3779B97F4A7C15UL) >> 32);

    public static bool Same(PersonPseudonym a, PersonPseudonym b) => a == b;
}

/// <summary>Venue identifiers, compared ordinally; the string hash is randomized per process.</summary>
internal readonly struct VenueKey : IInternKey<string>
{
    public static int Hash(string key) => (int)((uint)string.GetHashCode(key, StringComparison.Ordinal) * 0x9E3779B9u);

    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}

/// <summary>
/// Maps keys (person pseudonyms, venue identifiers) to dense integers 0, 1, 2… in an open-addressing table: the keys
/// in one array by id, and a table of ids probed linearly (at most half full). For a person about 24–40 bytes against
/// some 85 for a dictionary's nodes, and one or two probes a lookup with no node to follow. One writer interns;
/// readers look ids up lock-free and ignore ids newer than their snapshot.
/// </summary>
/// <remarks>
/// The writer stores a key before publishing its id in the table, and grows either array by copying into a new one
/// it then publishes, so a reader sees every id its snapshot knows in whatever arrays it reads. Keys are only added:
/// forgetting one (erasure, a merge) builds a new interner with <see cref="Copy"/>.
/// </remarks>
internal sealed class OpenInterner<TKey, THash>
    where THash : struct, IInternKey<TKey>
{
    private TKey[] _keys = new TKey[16];

    // Id + 1 of the key at each slot; 0 when empty.
    private int[] _slots = new int[32];

    public int Count { get; private set; }

    /// <summary>Writer only.</summary>
    public int Intern(TKey key)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var slot = Home(key, mask); ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return Insert(key, slot);
            }

            if (THash.Same(_keys[entry - 1], key))
            {
                return entry - 1;
            }
        }
    }

    public bool TryGetId(TKey key, int knownCount, out int id)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var slot = Home(key, mask); ; slot = (slot + 1) & mask)
        {
            var entry = Volatile.Read(ref slots[slot]);
            if (entry == 0)
            {
                id = -1;
                return false;
            }

            // Ids the snapshot does not know may not be in the keys it can read: pass over them.
            if (entry <= knownCount && THash.Same(Volatile.Read(ref _keys)[entry - 1], key))
            {
                id = entry - 1;
                return true;
            }
        }
    }

    /// <summary>The keys by id, as the writer has them now (a snapshot keeps its own count).</summary>
    public ReadOnlyMemory<TKey> View() => Volatile.Read(ref _keys).AsMemory(0, Count);

    /// <summary>Whether an id's key still finds it (false for keys forgotten by <see cref="Copy"/>).</summary>
    public bool IsLive(int id) => TryGetId(_keys[id], Count, out var found) && found == id;

    /// <summary>
    /// A new interner with the same ids, each key mapped; a key mapped with <c>Keep = false</c> takes the given
    /// placeholder and is no longer found. Snapshots holding this interner are unchanged.
    /// </summary>
    public OpenInterner<TKey, THash> Copy(Func<int, TKey, (TKey Key, bool Keep)> map)
    {
        var copy = new OpenInterner<TKey, THash>();
        copy._keys = new TKey[Math.Max(16, Count)];
        copy._slots = new int[SlotsFor(Count)];
        var mask = copy._slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var (key, keep) = map(id, _keys[id]);
            copy._keys[id] = key;
            if (keep)
            {
                var slot = Home(key, mask);
                while (copy._slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                copy._slots[slot] = id + 1;
            }
        }

        copy.Count = Count;
        return copy;
    }

    private static int SlotsFor(int count) => (int)Math.Max(32, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(count, 1) * 2));

    private static int Home(TKey key, int mask) => THash.Hash(key) & mask;

    private int Insert(TKey key, int slot)
    {
        var id = Count;
        if (id == _keys.Length)
        {
            var grown = new TKey[_keys.Length * 2];
            _keys.AsSpan().CopyTo(grown);
            Volatile.Write(ref _keys, grown);
        }

        _keys[id] = key;
        Count = id + 1;
        if ((long)Count * 2 > _slots.Length)
        {
            // Grow the table: every key again, in id order, into a new table published whole.
            var slots = new int[_slots.Length * 2];
            var mask = slots.Length - 1;
            for (var k = 0; k < Count; k++)
            {
                if (k < id && !LiveIn(_slots, k))
                {
                    continue;
                }

                var s = Home(_keys[k], mask);
                while (slots[s] != 0)
                {
                    s = (s + 1) & mask;
                }

                slots[s] = k + 1;
            }

            Volatile.Write(ref _slots, slots);
            return id;
        }

        Volatile.Write(ref _slots[slot], id + 1);
        return id;
    }

    /// <summary>Whether an id is in a table (keys forgotten by a copy are not).</summary>
    private bool LiveIn(int[] slots, int id)
    {
        var mask = slots.Length - 1;
        for (var slot = Home(_keys[id], mask); ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return false;
            }

            if (entry == id + 1)
            {
                return true;
            }
        }
    }
}
