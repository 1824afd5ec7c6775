using System.Globalization;
using System.Text;

namespace CheckIn.Qr.Printing;

/// <summary>SVG text helpers: compact invariant numbers and XML escaping.</summary>
internal static class Svg
{
    public static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
