using CheckIn.Tracing.Privacy;

namespace CheckIn.Tracing.Index;

/// <summary>
/// Maps person pseudonyms to dense integers 0, 1, 2… in an open-addressing table: the keys in one array by id, and a
/// table of ids probed linearly (at most half full). About 24–40 bytes a person against some 85 for a dictionary's
/// nodes, and one or two probes a lookup. One writer interns; readers look ids up lock-free and ignore ids newer than
/// their snapshot.
/// </summary>
/// <remarks>
/// The writer stores a key before publishing its id in the table, and grows either array by copying into a new one
/// it then publishes, so a reader sees every id its snapshot knows in whatever arrays it reads. Keys are only added:
/// forgetting one (erasure, a merge) builds a new interner with <see cref="Copy"/>.
/// </remarks>
internal sealed class PseudonymInterner
{
    private PersonPseudonym[] _keys = new PersonPseudonym[16];

    // Id + 1 of the key at each slot; 0 when empty.
    private int[] _slots = new int[32];

    public int Count { get; private set; }

    /// <summary>Writer only.</summary>
    public int Intern(PersonPseudonym key)
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

            if (_keys[entry - 1] == key)
            {
                return entry - 1;
            }
        }
    }

    public bool TryGetId(PersonPseudonym key, int knownCount, out int id)
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
            if (entry <= knownCount && Volatile.Read(ref _keys)[entry - 1] == key)
            {
                id = entry - 1;
                return true;
            }
        }
    }

    /// <summary>The keys by id, as the writer has them now (a snapshot keeps its own count).</summary>
    public ReadOnlyMemory<PersonPseudonym> View() => Volatile.Read(ref _keys).AsMemory(0, Count);

    /// <summary>Whether an id's key still finds it (false for keys forgotten by <see cref="Copy"/>).</summary>
    public bool IsLive(int id) => TryGetId(_keys[id], Count, out var found) && found == id;

    /// <summary>
    /// A new interner with the same ids, each key mapped; a key mapped with <c>Keep = false</c> takes the given
    /// placeholder and is no longer found. Snapshots holding this interner are unchanged.
    /// </summary>
    public PseudonymInterner Copy(Func<int, PersonPseudonym, (PersonPseudonym Key, bool Keep)> map)
    {
        var copy = new PseudonymInterner();
        copy._keys = new PersonPseudonym[Math.Max(16, Count)];
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

    // Pseudonyms are HMAC output, but a host may build its own: mix both halves (Fibonacci hashing) before taking bits.
    private static int Home(PersonPseudonym key, int mask) =>
        (int)(((key.Low ^ (key.High * 0x9E3779B97F4A7C15UL)) * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private int Insert(PersonPseudonym key, int slot)
    {
        var id = Count;
        if (id == _keys.Length)
        {
            var grown = new PersonPseudonym[_keys.Length * 2];
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
