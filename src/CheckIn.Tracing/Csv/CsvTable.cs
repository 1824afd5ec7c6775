using CheckIn.Core;

namespace CheckIn.Tracing.Csv;

/// <summary>The codes a small CSV format reports for problems every format shares.</summary>
internal readonly record struct CsvCodes(string Header, string FieldCount, string Quote, string RecordTooLong);

/// <summary>
/// The record loop of CheckIn's small CSV formats (links, venues): a header of known column names, the first
/// <c>required</c> of them mandatory and the rest optional in order; then records with as many fields as the header,
/// blank lines skipped. A wrong header or an unclosed quote ends the read; any other problem ends it too unless bad
/// records are skipped. Errors carry the messages of the format's package (Tracing's unless given).
/// </summary>
internal sealed class CsvTable(TextReader reader, string[] columns, int required, CsvCodes codes, bool skipBadRecords, IErrorMessages? messages = null)
{
    private readonly CsvRecordTokenizer _tokenizer = new(reader, VisitCsvReader.MaxRecordLength);
    private CheckInError _failure;

    /// <summary>The fields of the record read last.</summary>
    public List<string> Fields { get; } = new(columns.Length);

    /// <summary>How many columns the header has (0 before it is read).</summary>
    public int Columns { get; private set; }

    /// <summary>The line the record read last starts on.</summary>
    public int Line { get; private set; }

    /// <summary>Reads the next record into <see cref="Fields"/>: true with one, false at the end, or the problem.</summary>
    public Result<bool> Next()
    {
        if (!_failure.IsEmpty)
        {
            return Result.Fail<bool>(_failure);
        }

        if (Columns == 0)
        {
            if (ReadRecord() is { IsEmpty: false } problem)
            {
                return Fail(problem);
            }

            var names = Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
            if (names.Count < required || names.Count > columns.Length || !names.SequenceEqual(columns.Take(names.Count)))
            {
                return Fail(Error(codes.Header, CheckInError.None));
            }

            Columns = names.Count;
        }

        while (true)
        {
            if (ReadRecord() is { IsEmpty: false } problem)
            {
                return Fail(problem);
            }

            if (Fields.Count == 0)
            {
                return Result.Ok(false);
            }

            if (Fields.Count == 1 && Fields[0].Length == 0)
            {
                continue;
            }

            return Fields.Count == Columns ? Result.Ok(true) : Fail(Error(codes.FieldCount, CheckInError.None));
        }
    }

    /// <summary>An error at the current line.</summary>
    public CheckInError Error(string code, int field) => new CheckInError(code, messages ?? TracingErrorCodes.Messages) with { Line = Line, Field = field };

    /// <summary>Reports a problem: it ends the read unless bad records are skipped and it is one record's.</summary>
    public Result<bool> Fail(CheckInError error)
    {
        if (!skipBadRecords || error.Code == codes.Header || error.Code == codes.Quote)
        {
            _failure = error;
        }

        return Result.Fail<bool>(error);
    }

    /// <summary>The field, trimmed, or empty when the header does not have the column.</summary>
    public string Optional(int column) => column < Columns ? Fields[column].Trim() : string.Empty;

    private CheckInError ReadRecord()
    {
        var problem = _tokenizer.Read(Fields, out var line);
        Line = line;
        return problem switch
        {
            CsvRecordProblem.Quote => Error(codes.Quote, Fields.Count),
            CsvRecordProblem.TooLong => Error(codes.RecordTooLong, CheckInError.None),
            _ => default,
        };
    }
}
