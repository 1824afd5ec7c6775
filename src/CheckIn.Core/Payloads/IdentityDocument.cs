using CheckIn.Core.Identity;

namespace CheckIn.Core.Payloads;

/// <summary>
/// The document number of a national personal QR: a CCCD, CMND or passport number, possibly masked for
/// display (the first 6 characters replaced by <c>*</c>).
/// </summary>
public readonly record struct IdentityDocument
{
    /// <summary>How many leading characters a masked number hides.</summary>
    public const int MaskedPrefixLength = 6;

    private readonly string? _number;

    private IdentityDocument(IdentityDocumentKind kind, string number, bool isMasked)
    {
        Kind = kind;
        _number = number;
        IsMasked = isMasked;
    }

    /// <summary>CCCD, CMND or passport.</summary>
    public IdentityDocumentKind Kind { get; }

    /// <summary>The number as carried by the code (with its <c>*</c> when masked). Personal data when not masked.</summary>
    public string Number => _number ?? string.Empty;

    /// <summary>True when the first 6 characters are masked.</summary>
    public bool IsMasked { get; }

    /// <summary>A document from a CCCD number.</summary>
    /// <param name="id">The ID number.</param>
    /// <returns>The document.</returns>
    public static IdentityDocument FromCitizenId(CitizenId id) => new(IdentityDocumentKind.CitizenId, id.Value, false);

    /// <summary>A document from a CMND number.</summary>
    /// <param name="number">The CMND number.</param>
    /// <returns>The document.</returns>
    public static IdentityDocument FromLegacyIdNumber(LegacyIdNumber number) =>
        new(number.DigitCount == CitizenId.Length ? IdentityDocumentKind.CitizenId : IdentityDocumentKind.LegacyIdNumber, number.Value, false);

    /// <summary>A document from a passport number.</summary>
    /// <param name="number">The passport number.</param>
    /// <returns>The document.</returns>
    public static IdentityDocument FromPassport(PassportNumber number) =>
        number.Value.Length == 0 ? throw new ArgumentException("The passport number is empty.", nameof(number)) : new(IdentityDocumentKind.Passport, number.Value, false);

    /// <summary>The same document masked for display: the first 6 characters replaced by <c>*</c>.</summary>
    /// <returns>The masked document.</returns>
    public IdentityDocument Masked() =>
        IsMasked || Number.Length == 0 ? this : new(Kind, new string(Redaction.MaskCharacter, MaskedPrefixLength) + Number[MaskedPrefixLength..], true);

    /// <summary>The CCCD number, when this is an unmasked CCCD.</summary>
    /// <param name="id">The number.</param>
    /// <returns>True when available.</returns>
    public bool TryGetCitizenId(out CitizenId id)
    {
        id = default;
        return Kind == IdentityDocumentKind.CitizenId && !IsMasked && CitizenId.TryParse(Number, out id);
    }

    /// <summary>Returns the number masked for display.</summary>
    /// <returns>The masked text.</returns>
    public override string ToString() => Redaction.MaskDocumentNumber(Number);

    internal static bool TryRead(ReadOnlySpan<char> text, out IdentityDocument document)
    {
        document = default;
        var masked = text.Length > MaskedPrefixLength && text[..MaskedPrefixLength].IndexOfAnyExcept('*') < 0;
        var visible = masked ? text[MaskedPrefixLength..] : text;
        if (visible.IsEmpty || visible.IndexOfAnyExcept(Base36Characters) >= 0)
        {
            return false;
        }

        var allDigits = Fields.IsDigits(visible);
        if (allDigits && text.Length == CitizenId.Length)
        {
            document = new(IdentityDocumentKind.CitizenId, text.ToString(), masked);
            return true;
        }

        if (allDigits && text.Length == LegacyIdNumber.Length)
        {
            document = new(IdentityDocumentKind.LegacyIdNumber, text.ToString(), masked);
            return true;
        }

        if (masked ? text.Length is >= PassportNumber.MinLength + 1 and <= PassportNumber.MaxLength : PassportNumber.TryParse(text, out _))
        {
            document = new(IdentityDocumentKind.Passport, text.ToString().ToUpperInvariant(), masked);
            return true;
        }

        return false;
    }

    private static ReadOnlySpan<char> Base36Characters => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
}
