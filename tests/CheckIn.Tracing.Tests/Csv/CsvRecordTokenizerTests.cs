using System.Text;
using CheckIn.Tracing.Csv;
using CsCheck;

namespace CheckIn.Tracing.Tests.Csv;

/// <summary>
/// The block tokenizer against a character-at-a-time reference (the RFC 4180 reading it replaced), over random texts
/// read whole and in chunks of one to seven characters, so records, quotes and line breaks fall across blocks.
/// </summary>
public sealed class CsvRecordTokenizerTests
{
    private const int Max = 64;

    private static readonly Gen<string> Texts =
        Gen.OneOf(Gen.Const('a'), Gen.Const('b'), Gen.Const(','), Gen.Const('"'), Gen.Const('\n'), Gen.Const('\r'), Gen.Const(' '), Gen.Const('é'))
            .Array[0, 300].Select(chars => new string(chars));

    [Fact]
    public void Read_RandomTexts_SameRecordsAsTheReference()
    {
        Texts.Sample(text =>
        {
            var expected = Reference(new StringReader(text));
            Assert.Equal(expected, Tokens(new StringReader(text)));
            Assert.Equal(expected, Tokens(new ChunkedReader(text, 7)));
            Assert.Equal(expected, Tokens(new ChunkedReader(text, 1)));
        }, iter: 3000);
    }

    [Fact]
    public void Read_RecordsAcrossManyBlocks_EveryFieldWhole()
    {
        // 200,000 records of about 40 characters: far more than one block, each record cut somewhere by a block's end.
        var text = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            text.Append(i % 7 == 0 ? $"\"p,{i}\"\"x\"" : $"p{i}").Append(",V").Append(i % 13).Append(",2021-09-01T08:00:00Z").Append(i % 2 == 0 ? "\r\n" : "\n");
        }

        var tokenizer = new CsvRecordTokenizer(new ChunkedReader(text.ToString(), 4093), Max);
        for (var i = 0; i < 200_000; i++)
        {
            Assert.Equal(CsvRecordProblem.None, tokenizer.Read(out var line));
            Assert.Equal(i + 1, line);
            Assert.Equal(3, tokenizer.FieldCount);
            Assert.Equal(i % 7 == 0 ? $"p,{i}\"x" : $"p{i}", tokenizer[0].ToString());
            Assert.Equal($"V{i % 13}", tokenizer[1].ToString());
            Assert.Equal("2021-09-01T08:00:00Z", tokenizer[2].ToString());
        }

        Assert.Equal(CsvRecordProblem.None, tokenizer.Read(out _));
        Assert.Equal(0, tokenizer.FieldCount);
    }

    [Fact]
    public void Read_RecordOfExactlyTheLimit_Read_OneMore_TooLongAndPassedOver()
    {
        var fits = new string('x', Max);
        var tokenizer = new CsvRecordTokenizer(new StringReader(fits + "\n" + fits + "y\nnext\n"), Max);
        Assert.Equal(CsvRecordProblem.None, tokenizer.Read(out _));
        Assert.Equal(fits, tokenizer[0].ToString());
        Assert.Equal(CsvRecordProblem.TooLong, tokenizer.Read(out var line));
        Assert.Equal(2, line);
        Assert.Equal(CsvRecordProblem.None, tokenizer.Read(out line));
        Assert.Equal((3, "next"), (line, tokenizer[0].ToString()));
    }

    private static List<string> Tokens(TextReader reader)
    {
        var tokenizer = new CsvRecordTokenizer(reader, Max);
        var records = new List<string>();
        var fields = new List<string>();
        for (var guard = 0; guard < 10_000; guard++)
        {
            var problem = tokenizer.Read(fields, out var line);
            records.Add(Describe(problem, line, fields));
            if (problem == CsvRecordProblem.Quote || (problem == CsvRecordProblem.None && fields.Count == 0))
            {
                return records;
            }
        }

        throw new InvalidOperationException("The tokenizer did not reach the end.");
    }

    private static string Describe(CsvRecordProblem problem, int line, List<string> fields) =>
        problem switch
        {
            CsvRecordProblem.None => $"{line}: [{string.Join("|", fields)}]",
            CsvRecordProblem.Quote => $"{line}: quote after {fields.Count}",
            _ => $"{line}: too long",
        };

    /// <summary>The character-at-a-time tokenizer this one replaced, with its record bound on content (line break excluded).</summary>
    private static List<string> Reference(TextReader reader)
    {
        var records = new List<string>();
        var nextLine = 1;
        while (true)
        {
            var fields = new List<string>();
            var line = nextLine;
            if (reader.Peek() < 0)
            {
                records.Add(Describe(CsvRecordProblem.None, line, fields));
                return records;
            }

            var field = new StringBuilder();
            var quoted = false;
            var length = 0;
            CsvRecordProblem? problem = null;
            while (problem is null)
            {
                var next = reader.Read();
                if (next < 0)
                {
                    if (quoted)
                    {
                        records.Add(Describe(CsvRecordProblem.Quote, line, fields));
                        return records;
                    }

                    fields.Add(field.ToString());
                    problem = CsvRecordProblem.None;
                    break;
                }

                var c = (char)next;

                // Every character counts but the line break that ends the record.
                if ((quoted || c is not ('\n' or '\r')) && ++length > Max)
                {
                    problem = TooLong(reader, c, ref nextLine, fields);
                    break;
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                            if (++length > Max)
                            {
                                problem = TooLong(reader, '"', ref nextLine, fields);
                            }
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        nextLine += c == '\n' ? 1 : 0;
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c is '\n' or '\r')
                {
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    nextLine++;
                    fields.Add(field.ToString());
                    problem = CsvRecordProblem.None;
                }
                else
                {
                    field.Append(c);
                }
            }

            records.Add(Describe(problem.Value, line, fields));
        }
    }

    /// <summary>
    /// A record too long: passed over up to the next line break after the character that made it so (a quoted line break
    /// read as that character counts as a line, and the skip goes on to the next).
    /// </summary>
    private static CsvRecordProblem TooLong(TextReader reader, char last, ref int nextLine, List<string> fields)
    {
        nextLine += last == '\n' ? 1 : 0;
        int next;
        while ((next = reader.Read()) >= 0 && next != '\n')
        {
        }

        nextLine++;
        fields.Clear();
        return CsvRecordProblem.TooLong;
    }

    /// <summary>Hands out a text at most a few characters a read, as a slow stream does.</summary>
    private sealed class ChunkedReader(string text, int chunk) : TextReader
    {
        private int _position;

        public override int Peek() => _position < text.Length ? text[_position] : -1;

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
