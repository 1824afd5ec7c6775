using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Tracing.FollowUp;

/// <summary>
/// Follow-up records as a province's systems take them: CSV (one row per contact) and JSON (with every change). Persons
/// are written as the caller's <c>nameOf</c> gives them (a pseudonym's text, or the host's own identifier for it).
/// </summary>
public static class FollowUpWriter
{
    /// <summary>The CSV header.</summary>
    public const string CsvHeader = "person,level,last_exposure,commune,state,protection,quarantine_until,tests_due,last_change_at,last_change_by";

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <see cref="CsvHeader"/> and one row per record, by level then last exposure then person (LF line ends, RFC 4180 quoting).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="records">The records.</param>
    /// <param name="nameOf">How to write a person.</param>
    public static void WriteCsv(TextWriter writer, IEnumerable<FollowUpRecord> records, Func<PersonPseudonym, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(nameOf);
        writer.Write(CsvHeader);
        writer.Write('\n');
        foreach (var r in Ordered(records, nameOf))
        {
            var last = r.History[^1];
            CsvRecordWriter.WriteRecord(writer, nameOf(r.Person), r.Level.ToString(CultureInfo.InvariantCulture), Date(r.LastExposure),
                r.Commune?.ToString("D5", CultureInfo.InvariantCulture) ?? string.Empty, FollowUpNames.Of(r.State), FollowUpNames.Of(r.Protection),
                r.QuarantineUntil is { } until ? Date(until) : string.Empty, string.Join(' ', r.TestsDue.Select(Date)),
                InstantPattern.ExtendedIso.Format(last.At), last.Actor);
        }
    }

    /// <summary>Writes the records as a JSON array, each with its history.</summary>
    /// <param name="destination">Where to write (UTF-8).</param>
    /// <param name="records">The records.</param>
    /// <param name="nameOf">How to write a person.</param>
    public static void WriteJson(Stream destination, IEnumerable<FollowUpRecord> records, Func<PersonPseudonym, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(nameOf);
        using var json = new Utf8JsonWriter(destination, Indented);
        json.WriteStartArray();
        foreach (var r in Ordered(records, nameOf))
        {
            json.WriteStartObject();
            json.WriteString("person", nameOf(r.Person));
            json.WriteNumber("level", r.Level);
            json.WriteString("lastExposure", Date(r.LastExposure));
            if (r.Commune is { } commune)
            {
                json.WriteNumber("commune", commune);
            }

            json.WriteString("state", FollowUpNames.Of(r.State));
            json.WriteString("protection", FollowUpNames.Of(r.Protection));
            if (r.QuarantineUntil is { } until)
            {
                json.WriteString("quarantineUntil", Date(until));
            }

            json.WriteStartArray("testsDue");
            foreach (var day in r.TestsDue)
            {
                json.WriteStringValue(Date(day));
            }

            json.WriteEndArray();
            json.WriteStartArray("history");
            foreach (var change in r.History)
            {
                json.WriteStartObject();
                json.WriteString("at", InstantPattern.ExtendedIso.Format(change.At));
                json.WriteString("by", change.Actor);
                json.WriteString("from", FollowUpNames.Of(change.From));
                json.WriteString("to", FollowUpNames.Of(change.To));
                if (change.Note is { } note)
                {
                    json.WriteString("note", note);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static IEnumerable<FollowUpRecord> Ordered(IEnumerable<FollowUpRecord> records, Func<PersonPseudonym, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.OrderBy(r => r.Level).ThenBy(r => r.LastExposure).ThenBy(r => nameOf(r.Person), StringComparer.Ordinal);
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
