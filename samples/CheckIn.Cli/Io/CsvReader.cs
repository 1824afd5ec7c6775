using System.Text;

namespace CheckIn.Cli.Io;

/// <summary>A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder _field = new();

    /// <summary>The 1-based line number where the last record read started.</summary>
    public int LineNumber { get; private set; }

    private int _nextLine = 1;

    /// <summary>Reads the next record, or null at the end.</summary>
    public List<string>? ReadRecord()
    {
        var first = reader.Peek();
        if (first < 0)
        {
            return null;
        }

        LineNumber = _nextLine;
        var fields = new List<string>();
        var quoted = false;
        _field.Clear();
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                fields.Add(_field.ToString());
                return fields;
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
                    if (c == '\n')
                    {
                        _nextLine++;
                    }

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
                return fields;
            }
            else
            {
                _field.Append(c);
            }
        }
    }
}
