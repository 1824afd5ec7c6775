using System.Globalization;
using System.Reflection;
using System.Text;
using CheckIn.Core;

namespace CheckIn.Declarations;

/// <summary>
/// The <c>ToString()</c> of documents and their parts: every property, with personal data masked by CheckIn's one
/// policy (<see cref="Redaction"/>): names to initials, document numbers and vehicle plates to their last two
/// characters, phones to prefix and last two digits, e-mail to its domain, street lines, addresses and free text to
/// <c>***</c>; lists as their count.
/// </summary>
internal static class DocumentText
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "FullName", "RegistrantName", "WrittenBy", "CheckedBy", "Sampler" };
    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal) { "DocumentNumber", "PassportNumber", "VehicleNumber" };
    private static readonly HashSet<string> Phones = new(StringComparer.Ordinal) { "Phone", "RegistrantPhone" };
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "Street", "Text", "Seat" };

    public static string Describe(object value)
    {
        var type = value.GetType();
        var text = new StringBuilder(type.Name).Append(" { ");
        var first = true;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            var shown = Show(property.Name, property.GetValue(value));
            if (shown is null)
            {
                continue;
            }

            text.Append(first ? string.Empty : ", ").Append(property.Name).Append(" = ").Append(shown);
            first = false;
        }

        return text.Append(first ? "}" : " }").ToString();
    }

    private static string? Show(string name, object? value) => value switch
    {
        null => null,
        string s when Names.Contains(name) => Redaction.MaskName(s),
        string s when Numbers.Contains(name) => Redaction.MaskDocumentNumber(s),
        string s when Phones.Contains(name) => Redaction.MaskPhone(s),
        string s when name == "Email" => Redaction.MaskEmail(s),
        string s when Hidden.Contains(name) || name == "Address" => s.Length == 0 ? string.Empty : "***",
        string s => s,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
