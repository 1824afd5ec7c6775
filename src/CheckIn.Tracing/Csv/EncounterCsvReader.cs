using System.Globalization;
using CheckIn.Core;
using CheckIn.Core.Text;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Tracing.Csv;

/// <summary>
/// One record of an encounters CSV: two persons (as written, canonical unless asked not to; pseudonymize both before
/// they go anywhere), when their phones met, for how long and how close.
/// </summary>
/// <param name="Person">One person, as the visits CSV names them.</param>
/// <param name="Other">The other.</param>
/// <param name="Start">When the encounter began.</param>
/// <param name="Duration">How long it lasted.</param>
/// <param name="Distance">How close they were.</param>
/// <param name="Line">The line the record starts on.</param>
public readonly record struct EncounterCsvRecord(string Person, string Other, Instant Start, Duration Duration, EncounterDistance Distance, int Line)
{
    /// <summary>Returns the time, length, distance and line; never the persons.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"line {Line}: {InstantPattern.ExtendedIso.Format(Start)} for {Duration.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)} min, {EncounterDistances.Name(Distance)}";
}

/// <summary>What <see cref="EncounterCsvReader.ReadInto"/> added.</summary>
/// <param name="Encounters">Encounters added.</param>
/// <param name="Persons">Distinct persons among them.</param>
public sealed record EncounterCsvSummary(long Encounters, int Persons)
{
    /// <summary>Bad records skipped (<see cref="VisitCsvReaderOptions.SkipBadRecords"/>); 0 otherwise.</summary>
    public long Rejected { get; init; }

    /// <summary>The skipped records' errors, in file order, each with its line and field (at most <see cref="VisitCsvReaderOptions.MaxReportedErrors"/>).</summary>
    public IReadOnlyList<CheckInError> Errors { get; init; } = [];
}

/// <summary>
/// Reads Bluetooth encounters (Bluezone records) that <c>checkin trace --encounters</c> takes and CheckIn.Simulation
/// writes: the header <c>person,other,start,minutes,distance</c>, then one encounter per record: the two persons as
/// the visits CSV names them, the start as an ISO-8601 UTC instant, the minutes in range (a number above 0, at most
/// 1,440; decimals allowed) and the distance as a class (<c>close</c>, <c>near</c>, <c>medium</c>, <c>far</c>) or an
/// estimate in metres (<see cref="EncounterDistances.TryParse"/>). RFC 4180 quoting; streams; never throws on content:
/// a bad record is a coded error (<c>EncounterCsv.*</c>) with its line and field, which ends the read or, with
/// <see cref="VisitCsvReaderOptions.SkipBadRecords"/>, is reported and skipped.
/// </summary>
public sealed class EncounterCsvReader
{
    /// <summary>The header line.</summary>
    public const string Header = "person,other,start,minutes,distance";

    private static readonly CsvCodes Codes = new(TracingErrorCodes.EncounterCsv.Header, TracingErrorCodes.EncounterCsv.FieldCount, TracingErrorCodes.EncounterCsv.Quote, TracingErrorCodes.EncounterCsv.RecordTooLong);

    private readonly CsvTable _table;
    private readonly VisitCsvReaderOptions _options;

    /// <summary>Creates a reader over a text (the caller disposes it).</summary>
    /// <param name="reader">The CSV text, at its start.</param>
    /// <param name="options">The options, or null for <see cref="VisitCsvReaderOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    public EncounterCsvReader(TextReader reader, VisitCsvReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _options = options ?? VisitCsvReaderOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
        _table = new CsvTable(reader, ["person", "other", "start", "minutes", "distance"], 5, Codes, _options.SkipBadRecords);
    }

    /// <summary>The record read by the last successful <see cref="Read"/> that returned true.</summary>
    public EncounterCsvRecord Current { get; private set; }

    /// <summary>Reads the next encounter into <see cref="Current"/>; checks the header first.</summary>
    /// <returns>True with a record; false at the end; or a coded problem (<c>EncounterCsv.*</c>) with its line and field.</returns>
    /// <exception cref="IOException">The underlying reader fails.</exception>
    public Result<bool> Read()
    {
        var next = _table.Next();
        if (!next.TryGetValue(out var more) || !more)
        {
            return next;
        }

        var fields = _table.Fields;
        var person = _options.CanonicalKeys ? IdentifierText.CanonicalizePerson(fields[0]) : fields[0];
        if (person.AsSpan().Trim().IsEmpty)
        {
            return _table.Fail(_table.Error(TracingErrorCodes.EncounterCsv.Person, 0));
        }

        var other = _options.CanonicalKeys ? IdentifierText.CanonicalizePerson(fields[1]) : fields[1];
        if (other.AsSpan().Trim().IsEmpty)
        {
            return _table.Fail(_table.Error(TracingErrorCodes.EncounterCsv.Person, 1));
        }

        if (string.Equals(person.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return _table.Fail(_table.Error(TracingErrorCodes.EncounterCsv.SamePerson, 1));
        }

        if (!IsoInstant.TryParse(fields[2], out var start) || !IndexTime.IsIndexable(start) || !IndexTime.IsIndexable(start + EncounterIndex.MaxDuration + Duration.FromSeconds(1)))
        {
            return _table.Fail(_table.Error(TracingErrorCodes.EncounterCsv.Instant, 2));
        }

        if (!double.TryParse(fields[3].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes) || !double.IsFinite(minutes)
            || minutes * 60 < 1 || minutes > EncounterIndex.MaxDuration.TotalMinutes)
        {
            return _table.Fail(_table.Error(TracingErrorCodes.EncounterCsv.Minutes, 3));
        }

        if (!EncounterDistances.TryParse(fields[4], out var distance))
        {
            return _table.Fail(_table.Error(TracingErrorCodes.EncounterCsv.Distance, 4));
        }

        Current = new EncounterCsvRecord(person, other, start, Duration.FromSeconds(Math.Round(minutes * 60)), distance, _table.Line);
        return Result.Ok(true);
    }

    /// <summary>Reads every remaining encounter into a builder, pseudonymizing persons through <paramref name="persons"/>.</summary>
    /// <param name="builder">Where the encounters go.</param>
    /// <param name="persons">Pseudonymizes each person (the table the visits were read with, so both join).</param>
    /// <param name="cancellationToken">Stops reading between records.</param>
    /// <returns>
    /// What was added, with bad records skipped when <see cref="VisitCsvReaderOptions.SkipBadRecords"/> is on; or the
    /// error that ended the read, the encounters before it staying added.
    /// </returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Result<EncounterCsvSummary> ReadInto(EncounterIndex.Builder builder, PseudonymTable persons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(persons);
        long added = 0;
        long rejected = 0;
        var errors = new List<CheckInError>();
        var distinct = new HashSet<PersonPseudonym>();
        while (true)
        {
            if (((added + rejected) & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var next = Read();
            if (!next.TryGetValue(out var more))
            {
                if (!_options.SkipBadRecords || next.Error.Code is TracingErrorCodes.EncounterCsv.Header or TracingErrorCodes.EncounterCsv.Quote)
                {
                    return next.ConvertError<EncounterCsvSummary>();
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
                return Result.Ok(new EncounterCsvSummary(added, distinct.Count) { Rejected = rejected, Errors = errors.Count == 0 ? Array.Empty<CheckInError>() : errors });
            }

            var record = Current;
            var person = persons.Pseudonymize(record.Person);
            var other = persons.Pseudonymize(record.Other);
            if (person == other)
            {
                // Two spellings the reader kept apart that pseudonymize alike (canonical keys off).
                var error = TracingErrors.Of(TracingErrorCodes.EncounterCsv.SamePerson) with { Line = record.Line, Field = 1 };
                if (!_options.SkipBadRecords)
                {
                    return Result.Fail<EncounterCsvSummary>(error);
                }

                rejected++;
                if (errors.Count < _options.MaxReportedErrors)
                {
                    errors.Add(error);
                }

                continue;
            }

            distinct.Add(person);
            distinct.Add(other);
            builder.Add(new Encounter(person, other, record.Start, record.Duration, record.Distance));
            added++;
        }
    }
}
