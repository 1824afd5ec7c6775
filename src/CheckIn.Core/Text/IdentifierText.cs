using System.Globalization;
using System.Text;
using CheckIn.Core.Identity;

namespace CheckIn.Core.Text;

/// <summary>
/// The one canonical spelling of an identifier (a venue id, a person's key) typed, pasted or exported by different
/// apps, so spellings of one thing compare equal: <c>V1</c>, <c> V1</c>, <c>V1</c> followed by a zero-width space
/// and the fullwidth <c>Ｖ1</c> are one venue; <c>0912 345 678</c>, <c>+84912345678</c> and <c>0912.345.678</c> one
/// phone (<see cref="CanonicalizePerson"/>).
/// </summary>
/// <remarks>
/// <see cref="Canonicalize"/>: Unicode compatibility composition (NFKC: fullwidth and other compatibility forms
/// become their plain letters and digits), invisible format characters removed (Unicode category Cf: zero-width
/// spaces and joiners, bidirectional controls, the byte order mark), white space and control characters trimmed and
/// each inner run made one space. Letter case is kept, so keys print as written; compare case-insensitively where
/// case does not matter (the pseudonymizer does). <see cref="CanonicalizePerson"/> adds one rule: a key written as a
/// Vietnamese phone number (starting with <c>0</c>, <c>+84</c>, <c>0084</c>, or <c>84</c> and 11–12 digits; an
/// ID or insurance number never does) becomes its national form, <c>0912345678</c> (old 11-digit mobile numbers
/// converted: <c>01212345678</c> is <c>0792345678</c>). National rather than E.164, so a key never starts with
/// <c>+</c>, which a spreadsheet reads as a formula.
/// </remarks>
public static class IdentifierText
{
    /// <summary>The canonical spelling of an identifier.</summary>
    /// <param name="text">The identifier as written.</param>
    /// <returns>The canonical text; empty when nothing visible is left.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Canonicalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsPlainCanonical(text))
        {
            return text;
        }

        // Removing a format character can bring a letter and a combining mark together, so composition runs again
        // until nothing changes (twice for any text seen in practice; bounded).
        var current = text;
        for (var pass = 0; pass < 4; pass++)
        {
            var next = Filter(Compose(current));
            if (next == current)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    private static string Compose(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 (a lone surrogate): replaced, as a decoder would.
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Normalize(NormalizationForm.FormKC);
        }
    }

    /// <summary>Format characters removed, control characters made spaces, then white space trimmed and each inner run one space.</summary>
    private static string Filter(string composed)
    {
        var plain = composed;
        foreach (var c in composed)
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                plain = string.Concat(composed.Where(k => char.GetUnicodeCategory(k) != UnicodeCategory.Format)
                    .Select(k => char.GetUnicodeCategory(k) == UnicodeCategory.Control ? ' ' : k));
                break;
            }
        }

        var collapsed = VietnameseText.CollapseWhitespace(plain);
        return collapsed == composed ? composed : collapsed;
    }

    /// <summary>The canonical spelling of a person's key: a phone number in its national form, anything else as <see cref="Canonicalize"/>.</summary>
    /// <param name="text">The key as written.</param>
    /// <returns>The canonical text; empty when nothing visible is left.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string CanonicalizePerson(string text)
    {
        var canonical = Canonicalize(text);
        return LooksLikePhone(canonical) && PhoneNumber.TryParse(canonical, out var phone) ? phone.National : canonical;
    }

    /// <summary>Written as a phone, not as an ID number that happens to have a phone's digits.</summary>
    private static bool LooksLikePhone(string text)
    {
        if (text.StartsWith('+'))
        {
            return true;
        }

        Span<char> digits = stackalloc char[16];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c;
            }
        }

        ReadOnlySpan<char> d = digits[..count];
        return d.StartsWith('0') ? count is 10 or 11 || d.StartsWith("0084") : d.StartsWith("84") && count is 11 or 12;
    }

    /// <summary>Printable ASCII without runs of spaces or spaces at its ends: already canonical (the common case, no allocation).</summary>
    private static bool IsPlainCanonical(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < ' ' or > '~' || (c == ' ' && text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
