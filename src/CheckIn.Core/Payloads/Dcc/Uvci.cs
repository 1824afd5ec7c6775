namespace CheckIn.Core.Payloads.Dcc;

/// <summary>
/// A unique vaccination certificate identifier (UVCI, eHealth Network guidelines, annex 2): an optional <c>URN:UVCI:</c>
/// prefix, version <c>01</c>, the issuing country, an opaque unique string, and an optional <c>#</c> with a Luhn mod 38
/// check character over everything before it.
/// </summary>
/// <param name="Country">The issuing country, e.g. <c>VN</c>.</param>
/// <param name="UniqueString">The opaque part after the country (schema and issuer specific).</param>
/// <param name="CheckCharacter">The check character after <c>#</c>, or null.</param>
/// <param name="CheckCharacterValid">Whether the check character matches (null without one). A wrong one is reported, not refused: some issuers computed it differently.</param>
public readonly record struct Uvci(string Country, string UniqueString, char? CheckCharacter, bool? CheckCharacterValid)
{
    /// <summary>The 38 characters of a UVCI and of its check character, in code-point order.</summary>
    private const string CodePoints = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:";

    /// <summary>Reads a UVCI, without case.</summary>
    /// <param name="text">The text of member <c>ci</c>.</param>
    /// <param name="value">The UVCI when the text has its shape.</param>
    /// <returns>True when the text has the shape of a UVCI.</returns>
    public static bool TryParse(string? text, out Uvci value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 80)
        {
            return false;
        }

        var upper = text.ToUpperInvariant();
        var body = upper.AsSpan();
        var hash = body.IndexOf('#');
        char? check = null;
        if (hash >= 0)
        {
            if (hash != body.Length - 2 || CodePoints.IndexOf(body[^1], StringComparison.Ordinal) < 0)
            {
                return false;
            }

            check = body[^1];
            body = body[..hash];
        }

        var rest = body.StartsWith("URN:UVCI:", StringComparison.Ordinal) ? body[9..] : body;
        if (!rest.StartsWith("01:", StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[3..];
        var colon = rest.IndexOf(':');
        if (colon is < 2 or > 10 || rest[..colon].ContainsAnyExceptInRange('A', 'Z'))
        {
            return false;
        }

        var unique = rest[(colon + 1)..];
        foreach (var c in body)
        {
            if (CodePoints.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        if (unique.IsEmpty)
        {
            return false;
        }

        value = new Uvci(rest[..colon].ToString(), unique.ToString(), check, check is { } c2 ? CheckCharacterOf(body) == c2 : null);
        return true;
    }

    /// <summary>The Luhn mod 38 check character of a UVCI's text (the part before <c>#</c>, upper case, prefix included).</summary>
    /// <param name="text">The text, in the 38 UVCI characters.</param>
    /// <returns>The check character.</returns>
    /// <exception cref="ArgumentException">A character is not one of the 38.</exception>
    public static char CheckCharacterOf(ReadOnlySpan<char> text)
    {
        var n = CodePoints.Length;
        var factor = 2;
        var sum = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var codePoint = CodePoints.IndexOf(text[i], StringComparison.Ordinal);
            if (codePoint < 0)
            {
                throw new ArgumentException("The text has a character outside the UVCI alphabet.", nameof(text));
            }

            var addend = factor * codePoint;
            factor = factor == 2 ? 1 : 2;
            sum += (addend / n) + (addend % n);
        }

        return CodePoints[(n - (sum % n)) % n];
    }
}
