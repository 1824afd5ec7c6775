using System.Buffers;

namespace CheckIn.Tracing.Csv;

/// <summary>What went wrong reading one CSV record.</summary>
internal enum CsvRecordProblem
{
    None,
    Quote,
    TooLong,
}

/// <summary>
/// Reads RFC 4180 records (LF or CRLF, quoted fields with doubled quotes and line breaks), one at a time, each bounded in
/// length. Reads the text in blocks and finds field ends with a vectorized search; a field without quotes is a slice of
/// the block (no copy, no string), a quoted one is unescaped into a scratch buffer.
/// </summary>
/// <remarks>
/// A quote opens a quoted part only as a field's first character; a doubled quote inside is one quote; characters after
/// the closing quote, up to the next separator, belong to the field. A quote anywhere else is an ordinary character.
/// </remarks>
internal sealed class CsvRecordTokenizer
{
    private const int BlockSize = 1 << 16;
    private static readonly SearchValues<char> Ends = SearchValues.Create(",\r\n");

    private readonly TextReader _reader;
    private readonly int _maxRecordLength;
    private readonly char[] _buffer;
    private int _position;
    private int _end;
    private bool _drained;

    // The record being read starts at _recordStart; fields are kept relative to it (or in the scratch buffer), so moving
    // the record to the front of the buffer to read on keeps them valid.
    private int _recordStart;
    private char[] _scratch = new char[256];
    private int _scratchLength;
    private Field[] _fields = new Field[8];
    private int _nextLine = 1;

    public CsvRecordTokenizer(TextReader reader, int maxRecordLength)
    {
        _reader = reader;
        _maxRecordLength = maxRecordLength;
        _buffer = new char[Math.Max(BlockSize, (2 * maxRecordLength) + 2)];
    }

    /// <summary>The fields of the record read last.</summary>
    public int FieldCount { get; private set; }

    /// <summary>One field of the record read last, valid until the next read.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)FieldCount, nameof(index));
            var field = _fields[index];
            return field.Unescaped ? _scratch.AsSpan(field.Start, field.Length) : _buffer.AsSpan(_recordStart + field.Start, field.Length);
        }
    }

    /// <summary>Reads one record into <paramref name="fields"/> (none at the end of the text).</summary>
    /// <param name="fields">Cleared, then filled with the record's fields.</param>
    /// <param name="line">The line the record starts on.</param>
    /// <returns>The problem, if any: an unclosed quote ends the text; a record too long is passed over to its line's end.</returns>
    public CsvRecordProblem Read(List<string> fields, out int line)
    {
        fields.Clear();
        var problem = Read(out line);
        for (var i = 0; i < FieldCount; i++)
        {
            fields.Add(this[i].ToString());
        }

        return problem;
    }

    /// <summary>Reads one record; its fields are then <see cref="FieldCount"/> and the indexer (none at the end of the text).</summary>
    /// <param name="line">The line the record starts on.</param>
    /// <returns>The problem, if any (see <see cref="Read(List{string}, out int)"/>).</returns>
    public CsvRecordProblem Read(out int line)
    {
        FieldCount = 0;
        _scratchLength = 0;
        line = _nextLine;
        _recordStart = _position;
        if (!Available())
        {
            return CsvRecordProblem.None;
        }

        while (true)
        {
            var fieldStart = _position;
            var scratchStart = _scratchLength;
            var unescaped = _buffer[_position] == '"';
            if (unescaped)
            {
                _position++;
                if (ReadQuoted() is var problem and not CsvRecordProblem.None)
                {
                    return problem;
                }
            }

            // The rest of the field, up to a separator, a line break or the end of the text.
            while (true)
            {
                var found = _buffer.AsSpan(_position, Limit() - _position).IndexOfAny(Ends);
                var stop = found < 0 ? Limit() : _position + found;
                if (unescaped)
                {
                    Append(_buffer.AsSpan(_position, stop - _position));
                }

                _position = stop;
                if (found >= 0)
                {
                    break;
                }

                if (TooLongHere())
                {
                    return TooLong();
                }

                // Reading the next block may move the record to the front of the buffer.
                var offset = _position - fieldStart;
                var more = Available();
                fieldStart = _position - offset;
                if (!more)
                {
                    AddField(unescaped, scratchStart, fieldStart);
                    return CsvRecordProblem.None;
                }
            }

            AddField(unescaped, scratchStart, fieldStart);
            var end = _buffer[_position++];
            if (end == ',')
            {
                if (TooLongHere())
                {
                    return TooLong();
                }

                if (!Available())
                {
                    AddField(false, 0, _position);
                    return CsvRecordProblem.None;
                }

                continue;
            }

            if (end == '\r' && Available() && _buffer[_position] == '\n')
            {
                _position++;
            }

            _nextLine++;
            return CsvRecordProblem.None;
        }
    }

    /// <summary>After the opening quote: unescapes into the scratch buffer up to the closing quote.</summary>
    private CsvRecordProblem ReadQuoted()
    {
        if (TooLongHere())
        {
            return TooLong();
        }

        while (true)
        {
            if (!Available())
            {
                return CsvRecordProblem.Quote;
            }

            var span = _buffer.AsSpan(_position, Limit() - _position);
            var quote = span.IndexOf('"');
            var run = quote < 0 ? span : span[..quote];
            Append(run);
            _nextLine += run.Count('\n');
            _position += run.Length;
            if (quote >= 0)
            {
                _position++;
            }

            if (TooLongHere())
            {
                return TooLong();
            }

            if (quote < 0)
            {
                continue;
            }

            if (Available() && _buffer[_position] == '"')
            {
                _position++;
                Append("\"");
                if (TooLongHere())
                {
                    return TooLong();
                }

                continue;
            }

            return CsvRecordProblem.None;
        }
    }

    /// <summary>How far this record may be read: one character past its longest, or the end of the block.</summary>
    private int Limit() => (int)Math.Min(_end, _recordStart + (long)_maxRecordLength + 1);

    /// <summary>Whether the characters read of this record (its line break apart) are more than it may hold.</summary>
    private bool TooLongHere() => _position - _recordStart > _maxRecordLength;

    /// <summary>Adds the field just read: an unescaped one is the scratch text from its start, another the text from its start to the position.</summary>
    private void AddField(bool unescaped, int scratchStart, int fieldStart)
    {
        var field = unescaped ? new Field(scratchStart, _scratchLength - scratchStart, true) : new Field(fieldStart - _recordStart, _position - fieldStart, false);
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[FieldCount++] = field;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_scratchLength + text.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + text.Length));
        }

        text.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += text.Length;
    }

    private CsvRecordProblem TooLong()
    {
        // The rest of the line is passed over, so a reader that skips bad records reads on at the next one.
        FieldCount = 0;
        while (Available())
        {
            var span = _buffer.AsSpan(_position, _end - _position);
            var newline = span.IndexOf('\n');
            if (newline >= 0)
            {
                _position += newline + 1;
                break;
            }

            _position = _end;
        }

        _nextLine++;
        return CsvRecordProblem.TooLong;
    }

    /// <summary>Whether a character is there to read at the position, reading the next block when needed.</summary>
    private bool Available()
    {
        if (_position < _end)
        {
            return true;
        }

        if (_drained)
        {
            return false;
        }

        // Keep the record read so far (at most a record's length) at the front, then fill the rest.
        var kept = _end - _recordStart;
        if (kept > _maxRecordLength + 2)
        {
            // Only while passing over a record too long: nothing of it is kept.
            _recordStart = _end;
            kept = 0;
        }

        _buffer.AsSpan(_recordStart, kept).CopyTo(_buffer);
        _position -= _recordStart;
        _recordStart = 0;
        _end = kept;
        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _drained = true;
            return false;
        }

        _end += read;
        return true;
    }

    private readonly record struct Field(int Start, int Length, bool Unescaped);
}
