namespace CheckIn.Core;

/// <summary>
/// Masks personal data for display and logs. Every identifier's <c>ToString()</c> goes through here, so a
/// full ID number, name or phone never reaches a log by accident.
/// </summary>
public static class Redaction
{
    /// <summary>The character that replaces hidden characters.</summary>
    public const char MaskCharacter = '*';

    /// <summary>
    /// Keeps the first <paramref name="keepStart"/> and last <paramref name="keepEnd"/> characters and masks the
    /// rest: <c>Mask("079301000456", 3, 2)</c> → <c>079*******56</c>. When that would hide fewer than a third of
    /// the characters, everything is masked.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="keepStart">Characters kept at the start.</param>
    /// <param name="keepEnd">Characters kept at the end.</param>
    /// <returns>The masked text, as long as the value.</returns>
    public static string Mask(ReadOnlySpan<char> value, int keepStart, int keepEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepStart);
        ArgumentOutOfRangeException.ThrowIfNegative(keepEnd);
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        var hidden = value.Length - keepStart - keepEnd;
        if (hidden < Math.Max(1, value.Length / 3))
        {
            return new string(MaskCharacter, value.Length);
        }

        return string.Concat(value[..keepStart], new string(MaskCharacter, hidden), value[^keepEnd..]);
    }

    /// <summary>
    /// Masks a person's name to initials, keeping word boundaries: <c>NGUYEN VAN AN</c> → <c>N***** V** A*</c>.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The masked name.</returns>
    public static string MaskName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return string.Empty;
        }

        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var atWordStart = true;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsWhiteSpace(c))
            {
                buffer[i] = ' ';
                atWordStart = true;
            }
            else
            {
                buffer[i] = atWordStart ? c : MaskCharacter;
                atWordStart = false;
            }
        }

        return new string(buffer);
    }
}
