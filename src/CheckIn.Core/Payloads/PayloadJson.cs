using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CheckIn.Core.Payloads;

/// <summary>
/// Writes a payload as JSON for tools and integrations: <c>{"kind", "quirks", "masked", "fields": {…}}</c>, the fields
/// of <see cref="CheckInPayload.GetFields"/> in format order, masked unless revealed (the same masking as
/// <see cref="CheckInPayload.ToString"/> and <see cref="Redaction.MaskScannedText"/>).
/// </summary>
public static class PayloadJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the payload as a JSON object at the writer's position.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="reveal">True to write ID numbers, names, addresses and dates of birth in full.</param>
    public static void Write(Utf8JsonWriter json, CheckInPayload payload, bool reveal = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(payload);
        json.WriteStartObject();
        json.WriteString("kind", payload.Kind.ToString());
        json.WriteStartArray("quirks");
        foreach (var quirk in Enum.GetValues<PayloadQuirks>())
        {
            if (quirk != PayloadQuirks.None && payload.Quirks.HasFlag(quirk))
            {
                json.WriteStringValue(quirk.ToString());
            }
        }

        json.WriteEndArray();
        json.WriteBoolean("masked", !reveal);
        json.WriteStartObject("fields");
        foreach (var field in payload.GetFields(reveal))
        {
            json.WriteString(field.Name, field.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The payload as JSON text (Vietnamese letters unescaped).</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="reveal">True to write personal data in full.</param>
    /// <param name="indented">Indent the output.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(CheckInPayload payload, bool reveal = false, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, indented ? Indented : Compact))
        {
            Write(json, payload, reveal);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
