using CheckIn.Core;
using CheckIn.Core.Text;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

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

    /// <summary>How many distinct spellings of persons (and, apart, of venues) a reader remembers; later ones are canonicalized each time.</summary>
    private const int MaxRememberedSpellings = 1 << 22;

    private static readonly string[] ClosureNames = Enum.GetNames<VisitClosure>();
    private static readonly VisitClosure[] ClosureValues = Enum.GetValues<VisitClosure>();

    private readonly CsvRecordTokenizer _tokenizer;
    private readonly List<string> _fields = new(5);
    private readonly Dictionary<string, string> _personSpellings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _venueSpellings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _personsByText;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _venuesByText;
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
        _personsByText = _personSpellings.GetAlternateLookup<ReadOnlySpan<char>>();
        _venuesByText = _venueSpellings.GetAlternateLookup<ReadOnlySpan<char>>();
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
            var header = ReadHeader(out var headerLine);
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

            var fields = _tokenizer.FieldCount;
            if (fields == 0)
            {
                return Result.Ok(false);
            }

            if (fields == 1 && _tokenizer[0].Length == 0)
            {
                continue;
            }

            if (fields != _columns)
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.FieldCount, line, CheckInError.None));
            }

            var person = Spelling(_personsByText, _tokenizer[0], IdentifierText.CanonicalizePerson);
            if (person.AsSpan().Trim().IsEmpty)
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Person, line, 0));
            }

            var venue = Spelling(_venuesByText, _tokenizer[1], IdentifierText.Canonicalize);
            if (venue.Length == 0)
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Venue, line, 1));
            }

            if (!IsoInstant.TryParse(_tokenizer[2], out var checkIn))
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Instant, line, 2));
            }

            if (!IsoInstant.TryParse(_tokenizer[3], out var checkOut))
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Instant, line, 3));
            }

            if (!VisitStore.Fits(checkIn, checkOut))
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Interval, line, 3));
            }

            var closure = VisitClosure.CheckedOut;
            if (_columns == 5 && !TryParseClosure(_tokenizer[4], out closure))
            {
                return Fail(Error(TracingErrorCodes.VisitCsv.Closure, line, 4));
            }

            Current = new VisitCsvRecord(person, venue, checkIn, checkOut, line) { Closure = closure };
            return Result.Ok(true);
        }
    }

    /// <summary>
    /// A key in its canonical spelling (or as written, when canonical keys are off), remembered by how it was written:
    /// a file names each person and venue many times, so each spelling is canonicalized and allocated once.
    /// </summary>
    private string Spelling(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> known, ReadOnlySpan<char> written, Func<string, string> canonicalize)
    {
        if (known.TryGetValue(written, out var spelled))
        {
            return spelled;
        }

        var text = written.ToString();
        spelled = _options.CanonicalKeys ? canonicalize(text) : text;
        if (known.Dictionary.Count < MaxRememberedSpellings)
        {
            known.Dictionary[text] = spelled;
        }

        return spelled;
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
    private static bool TryParseClosure(ReadOnlySpan<char> text, out VisitClosure closure)
    {
        var trimmed = text.Trim();
        closure = VisitClosure.CheckedOut;
        if (trimmed.IsEmpty)
        {
            return true;
        }

        for (var i = 0; i < ClosureNames.Length; i++)
        {
            if (trimmed.Equals(ClosureNames[i], StringComparison.OrdinalIgnoreCase))
            {
                closure = ClosureValues[i];
                return true;
            }
        }

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

    /// <summary>Reads the header into <see cref="_fields"/>.</summary>
    private CheckInError ReadHeader(out int line) => Problem(_tokenizer.Read(_fields, out line), line);

    /// <summary>Reads one record into the tokenizer's fields (none at the end of the text).</summary>
    private CheckInError ReadRecord(out int line) => Problem(_tokenizer.Read(out line), line);

    private CheckInError Problem(CsvRecordProblem problem, int line) => problem switch
    {
        CsvRecordProblem.Quote => Error(TracingErrorCodes.VisitCsv.Quote, line, _tokenizer.FieldCount),
        CsvRecordProblem.TooLong => Error(TracingErrorCodes.VisitCsv.RecordTooLong, line, CheckInError.None),
        _ => default,
    };
}
