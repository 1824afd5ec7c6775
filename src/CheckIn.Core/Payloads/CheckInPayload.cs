namespace CheckIn.Core.Payloads;

/// <summary>
/// A payload read from, or to be written into, a national QR code. Derived records hold the typed fields
/// of one format; <see cref="PayloadReader"/> detects the format of scanned text.
/// </summary>
/// <remarks>
/// Payloads hold personal data. <see cref="ToString"/> and <see cref="GetFields"/> mask it unless asked to
/// reveal; the full values are only available through the typed properties.
/// </remarks>
public abstract record CheckInPayload
{
    private protected CheckInPayload()
    {
    }

    /// <summary>Which national code this is.</summary>
    public abstract PayloadKind Kind { get; }

    /// <summary>Irregularities the reader repaired; <see cref="PayloadQuirks.None"/> for written values.</summary>
    public PayloadQuirks Quirks { get; init; }

    /// <summary>Writes the payload in its format; reading the text back gives an equal value (with no quirks).</summary>
    /// <returns>The text to put into a QR code.</returns>
    public abstract string ToText();

    /// <summary>The payload's fields by name, masked unless <paramref name="reveal"/> is true.</summary>
    /// <param name="reveal">True to show full ID numbers, names, phones and dates of birth.</param>
    /// <returns>The fields in format order.</returns>
    public abstract IReadOnlyList<PayloadField> GetFields(bool reveal = false);

    /// <summary>Returns the kind and the masked fields; never personal data in full.</summary>
    /// <returns>The text.</returns>
    public sealed override string ToString() =>
        Kind + " { " + string.Join(", ", GetFields(reveal: false).Select(f => f.Name + " = " + (f.Value ?? "null"))) + " }";
}
