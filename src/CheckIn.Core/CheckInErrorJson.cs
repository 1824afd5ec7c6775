using System.Text.Json;

namespace CheckIn.Core;

/// <summary>Writes a <see cref="CheckInError"/> as JSON, the same shape in every package and tool.</summary>
public static class CheckInErrorJson
{
    /// <summary>
    /// Writes <c>{"code", "message", "line"?, "field"?, "position"?, "property"?}</c>: the message in the language
    /// asked for (without the location, which the other properties carry); a location only when it applies.
    /// </summary>
    /// <param name="json">The writer, at a value position.</param>
    /// <param name="error">The error.</param>
    /// <param name="language">The message language.</param>
    /// <param name="overrides">A host's own messages, or null.</param>
    /// <exception cref="InvalidOperationException">The error is empty.</exception>
    public static void Write(Utf8JsonWriter json, CheckInError error, MessageLanguage language, IErrorMessages? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var message = error.GetDescription(language, overrides);
        json.WriteStartObject();
        json.WriteString("code", error.Code);
        json.WriteString("message", message);
        if (error.Line > 0)
        {
            json.WriteNumber("line", error.Line);
        }

        if (error.Field != CheckInError.None)
        {
            json.WriteNumber("field", error.Field);
        }

        if (error.Position != CheckInError.None)
        {
            json.WriteNumber("position", error.Position);
        }

        if (error.Property is { } property)
        {
            json.WriteString("property", property);
        }

        json.WriteEndObject();
    }
}
