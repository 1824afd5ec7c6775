using System.Text;

namespace CheckIn.Tracing.Csv;

/// <summary>What went wrong reading one CSV record.</summary>
internal enum CsvRecordProblem
{
    None,
    Quote,
    TooLong,
}

/// <summary>Reads RFC 4180 records (LF or CRLF, quoted fields with doubled quotes and line breaks), one at a time, each bounded in length.</summary>
internal sealed class CsvRecordTokenizer(TextReader reader, int maxRecordLength)
{
    private readonly StringBuilder _field = new();
    private int _nextLine = 1;

    /// <summary>Reads one record into <paramref name="fields"/> (none at the end of the text).</summary>
    /// <param name="fields">Cleared, then filled with the record's fields.</param>
    /// <param name="line">The line the record starts on.</param>
    /// <returns>The problem, if any: an unclosed quote ends the text; a record too long is passed over to its line's end.</returns>
    public CsvRecordProblem Read(List<string> fields, out int line)
    {
        fields.Clear();
        line = _nextLine;
        if (reader.Peek() < 0)
        {
            return CsvRecordProblem.None;
        }

        var quoted = false;
        var length = 0;
        _field.Clear();
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (quoted)
                {
                    return CsvRecordProblem.Quote;
                }

                fields.Add(_field.ToString());
                return CsvRecordProblem.None;
            }

            if (++length > maxRecordLength)
            {
                // The rest of the line is passed over, so a reader that skips bad records reads on at the next one.
                SkipLine();
                return CsvRecordProblem.TooLong;
            }

            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    _nextLine += c == '\n' ? 1 : 0;
                    _field.Append(c);
                }
            }
            else if (c == '"' && _field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                _nextLine++;
                fields.Add(_field.ToString());
                return CsvRecordProblem.None;
            }
            else
            {
                _field.Append(c);
            }
        }
    }

    private void SkipLine()
    {
        int next;
        while ((next = reader.Read()) >= 0 && next != '\n')
        {
        }

        _nextLine++;
    }
}
