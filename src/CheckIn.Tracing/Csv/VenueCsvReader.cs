using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Tracing.Venues;

namespace CheckIn.Tracing.Csv;

/// <summary>
/// Reads venues into a <see cref="VenueRegistry"/>: the header <c>venue,kind</c> with optional columns
/// <c>commune</c> (the commune's code in the registry's era) and <c>name</c>, then one venue per record. <c>kind</c>
/// is a <see cref="VenueKind"/> name in any case, with or without <c>_</c> or <c>-</c> (<c>market</c>,
/// <c>place_of_worship</c>), or empty for unspecified. RFC 4180 quoting; streams; never throws on content: a bad
/// record is a coded error (<c>VenueCsv.*</c>) with its line and field, which ends the read or, with
/// <see cref="VisitCsvReaderOptions.SkipBadRecords"/>, is reported and skipped.
/// </summary>
public sealed class VenueCsvReader
{
    /// <summary>The full header (<c>commune</c> and <c>name</c> are optional).</summary>
    public const string Header = "venue,kind,commune,name";

    private static readonly CsvCodes Codes = new(TracingErrorCodes.VenueCsv.Header, TracingErrorCodes.VenueCsv.FieldCount, TracingErrorCodes.VenueCsv.Quote, TracingErrorCodes.VenueCsv.RecordTooLong);

    private readonly CsvTable _table;
    private readonly VenueRegistry _registry;

    /// <summary>Creates a reader that registers what it reads.</summary>
    /// <param name="reader">The CSV text, at its start (the caller disposes it).</param>
    /// <param name="registry">Where the venues go.</param>
    /// <param name="options">The options, or null for <see cref="VisitCsvReaderOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    public VenueCsvReader(TextReader reader, VenueRegistry registry, VisitCsvReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(registry);
        var resolved = options ?? VisitCsvReaderOptions.Default;
        InvalidOptionsException.ThrowIfAny(resolved.Validate(), nameof(options));
        _registry = registry;
        _table = new CsvTable(reader, ["venue", "kind", "commune", "name"], 2, Codes, resolved.SkipBadRecords);
    }

    /// <summary>The venue registered by the last successful <see cref="Read"/> that returned true.</summary>
    public VenueRecord? Current { get; private set; }

    /// <summary>The venue kind a name means, or null: any case, <c>_</c> and <c>-</c> ignored; empty is unspecified.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The kind.</returns>
    public static VenueKind? KindOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Trim().Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (folded.Length == 0)
        {
            return VenueKind.Unspecified;
        }

        foreach (var kind in Enum.GetValues<VenueKind>())
        {
            if (string.Equals(kind.ToString(), folded, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Reads and registers the next venue; checks the header first.</summary>
    /// <returns>True with <see cref="Current"/> registered; false at the end; or a coded problem (<c>VenueCsv.*</c>) with its line and field.</returns>
    /// <exception cref="IOException">The underlying reader fails.</exception>
    public Result<bool> Read()
    {
        var next = _table.Next();
        if (!next.TryGetValue(out var more) || !more)
        {
            return next;
        }

        var fields = _table.Fields;
        if (KindOf(fields[1]) is not { } kind)
        {
            return _table.Fail(_table.Error(TracingErrorCodes.VenueCsv.Kind, 1));
        }

        int? commune = null;
        var communeText = _table.Optional(2);
        if (communeText.Length > 0)
        {
            if (communeText.Length > 5 || !int.TryParse(communeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                return _table.Fail(_table.Error(TracingErrorCodes.VenueCsv.Commune, 2));
            }

            commune = code;
        }

        var registered = _registry.Register(fields[0], kind, commune, _table.Optional(3));
        if (!registered.TryGetValue(out var record))
        {
            return _table.Fail(registered.Error.Code == TracingErrorCodes.Venue.Key
                ? _table.Error(TracingErrorCodes.VenueCsv.Venue, 0)
                : _table.Error(TracingErrorCodes.VenueCsv.Commune, 2));
        }

        Current = record;
        return Result.Ok(true);
    }
}
