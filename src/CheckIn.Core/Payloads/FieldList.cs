namespace CheckIn.Core.Payloads;

/// <summary>The fields of a separated payload, with their positions in the original input. No allocation.</summary>
internal readonly ref struct FieldList
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Span<Range> _ranges;
    private readonly int _offset;

    /// <param name="text">The prepared text.</param>
    /// <param name="ranges">Room for the most fields the format allows.</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="offset">Where <paramref name="text"/> starts in the original input.</param>
    public FieldList(ReadOnlySpan<char> text, Span<Range> ranges, char separator, int offset)
    {
        _text = text;
        _ranges = ranges;
        _offset = offset;
        Count = Fields.Split(text, separator, ranges);
    }

    /// <summary>The number of fields; when above the room given, the fields are not available.</summary>
    public int Count { get; }

    public ReadOnlySpan<char> this[int index] => _text[_ranges[index]];

    /// <summary>The position of a field's first character in the original input.</summary>
    public int Start(int index) => _offset + _ranges[index].Start.GetOffset(_text.Length);
}
