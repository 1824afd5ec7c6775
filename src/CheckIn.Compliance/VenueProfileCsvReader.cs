using System.Globalization;
using CheckIn.Core;
using CheckIn.Tracing.Csv;
using NodaTime;

namespace CheckIn.Compliance;

/// <summary>
/// Reads venue profiles: the header <c>venue</c> with optional columns, in order, <c>kind</c> (as
/// <see cref="VenueCsvReader.KindOf"/> reads it), <c>commune</c> (its code, up to 5 digits), <c>name</c>,
/// <c>expected_daily</c> (registered visitors a day, 0 to 1,000,000; empty for none) and <c>closed_on</c> (days separated by
/// spaces: <c>mon</c>…<c>sun</c> or 1…7). RFC 4180 quoting; streams; a bad record is a coded error
/// (<c>VenueProfileCsv.*</c>) with its line and field, which ends the read unless bad records are skipped.
/// </summary>
public sealed class VenueProfileCsvReader
{
    /// <summary>The full header.</summary>
    public const string Header = "venue,kind,commune,name,expected_daily,closed_on";

    private static readonly string[] Columns = ["venue", "kind", "commune", "name", "expected_daily", "closed_on"];

    private readonly CsvTable _table;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Creates a reader.</summary>
    /// <param name="reader">The CSV text, at its start (the caller disposes it).</param>
    /// <param name="skipBadRecords">Report a bad record and go on, rather than end the read.</param>
    public VenueProfileCsvReader(TextReader reader, bool skipBadRecords = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _table = new CsvTable(reader, Columns, 1, new CsvCodes(ComplianceCodes.VenueProfileCsv.Header, ComplianceCodes.VenueProfileCsv.FieldCount,
            ComplianceCodes.VenueProfileCsv.Quote, ComplianceCodes.VenueProfileCsv.RecordTooLong), skipBadRecords, ComplianceCodes.Messages);
    }

    /// <summary>The profile read by the last <see cref="Read"/> that returned true.</summary>
    public VenueProfile? Current { get; private set; }

    /// <summary>Reads the next profile; checks the header first.</summary>
    /// <returns>True with <see cref="Current"/>; false at the end; or a coded problem with its line and field.</returns>
    /// <exception cref="IOException">The underlying reader fails.</exception>
    public Result<bool> Read()
    {
        var next = _table.Next();
        if (!next.TryGetValue(out var more) || !more)
        {
            return next;
        }

        var venue = _table.Fields[0].Trim();
        if (venue.Length is 0 or > 200 || venue.Any(char.IsControl) || !_seen.Add(venue))
        {
            return _table.Fail(_table.Error(ComplianceCodes.VenueProfileCsv.Venue, 0));
        }

        if (VenueCsvReader.KindOf(_table.Optional(1)) is not { } kind)
        {
            return _table.Fail(_table.Error(ComplianceCodes.VenueProfileCsv.Kind, 1));
        }

        int? commune = null;
        var communeText = _table.Optional(2);
        if (communeText.Length > 0)
        {
            if (communeText.Length > 5 || !int.TryParse(communeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return _table.Fail(_table.Error(ComplianceCodes.VenueProfileCsv.Commune, 2));
            }

            commune = code;
        }

        var name = _table.Optional(3);
        double? expected = null;
        var expectedText = _table.Optional(4);
        if (expectedText.Length > 0)
        {
            if (expectedText.Length > 12 || !double.TryParse(expectedText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1_000_000)
            {
                return _table.Fail(_table.Error(ComplianceCodes.VenueProfileCsv.Expected, 4));
            }

            expected = value;
        }

        var closed = new List<IsoDayOfWeek>();
        foreach (var day in _table.Optional(5).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (DayOf(day) is not { } parsed || closed.Contains(parsed))
            {
                return _table.Fail(_table.Error(ComplianceCodes.VenueProfileCsv.ClosedOn, 5));
            }

            closed.Add(parsed);
        }

        Current = new VenueProfile(venue, name.Length == 0 ? null : name, commune, kind, expected) { ClosedOn = closed };
        return Result.Ok(true);
    }

    private static IsoDayOfWeek? DayOf(string text) => text.ToLowerInvariant() switch
    {
        "mon" or "1" => IsoDayOfWeek.Monday,
        "tue" or "2" => IsoDayOfWeek.Tuesday,
        "wed" or "3" => IsoDayOfWeek.Wednesday,
        "thu" or "4" => IsoDayOfWeek.Thursday,
        "fri" or "5" => IsoDayOfWeek.Friday,
        "sat" or "6" => IsoDayOfWeek.Saturday,
        "sun" or "7" => IsoDayOfWeek.Sunday,
        _ => null,
    };
}
