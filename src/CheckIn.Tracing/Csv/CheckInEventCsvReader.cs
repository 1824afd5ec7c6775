using CheckIn.Core;
using CheckIn.Core.Text;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime.Text;

namespace CheckIn.Tracing.Csv;

/// <summary>How a scan reached the record.</summary>
public enum EventChannel
{
    /// <summary>The visitor's app scanned the venue's code.</summary>
    App = 1,

    /// <summary>Venue staff scanned the visitor's code or card.</summary>
    StaffScan = 2,

    /// <summary>A paper-log entry, typed in later.</summary>
    Paper = 3,
}

/// <summary>
/// One raw check-in event of an events CSV. The identifier is as written (canonical spelling unless asked not to):
/// pseudonymize it, with its <see cref="Kind"/>, before it goes anywhere (<see cref="PersonPseudonymizer"/>).
/// </summary>
/// <param name="Kind">What the identifier is.</param>
/// <param name="IdKind">The <c>id_kind</c> as the file names it, in lower case (<c>cccd</c> and <c>cmnd</c> are both <see cref="IdentifierKind.CitizenId"/>).</param>
/// <param name="Identifier">The identifier.</param>
/// <param name="Venue">The venue identifier.</param>
/// <param name="Event">Check-in or check-out.</param>
/// <param name="At">When.</param>
/// <param name="Channel">How it was recorded, when the file says.</param>
/// <param name="Line">The line the record starts on.</param>
public readonly record struct CheckInEventCsvRecord(IdentifierKind Kind, string IdKind, string Identifier, string Venue, CheckInEventKind Event, NodaTime.Instant At, EventChannel? Channel, int Line)
{
    /// <summary>Returns the kind, venue, event, time and line; never the identifier.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"line {Line}: {Kind} at {Venue} {Event} {At}";
}

/// <summary>
/// Reads raw check-in events: the header <c>id_kind,id,venue,event,at</c> with an optional sixth column
/// <c>channel</c>, then one event per record. <c>id_kind</c> is <c>cccd</c> or <c>cmnd</c> (citizen or legacy ID
/// number), <c>bhyt</c> (health insurance), <c>qid</c> (a 1405 personal code's id), <c>phone</c>, <c>passport</c> or
/// <c>paper</c> (a paper-log entry's own key); <c>event</c> is <c>in</c> or <c>out</c>; <c>at</c> is ISO-8601 with an
/// offset; <c>channel</c> is <c>app</c>, <c>staff</c> or <c>paper</c>. RFC 4180 quoting; streams one record at a time;
/// never throws on content: a bad record is a coded error (<c>EventCsv.*</c>) with its line and field, which ends the
/// read or, with <see cref="VisitCsvReaderOptions.SkipBadRecords"/>, is reported and skipped.
/// </summary>
public sealed class CheckInEventCsvReader
{
    /// <summary>The header line (the sixth column, <c>channel</c>, is optional).</summary>
    public const string Header = "id_kind,id,venue,event,at,channel";

    private static readonly string[] HeaderFields = ["id_kind", "id", "venue", "event", "at", "channel"];

    private readonly CsvRecordTokenizer _tokenizer;
    private readonly List<string> _fields = new(6);
    private readonly VisitCsvReaderOptions _options;
    private int _columns;
    private CheckInError _failure;

    /// <summary>Creates a reader over a text (the caller disposes it).</summary>
    /// <param name="reader">The CSV text, at its start.</param>
    /// <param name="options">The options, or null for <see cref="VisitCsvReaderOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    public CheckInEventCsvReader(TextReader reader, VisitCsvReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _options = options ?? VisitCsvReaderOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
        _tokenizer = new CsvRecordTokenizer(reader, VisitCsvReader.MaxRecordLength);
    }

    /// <summary>The record read by the last successful <see cref="Read"/> that returned true.</summary>
    public CheckInEventCsvRecord Current { get; private set; }

    /// <summary>The identifier kind an <c>id_kind</c> names, or null.</summary>
    /// <param name="name">The name (any case).</param>
    /// <returns>The kind.</returns>
    public static IdentifierKind? KindOf(string name) => name.Trim().ToLowerInvariant() switch
    {
        "cccd" or "cmnd" => IdentifierKind.CitizenId,
        "bhyt" => IdentifierKind.HealthInsurance,
        "qid" => IdentifierKind.PlatformId,
        "phone" => IdentifierKind.Phone,
        "passport" => IdentifierKind.Passport,
        "paper" => IdentifierKind.PaperLog,
        _ => null,
    };

    /// <summary>Reads the next event into <see cref="Current"/>; checks the header first.</summary>
    /// <returns>True with a record; false at the end; or a coded problem (<c>EventCsv.*</c>) with its line and field.</returns>
    /// <exception cref="IOException">The underlying reader fails.</exception>
    public Result<bool> Read()
    {
        if (!_failure.IsEmpty)
        {
            return Result.Fail<bool>(_failure);
        }

        if (_columns == 0)
        {
            if (ReadRecord(out var headerLine) is { IsEmpty: false } problem)
            {
                return Fail(problem);
            }

            var names = _fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
            if (names.Count is < 5 or > 6 || !names.SequenceEqual(HeaderFields.Take(names.Count)))
            {
                return Fail(Error(TracingErrorCodes.EventCsv.Header, headerLine, CheckInError.None));
            }

            _columns = names.Count;
        }

        while (true)
        {
            if (ReadRecord(out var line) is { IsEmpty: false } problem)
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
                return Fail(Error(TracingErrorCodes.EventCsv.FieldCount, line, CheckInError.None));
            }

            if (KindOf(_fields[0]) is not { } kind)
            {
                return Fail(Error(TracingErrorCodes.EventCsv.IdKind, line, 0));
            }

            var identifier = CanonicalIdentifier(kind, _fields[1], _options.CanonicalKeys);
            if (identifier.AsSpan().Trim().IsEmpty)
            {
                return Fail(Error(TracingErrorCodes.EventCsv.Identifier, line, 1));
            }

            var venue = _options.CanonicalKeys ? IdentifierText.Canonicalize(_fields[2]) : _fields[2];
            if (venue.Length == 0)
            {
                return Fail(Error(TracingErrorCodes.EventCsv.Venue, line, 2));
            }

            CheckInEventKind? eventKind = _fields[3].Trim().ToLowerInvariant() switch { "in" => CheckInEventKind.CheckIn, "out" => CheckInEventKind.CheckOut, _ => null };
            if (eventKind is null)
            {
                return Fail(Error(TracingErrorCodes.EventCsv.Event, line, 3));
            }

            if (ParseInstant(_fields[4].Trim()) is not { } at || !IndexTime.IsIndexable(at))
            {
                return Fail(Error(TracingErrorCodes.EventCsv.Instant, line, 4));
            }

            EventChannel? channel = null;
            if (_columns == 6 && _fields[5].Trim().Length > 0)
            {
                channel = _fields[5].Trim().ToLowerInvariant() switch { "app" => EventChannel.App, "staff" => EventChannel.StaffScan, "paper" => EventChannel.Paper, _ => null };
                if (channel is null)
                {
                    return Fail(Error(TracingErrorCodes.EventCsv.Channel, line, 5));
                }
            }

            Current = new CheckInEventCsvRecord(kind, _fields[0].Trim().ToLowerInvariant(), identifier, venue, eventKind.Value, at, channel, line);
            return Result.Ok(true);
        }
    }

    /// <summary>An identifier in the spelling the readers keep: a phone in its national form, others canonical; as written when asked.</summary>
    internal static string CanonicalIdentifier(IdentifierKind kind, string text, bool canonical) =>
        !canonical ? text : kind == IdentifierKind.Phone ? IdentifierText.CanonicalizePerson(text) : IdentifierText.Canonicalize(text);

    /// <summary>An instant in UTC (<c>…Z</c>) or with an offset (<c>…+07:00</c>, as Vietnamese devices write it).</summary>
    private static NodaTime.Instant? ParseInstant(string text)
    {
        if (IsoInstant.TryParse(text, out var utc))
        {
            return utc;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return offset.Success ? offset.Value.ToInstant() : null;
    }

    private CheckInError ReadRecord(out int line) => _tokenizer.Read(_fields, out line) switch
    {
        CsvRecordProblem.Quote => Error(TracingErrorCodes.EventCsv.Quote, line, _fields.Count),
        CsvRecordProblem.TooLong => Error(TracingErrorCodes.EventCsv.RecordTooLong, line, CheckInError.None),
        _ => default,
    };

    private Result<bool> Fail(CheckInError error)
    {
        // One record's problem is skipped when asked; a wrong header or a quote never closed ends the read.
        if (!_options.SkipBadRecords || error.Code is TracingErrorCodes.EventCsv.Header or TracingErrorCodes.EventCsv.Quote)
        {
            _failure = error;
        }

        return Result.Fail<bool>(error);
    }

    private static CheckInError Error(string code, int line, int field) => TracingErrors.Of(code) with { Line = line, Field = field };
}
