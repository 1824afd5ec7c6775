using System.Runtime.CompilerServices;

namespace CheckIn.Tracing;

/// <summary>
/// A map from dense person ids (non-negative) to values, in open addressing: entries in insertion order in two arrays, a
/// table of their positions probed linearly (at most half full). A trace asks it once per row a probe finds, so it has
/// no per-entry objects, and <see cref="Clear"/> keeps its arrays for the next hop: a hop allocates nothing once the
/// map has grown to the hop's size. Not thread-safe.
/// </summary>
internal sealed class PersonMap<TValue>
    where TValue : struct
{
    private const int MinimumSlots = 64;

    /// <summary>Maps held for reuse are let go above this many slots, so a national hop's map does not stay behind.</summary>
    private const int MaxPooledSlots = 1 << 20;

    private static PersonMap<TValue>? s_spare;

    private int[] _keys = new int[MinimumSlots / 2];
    private TValue[] _values = new TValue[MinimumSlots / 2];

    // Position + 1 of the entry at each slot; 0 when empty.
    private int[] _slots = new int[MinimumSlots];

    public int Count { get; private set; }

    /// <summary>A cleared map, reused when one was given back (<see cref="Return"/>).</summary>
    public static PersonMap<TValue> Rent() => Interlocked.Exchange(ref s_spare, null) ?? new PersonMap<TValue>();

    /// <summary>Gives a map back for reuse; the caller no longer uses it.</summary>
    public static void Return(PersonMap<TValue> map)
    {
        if (map._slots.Length <= MaxPooledSlots)
        {
            map.Clear();
            Volatile.Write(ref s_spare, map);
        }
    }

    public bool ContainsKey(int key) => Find(key) >= 0;

    /// <summary>Sets a key's value, adding the key when missing.</summary>
    public void Set(int key, TValue value) => GetValueRefOrAddDefault(key, out _) = value;

    /// <summary>Adds a key that must be missing.</summary>
    /// <exception cref="ArgumentException">The key is already there.</exception>
    public void Add(int key, TValue value)
    {
        ref var slot = ref GetValueRefOrAddDefault(key, out var exists);
        if (exists)
        {
            throw new ArgumentException("The key is already in the map.", nameof(key));
        }

        slot = value;
    }

    /// <summary>The value of a key, added as default when missing; the reference is valid until the next addition.</summary>
    public ref TValue GetValueRefOrAddDefault(int key, out bool exists)
    {
        var mask = _slots.Length - 1;
        var slot = Home(key, mask);
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            if (_keys[entry - 1] == key)
            {
                exists = true;
                return ref _values[entry - 1];
            }

            slot = (slot + 1) & mask;
        }

        exists = false;
        if (Count == _keys.Length)
        {
            Grow();
            mask = _slots.Length - 1;
            slot = Home(key, mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
        }

        var position = Count++;
        _keys[position] = key;
        _values[position] = default;
        _slots[slot] = position + 1;
        return ref _values[position];
    }

    /// <summary>Removes every entry, keeping the arrays.</summary>
    public void Clear()
    {
        if (Count == 0)
        {
            return;
        }

        // Few entries in a large table: clear their slots only.
        if (Count * 8 < _slots.Length)
        {
            var mask = _slots.Length - 1;
            for (var i = 0; i < Count; i++)
            {
                var slot = Home(_keys[i], mask);
                while (_slots[slot] != i + 1)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = 0;
            }
        }
        else
        {
            Array.Clear(_slots);
        }

        Count = 0;
    }

    public Enumerator GetEnumerator() => new(this);

    private int Find(int key)
    {
        var mask = _slots.Length - 1;
        for (var slot = Home(key, mask); ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (_keys[entry - 1] == key)
            {
                return entry - 1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(int key, int mask) => (int)(((ulong)(uint)key * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private void Grow()
    {
        Array.Resize(ref _keys, _keys.Length * 2);
        Array.Resize(ref _values, _values.Length * 2);
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = Home(_keys[i], mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>The entries in insertion order.</summary>
    public struct Enumerator(PersonMap<TValue> map)
    {
        private int _position = -1;

        public readonly KeyValuePair<int, TValue> Current => new(map._keys[_position], map._values[_position]);

        public bool MoveNext() => ++_position < map.Count;
    }
}
