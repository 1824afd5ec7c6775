using CheckIn.Core;
using CheckIn.Core.Text;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Tracing.Csv;

/// <summary>
/// Reads the visits CSV that <c>checkin trace</c> takes and CheckIn.Simulation writes: the header
/// <c>person,venue,check_in,check_out</c> with an optional fifth column <c>closure</c> (how the end was decided, as
/// <c>checkin record</c> prints it: <c>CheckedOut</c>, <c>DefaultLength</c>, <c>NextCheckIn</c>, <c>Capped</c>), then
/// one visit per record with ISO-8601 UTC times (RFC 4180 quoting;
/// LF or CRLF; blank lines skipped). Streams: one record in memory at a time, each at most
/// <see cref="MaxRecordLength"/> characters. Never throws on content: a bad record is a coded error
/// (<c>VisitCsv.*</c>) with its line and field, which ends the read or, with
/// <see cref="VisitCsvReaderOptions.SkipBadRecords"/>, is reported and skipped. Person and venue keys are read in
/// their canonical spelling unless <see cref="VisitCsvReaderOptions.CanonicalKeys"/> is off.
/// </summary>
/// <example>
/// <code>
/// var reader = new VisitCsvReader(File.OpenText("visits.csv"));
/// var summary = reader.ReadInto(store, new PseudonymTable(pseudonymizer));
/// if (!summary.Success)
///     Console.WriteLine(summary.Error.GetMessage(MessageLanguage.English)); // … (line 7, field 2).
/// </code>
/// </example>
public sealed class VisitCsvReader
{
    /// <summary>The header line.</summary>
    public const string Header = "person,venue,check_in,check_out";

    /// <summary>The longest record read, in characters (quoted line breaks included).</summary>
    public const int MaxRecordLength = 4096;

    private static readonly string[] HeaderFields = ["person", "venue", "check_in", "check_out", "closure"];

    private readonly CsvRecordTokenizer _tokenizer;
    private readonly List<string> _fields = new(4);
    private bool _headerRead;
    private int _columns;
    private readonly VisitCsvReaderOptions _options;
    private CheckInError _failure;

    /// <summary>Creates a reader over a text (the caller disposes it).</summary>
    /// <param name="reader">The CSV text, at its start.</param>
    /// <param name="options">The options, or null for <see cref="VisitCsvReaderOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range (<see cref="VisitCsvReaderOptions.Validate"/>).</exception>
    public VisitCsvReader(TextReader reader, VisitCsvReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _options = options ?? VisitCsvReaderOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
        _tokenizer = new CsvRecordTokenizer(reader, MaxRecordLength);
    }

    /// <summary>The record read by the last successful <see cref="Read"/> that returned true.</summary>
    public VisitCsvRecord Current { get; private set; }

    /// <summary>Reads the next visit into <see cref="Current"/>; checks the header first.</summary>
    /// <returns>True with a record in <see cref="Current"/>; false at the end; or a problem, coded
    /// <c>VisitCsv.*</c> with its line and field. Every later call returns it again, unless
    /// <see cref="VisitCsvReaderOptions.SkipBadRecords"/> is on and the problem is one record's: then the next call
    /// reads on after it.</returns>
    /// <exception cref="IOException">The underlying reader fails.</exception>
    public Result<bool> Read()
    {
        if (!_failure.IsEmpty)
        {
            return Result.Fail<bool>(_failure);
        }

        if (!_headerRead)
        {
            _headerRead = true;
            var header = ReadRecord(out var headerLine);
            if (header is { IsEmpty: false } problem)
            {
                return Fail(problem);
            }

            if (_fields.Count is < 4 or > 5 || !_fields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(HeaderFields.Take(_fields.Count)))
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Header, headerLine, CheckInError.None));
            }

            _columns = _fields.Count;
        }

        while (true)
        {
            var problem = ReadRecord(out var line);
            if (!problem.IsEmpty)
            {
                return Fail(problem);
            }

            if (_fields.Count == 0)
            {
                return Result.Ok(false);
            }

            if (_fields.Count == 1 && _fields[0].Length == 0)
            {
                continue;
            }

            if (_fields.Count != _columns)
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.FieldCount, line, CheckInError.None));
            }

            var person = _options.CanonicalKeys ? IdentifierText.CanonicalizePerson(_fields[0]) : _fields[0];
            if (person.AsSpan().Trim().IsEmpty)
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Person, line, 0));
            }

            var venue = _options.CanonicalKeys ? IdentifierText.Canonicalize(_fields[1]) : _fields[1];
            if (venue.Length == 0)
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Venue, line, 1));
            }

            var checkIn = InstantPattern.ExtendedIso.Parse(_fields[2].Trim());
            if (!checkIn.Success)
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Instant, line, 2));
            }

            var checkOut = InstantPattern.ExtendedIso.Parse(_fields[3].Trim());
            if (!checkOut.Success)
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Instant, line, 3));
            }

            if (!VisitStore.Fits(checkIn.Value, checkOut.Value))
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Interval, line, 3));
            }

            var closure = VisitClosure.CheckedOut;
            if (_columns == 5 && !TryParseClosure(_fields[4], out closure))
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Closure, line, 4));
            }

            Current = new VisitCsvRecord(person, venue, checkIn.Value, checkOut.Value, line) { Closure = closure };
            return Result.Ok(true);
        }
    }

    /// <summary>Reads every remaining visit into a store, pseudonymizing persons through <paramref name="persons"/>.</summary>
    /// <param name="store">Where the visits go (not flushed).</param>
    /// <param name="persons">Pseudonymizes each person and remembers how they were written.</param>
    /// <param name="cancellationToken">Stops reading between records.</param>
    /// <returns>
    /// What was added, with the bad records skipped when <see cref="VisitCsvReaderOptions.SkipBadRecords"/> is on; or
    /// the error that ended the read (the first bad record's, or a wrong header or unclosed quote), the visits before
    /// it staying added.
    /// </returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Result<VisitCsvSummary> ReadInto(VisitStore store, PseudonymTable persons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(persons);
        long visits = 0;
        long rejected = 0;
        var errors = new List<CheckInError>();
        Instant? latest = null;
        var distinct = new HashSet<PersonPseudonym>();
        while (true)
        {
            if (((visits + rejected) & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var next = Read();
            if (!next.TryGetValue(out var more))
            {
                if (!_failure.IsEmpty)
                {
                    return next.ConvertError<VisitCsvSummary>();
                }

                rejected++;
                if (errors.Count < _options.MaxReportedErrors)
                {
                    errors.Add(next.Error);
                }

                continue;
            }

            if (!more)
            {
                return Result.Ok(new VisitCsvSummary(visits, distinct.Count, latest) { Rejected = rejected, Errors = errors.Count == 0 ? Array.Empty<CheckInError>() : errors });
            }

            var record = Current;
            var person = persons.Pseudonymize(record.Person);
            distinct.Add(person);
            store.Add(person, record.Venue, record.CheckIn, record.CheckOut, record.Closure);
            latest = latest is { } l && l >= record.CheckOut ? l : record.CheckOut;
            visits++;
        }
    }

    /// <summary>A closure as <c>checkin record</c> prints it (the enum name, any case); empty is checked out.</summary>
    private static bool TryParseClosure(string text, out VisitClosure closure)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            closure = VisitClosure.CheckedOut;
            return true;
        }

        foreach (var value in Enum.GetValues<VisitClosure>())
        {
            if (string.Equals(trimmed, value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                closure = value;
                return true;
            }
        }

        closure = VisitClosure.CheckedOut;
        return false;
    }

    private Result<bool> Fail(CheckInError error)
    {
        // One record's problem is skipped when asked; a wrong header or a quote never closed ends the read.
        if (!_options.SkipBadRecords || error.Code is TracingErrorCodes.VisitCsv.Header or TracingErrorCodes.VisitCsv.Quote)
        {
            _failure = error;
        }

        return Result.Fail<bool>(error);
    }

    private static CheckInError Error(string code, int line, int field) => TracingErrors.Of(code) with { Line = line, Field = field };

    /// <summary>Reads one record into <see cref="_fields"/> (none at the end of the text).</summary>
    private CheckInError ReadRecord(out int line) => _tokenizer.Read(_fields, out line) switch
    {
        CsvRecordProblem.Quote => Error(TracingErrorCodes.VisitCsv.Quote, line, _fields.Count),
        CsvRecordProblem.TooLong => Error(TracingErrorCodes.VisitCsv.RecordTooLong, line, CheckInError.None),
        _ => default,
    };
}
