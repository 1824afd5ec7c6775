namespace CheckIn.Core.Payloads;

/// <summary>
/// Irregularities a reader tolerated and repaired. Nothing is dropped silently: every repair is recorded
/// here so an integrator can see what the scanner or the issuing app did.
/// </summary>
[Flags]
public enum PayloadQuirks
{
    /// <summary>The text was exactly as the format describes.</summary>
    None = 0,

    /// <summary>A trailing CR and/or LF (added by keyboard-wedge scanners) was removed.</summary>
    TrailingLineBreak = 1 << 0,

    /// <summary>A leading byte-order mark was removed.</summary>
    ByteOrderMark = 1 << 1,

    /// <summary>Text in decomposed Unicode (NFD) was normalized to NFC.</summary>
    DecomposedText = 1 << 2,

    /// <summary>UTF-8 text that a scanner had decoded as Latin-1/Windows-1252 was repaired.</summary>
    MojibakeRepaired = 1 << 3,

    /// <summary>The sex field was mangled (<c>N?</c>) and read as <c>Nữ</c>, the only value with non-ASCII letters.</summary>
    SexInferred = 1 << 4,

    /// <summary>A field that should be hex-encoded UTF-8 was not; its raw text was kept.</summary>
    TextFieldNotHex = 1 << 5,

    /// <summary>Hex-encoded text used upper-case digits.</summary>
    UpperCaseHex = 1 << 6,

    /// <summary>A date field had a leading space.</summary>
    LeadingSpaceInDate = 1 << 7,

    /// <summary>A name was not in the standard's form (upper case, no diacritics, single spaces); it was kept as given.</summary>
    NonCanonicalName = 1 << 8,

    /// <summary>A case-insensitive identifier (a hex group id, a Base32 body) arrived in the other case and was normalized.</summary>
    IdentifierCaseChanged = 1 << 9,

    /// <summary>The registered clinic used a spelling variant (no spaces, en dash).</summary>
    ClinicVariant = 1 << 10,

    /// <summary>White space around a field was trimmed.</summary>
    SurroundingWhitespace = 1 << 11,

    /// <summary>
    /// A tokhaiyte venue URL on the host of the registration site (<c>qr.tokhaiyte.vn</c>, where venues registered and
    /// printed their codes) instead of <c>tokhaiyte.vn</c>, which the generated codes carry: read as the same venue.
    /// </summary>
    RegistrationHost = 1 << 12,
}
