namespace CheckIn.Tracing.Index;

/// <summary>
/// A list one writer appends to while readers read the prefix they were given. Readers hold the array and
/// count of a moment (<see cref="View"/>); the writer never changes an element below a published count and
/// grows by copying into a new array, so readers need no lock.
/// </summary>
internal sealed class AppendOnlyList<T>
{
    private T[] _items = new T[16];

    public int Count { get; private set; }

    public int Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count] = item;
        return Count++;
    }

    public T this[int index] => _items[index];

    public ReadOnlyMemory<T> View() => _items.AsMemory(0, Count);
}
