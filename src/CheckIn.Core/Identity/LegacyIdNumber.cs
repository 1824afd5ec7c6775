using System.Globalization;

namespace CheckIn.Core.Identity;

/// <summary>
/// The old people's identity card number (chứng minh nhân dân, CMND): 9 digits, the first two naming the
/// issuing province (not the birth province). The 12-digit CMND issued from 2012 is accepted too.
/// </summary>
/// <remarks><see cref="ToString"/> masks the number; the full value is only available through <see cref="Value"/>.</remarks>
public readonly record struct LegacyIdNumber
{
    /// <summary>The usual length of a CMND number.</summary>
    public const int Length = 9;

    /// <summary>The length of the 12-digit CMND issued from 2012.</summary>
    public const int LongLength = 12;

    private readonly long _number;
    private readonly byte _length;

    private LegacyIdNumber(long number, int length)
    {
        _number = number;
        _length = (byte)length;
    }

    /// <summary>The full number (9 or 12 digits). Personal data: do not log it.</summary>
    public string Value => _number.ToString(_length == LongLength ? "D12" : "D9", CultureInfo.InvariantCulture);

    /// <summary>The number of digits: 9 or 12.</summary>
    public int DigitCount => _length == LongLength ? LongLength : Length;

    /// <summary>Reads a 9- or 12-digit number exactly.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number, or an error coded <c>LegacyIdNumber.*</c>.</returns>
    public static Result<LegacyIdNumber> Read(ReadOnlySpan<char> text)
    {
        if (text.Length is not (Length or LongLength))
        {
            return CoreErrors.Fail<LegacyIdNumber>(CoreErrorCodes.LegacyIdNumber.Length, CheckInError.None, 0);
        }

        var bad = Digits.Parse(text, out var number);
        return bad >= 0
            ? CoreErrors.Fail<LegacyIdNumber>(CoreErrorCodes.LegacyIdNumber.NotDigits, CheckInError.None, bad)
            : Result.Ok(new LegacyIdNumber(number, text.Length));
    }

    /// <summary>Reads a number without building an error.</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number when valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out LegacyIdNumber number) => Read(text).TryGetValue(out number);

    /// <summary>Reads a number or throws.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CheckInException">The text is not 9 or 12 digits.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static LegacyIdNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text).GetValueOrThrow();
    }

    /// <summary>Returns the number masked for display: <c>*******56</c>.</summary>
    /// <returns>The masked number.</returns>
    public override string ToString() => Redaction.MaskDocumentNumber(Value);
}
