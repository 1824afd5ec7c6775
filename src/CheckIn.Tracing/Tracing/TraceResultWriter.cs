using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CheckIn.Core;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Tracing;

/// <summary>
/// Writes a <see cref="TraceResult"/> for people and programs: CSV (one contact per record) or JSON (the cases,
/// contacts with both visits, exposure notices and warnings). Persons print as the caller's input named them
/// (usually through a <see cref="PseudonymTable"/>), so the output joins back to the input; contacts are ordered
/// by level, exposure time, then that name, so two runs with different keys print the same file.
/// </summary>
public static class TraceResultWriter
{
    /// <summary>The CSV header.</summary>
    public const string CsvHeader = "person,level,exposed_at,venue,overlap_minutes,source,assumed,score,evidence,distance";

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The contacts in print order: level, exposure time, then the name they print as (ordinal).</summary>
    /// <param name="result">The trace.</param>
    /// <param name="nameOf">How a person prints.</param>
    /// <returns>The contacts.</returns>
    public static IReadOnlyList<Contact> Ordered(TraceResult result, Func<PersonPseudonym, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(nameOf);
        return [.. result.Contacts.OrderBy(c => c.Level).ThenBy(c => c.ExposedAt).ThenBy(c => nameOf(c.Person), StringComparer.Ordinal)];
    }

    /// <summary>
    /// Writes <see cref="CsvHeader"/> and one record per contact (LF line ends, RFC 4180 quoting); <c>assumed</c> is
    /// <c>true</c> when the overlap lies in an assumed tail (<see cref="Contact.InAssumedTail"/>); <c>venue</c> is empty
    /// when the evidence kept is an encounter; <c>evidence</c> is <c>venue</c>, <c>proximity</c> or <c>both</c>
    /// (<see cref="Contact.Evidence"/>) and <c>distance</c> the encounter's class (<c>close</c>, <c>near</c>, …) or empty.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="result">The trace.</param>
    /// <param name="nameOf">How a person prints (for example <see cref="PseudonymTable.IdentifierOf"/>).</param>
    public static void WriteCsv(TextWriter writer, TraceResult result, Func<PersonPseudonym, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(CsvHeader);
        writer.Write('\n');
        foreach (var c in Ordered(result, nameOf))
        {
            CsvRecordWriter.WriteRecord(writer, nameOf(c.Person), c.Level.ToString(CultureInfo.InvariantCulture), Iso(c.ExposedAt), c.Venue ?? string.Empty,
                Math.Round(c.Overlap.TotalMinutes, 2).ToString(CultureInfo.InvariantCulture), nameOf(c.Source), c.InAssumedTail ? "true" : "false",
                c.Score.ToString("0.######", CultureInfo.InvariantCulture), EvidenceName(c.Evidence),
                c.Encounter is { } e ? EncounterDistances.Name(e.Distance) : string.Empty);
        }
    }

    /// <summary>
    /// Writes the trace as one JSON object: <c>asOf</c>, <c>cases</c> (person, from, until), <c>contacts</c> (person,
    /// level, exposedAt, venue (null for an encounter), overlapMinutes, evidence, source, inAssumedTail, score, sourceVisit and contactVisit with
    /// checkIn, checkOut and closure for a venue overlap, encounter with source, exposedAt, overlapMinutes, distance, start and end when proximity reached them), <c>notices</c> (venue, from, until)
    /// and <c>warnings</c> (code, message, field); times as ISO-8601 UTC.
    /// </summary>
    /// <param name="destination">Where to write (UTF-8).</param>
    /// <param name="result">The trace.</param>
    /// <param name="nameOf">How a person prints.</param>
    /// <param name="language">The language of the warnings' messages.</param>
    /// <param name="indented">Indent the output.</param>
    public static void WriteJson(Stream destination, TraceResult result, Func<PersonPseudonym, string> nameOf, MessageLanguage language, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(destination, indented ? Indented : Compact);
        json.WriteStartObject();
        json.WriteString("asOf", Iso(result.AsOf));
        json.WriteStartArray("cases");
        foreach (var c in result.Cases)
        {
            json.WriteStartObject();
            json.WriteString("person", nameOf(c.Person));
            json.WriteString("from", Iso(c.From));
            json.WriteString("until", Iso(c.Until));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("contacts");
        foreach (var c in Ordered(result, nameOf))
        {
            json.WriteStartObject();
            json.WriteString("person", nameOf(c.Person));
            json.WriteNumber("level", c.Level);
            json.WriteString("exposedAt", Iso(c.ExposedAt));
            json.WriteString("venue", c.Venue);
            json.WriteNumber("overlapMinutes", c.Overlap.TotalMinutes);
            json.WriteString("evidence", EvidenceName(c.Evidence));
            json.WriteString("source", nameOf(c.Source));
            json.WriteBoolean("inAssumedTail", c.InAssumedTail);
            json.WriteNumber("score", Math.Round(c.Score, 6));
            if (c.OthersPresent is { } others)
            {
                json.WriteNumber("othersPresent", others);
            }
            if (c.SourceVisit is { } sourceVisit && c.ContactVisit is { } contactVisit)
            {
                WriteInterval(json, "sourceVisit", sourceVisit);
                WriteInterval(json, "contactVisit", contactVisit);
            }

            if (c.Encounter is { } encounter)
            {
                json.WriteStartObject("encounter");
                json.WriteString("source", nameOf(encounter.Source));
                json.WriteString("exposedAt", Iso(encounter.ExposedAt));
                json.WriteNumber("overlapMinutes", encounter.Overlap.TotalMinutes);
                json.WriteString("distance", EncounterDistances.Name(encounter.Distance));
                json.WriteString("start", Iso(encounter.Encounter.Start));
                json.WriteString("end", Iso(encounter.Encounter.End));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notices");
        foreach (var n in result.Notices)
        {
            json.WriteStartObject();
            json.WriteString("venue", n.Venue);
            json.WriteString("from", Iso(n.From));
            json.WriteString("until", Iso(n.Until));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("warnings");
        json.WriteStartArray();
        foreach (var warning in result.Warnings)
        {
            CheckInErrorJson.Write(json, warning, language);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter json, string name, VisitInterval interval)
    {
        json.WriteStartObject(name);
        json.WriteString("checkIn", Iso(interval.CheckIn));
        json.WriteString("checkOut", Iso(interval.CheckOut));
        json.WriteString("closure", interval.Closure.ToString());
        json.WriteEndObject();
    }

    /// <summary>How the CSV and JSON name a contact's evidence: <c>venue</c>, <c>proximity</c> or <c>both</c>.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <returns>The name.</returns>
    public static string EvidenceName(ContactEvidence evidence) => evidence switch
    {
        ContactEvidence.Proximity => "proximity",
        ContactEvidence.Both => "both",
        _ => "venue",
    };

    private static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
