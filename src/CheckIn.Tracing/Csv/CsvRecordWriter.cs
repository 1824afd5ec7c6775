namespace CheckIn.Tracing.Csv;

/// <summary>
/// Writes RFC 4180 records (LF line ends), quoting only the fields that need it, and safe to open in a spreadsheet:
/// a field starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, which Excel, LibreOffice
/// and Google Sheets would run as a formula, is written with a leading apostrophe (<c>'=1+1</c>), as OWASP advises for
/// CSV injection. CheckIn's own fields (times, levels, minutes) never start so; only text from input can.
/// </summary>
public static class CsvRecordWriter
{
    /// <summary>Writes one record and its line end.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="fields">The fields.</param>
    public static void WriteRecord(TextWriter writer, params ReadOnlySpan<string> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteField(writer, fields[i] ?? string.Empty);
        }

        writer.Write('\n');
    }

    /// <summary>True when a spreadsheet would read the field as a formula.</summary>
    /// <param name="field">The field.</param>
    /// <returns>True when it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return.</returns>
    public static bool IsFormulaLike(ReadOnlySpan<char> field) => field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static void WriteField(TextWriter writer, string field)
    {
        var neutralized = IsFormulaLike(field) ? "'" + field : field;
        if (neutralized.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            writer.Write('"');
            writer.Write(neutralized.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        else
        {
            writer.Write(neutralized);
        }
    }
}
