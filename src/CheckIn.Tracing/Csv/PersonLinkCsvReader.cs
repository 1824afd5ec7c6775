using CheckIn.Core;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;

namespace CheckIn.Tracing.Csv;

/// <summary>
/// One record of a links CSV: two identifiers known to be one person (as written, canonical unless asked not to;
/// pseudonymize both before they go anywhere).
/// </summary>
/// <param name="First">The first identifier.</param>
/// <param name="FirstIdKind">Its <c>id_kind</c> as the file names it, in lower case.</param>
/// <param name="Second">The second identifier.</param>
/// <param name="SecondIdKind">Its <c>id_kind</c>, in lower case.</param>
/// <param name="Line">The line the record starts on.</param>
public readonly record struct PersonLinkCsvRecord(PersonIdentifier First, string FirstIdKind, PersonIdentifier Second, string SecondIdKind, int Line)
{
    /// <summary>Returns the kinds and the line; never the identifiers.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"line {Line}: {First.Kind} = {Second.Kind}";
}

/// <summary>
/// Reads pairs of identifiers known to be one person: the header <c>id_kind,id,id_kind2,id2</c>, then one pair per
/// record, each <c>id_kind</c> as in the events CSV (<see cref="CheckInEventCsvReader.KindOf"/>). Feed them to a
/// <see cref="PersonRegistry"/>. RFC 4180 quoting; streams; never throws on content: a bad record is a coded error
/// (<c>LinkCsv.*</c>) with its line and field, which ends the read or, with
/// <see cref="VisitCsvReaderOptions.SkipBadRecords"/>, is reported and skipped.
/// </summary>
public sealed class PersonLinkCsvReader
{
    /// <summary>The header line.</summary>
    public const string Header = "id_kind,id,id_kind2,id2";

    private static readonly CsvCodes Codes = new(TracingErrorCodes.LinkCsv.Header, TracingErrorCodes.LinkCsv.FieldCount, TracingErrorCodes.LinkCsv.Quote, TracingErrorCodes.LinkCsv.RecordTooLong);

    private readonly CsvTable _table;
    private readonly VisitCsvReaderOptions _options;

    /// <summary>Creates a reader over a text (the caller disposes it).</summary>
    /// <param name="reader">The CSV text, at its start.</param>
    /// <param name="options">The options, or null for <see cref="VisitCsvReaderOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    public PersonLinkCsvReader(TextReader reader, VisitCsvReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _options = options ?? VisitCsvReaderOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
        _table = new CsvTable(reader, ["id_kind", "id", "id_kind2", "id2"], 4, Codes, _options.SkipBadRecords);
    }

    /// <summary>The record read by the last successful <see cref="Read"/> that returned true.</summary>
    public PersonLinkCsvRecord Current { get; private set; }

    /// <summary>Reads the next pair into <see cref="Current"/>; checks the header first.</summary>
    /// <returns>True with a record; false at the end; or a coded problem (<c>LinkCsv.*</c>) with its line and field.</returns>
    /// <exception cref="IOException">The underlying reader fails.</exception>
    public Result<bool> Read()
    {
        var next = _table.Next();
        if (!next.TryGetValue(out var more) || !more)
        {
            return next;
        }

        var fields = _table.Fields;
        var first = Identifier(fields[0], fields[1], 0);
        if (!first.TryGetValue(out var one))
        {
            return _table.Fail(first.Error);
        }

        var second = Identifier(fields[2], fields[3], 2);
        if (!second.TryGetValue(out var other))
        {
            return _table.Fail(second.Error);
        }

        Current = new PersonLinkCsvRecord(one, fields[0].Trim().ToLowerInvariant(), other, fields[2].Trim().ToLowerInvariant(), _table.Line);
        return Result.Ok(true);
    }

    private Result<PersonIdentifier> Identifier(string kindText, string text, int field)
    {
        if (CheckInEventCsvReader.KindOf(kindText) is not { } kind)
        {
            return Result.Fail<PersonIdentifier>(_table.Error(TracingErrorCodes.LinkCsv.IdKind, field));
        }

        var value = CheckInEventCsvReader.CanonicalIdentifier(kind, text, _options.CanonicalKeys);
        return value.AsSpan().Trim().IsEmpty
            ? Result.Fail<PersonIdentifier>(_table.Error(TracingErrorCodes.LinkCsv.Identifier, field + 1))
            : Result.Ok(new PersonIdentifier(kind, value));
    }
}
