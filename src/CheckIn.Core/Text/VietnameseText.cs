using System.Globalization;
using System.Text;

namespace CheckIn.Core.Text;

/// <summary>
/// Text helpers for Vietnamese names and addresses as they arrive from cards, scanners and forms.
/// </summary>
/// <remarks>
/// Card QR codes carry names with diacritics, sometimes composed (NFC) and sometimes decomposed (NFD),
/// while the national personal QR standard requires upper case without diacritics. These helpers make
/// the two comparable. All methods are culture-invariant.
/// </remarks>
public static class VietnameseText
{
    /// <summary>Returns <paramref name="text"/> in Unicode normalization form C (composed).</summary>
    /// <param name="text">The text to normalize.</param>
    /// <returns>The composed form; the same instance when it is already normalized.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string ToNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsNfc(text) ? text : NormalizeLenient(text, NormalizationForm.FormC);
    }

    /// <summary>
    /// True when the text is in NFC. Vietnamese text (Latin up to U+02FF and the precomposed letters of Latin
    /// Extended Additional, U+1E00–U+1EFF, all NFC-stable) is checked without calling ICU, which allocates;
    /// broken surrogate pairs count as not normalized rather than throwing.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>True when <see cref="ToNfc"/> would return it unchanged.</returns>
    public static bool IsNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c >= '̀' && c is < 'Ḁ' or > 'ỿ')
            {
                return IsNormalizedLenient(text);
            }
        }

        return true;
    }

    private static bool IsNormalizedLenient(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 is never normalized; ToNfc replaces the lone surrogates.
            return false;
        }
    }

    /// <summary>
    /// Removes Vietnamese diacritics (tone marks, circumflex, breve, horn) and maps <c>đ</c>/<c>Đ</c> to
    /// <c>d</c>/<c>D</c>, keeping the case of each letter: <c>Nguyễn Văn Ánh</c> → <c>Nguyen Van Anh</c>.
    /// </summary>
    /// <param name="text">The text to fold; NFC or NFD input gives the same result.</param>
    /// <returns>The text without combining marks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string RemoveDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsPlainAscii(text))
        {
            return text;
        }

        var decomposed = NormalizeLenient(text, NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'đ':
                    builder.Append('d');
                    break;
                case 'Đ':
                    builder.Append('D');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return NormalizeLenient(builder.ToString(), NormalizationForm.FormC);
    }

    /// <summary>
    /// Folds a person's name into the form the national personal QR standard uses: upper case, no
    /// diacritics, single spaces, trimmed: <c>" Nguyễn  văn ánh "</c> → <c>NGUYEN VAN ANH</c>.
    /// </summary>
    /// <param name="name">The name to fold.</param>
    /// <returns>The folded name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static string FoldName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CollapseWhitespace(RemoveDiacritics(name)).ToUpperInvariant();
    }

    /// <summary>Trims and replaces every run of white space with one ordinary space.</summary>
    /// <param name="text">The text to collapse.</param>
    /// <returns>The collapsed text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string CollapseWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var changed = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                // A space is kept as is only when it is a single ordinary space between two words.
                changed |= c != ' ' || pendingSpace || builder.Length == 0;
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        changed |= pendingSpace;
        return changed ? builder.ToString() : text;
    }

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    // string.Normalize throws on ill-formed UTF-16 (lone surrogates), which scanners in keyboard-wedge
    // mode can produce. Replace those with U+FFFD first so normalization never throws on input text.
    private static string NormalizeLenient(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            return ReplaceLoneSurrogates(text).Normalize(form);
        }
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
