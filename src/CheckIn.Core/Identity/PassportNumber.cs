namespace CheckIn.Core.Identity;

/// <summary>
/// A passport number, as typed on entry declarations or carried by the national personal QR: 6 to 9
/// letters and digits, stored upper case. Vietnamese passports use one letter and seven digits
/// (<see cref="IsVietnameseFormat"/>); foreign ones vary, so only the shape is checked.
/// </summary>
/// <remarks><see cref="ToString"/> masks the number; the full value is only available through <see cref="Value"/>.</remarks>
public readonly record struct PassportNumber
{
    /// <summary>The shortest accepted length.</summary>
    public const int MinLength = 6;

    /// <summary>The longest accepted length.</summary>
    public const int MaxLength = 9;

    private readonly string? _value;

    private PassportNumber(string value) => _value = value;

    /// <summary>The full number, upper case. Personal data: do not log it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the Vietnamese shape: one letter then seven digits (e.g. <c>C1234567</c>).</summary>
    public bool IsVietnameseFormat =>
        Value.Length == 8 && char.IsAsciiLetterUpper(Value[0]) && Value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>Reads a passport number; lower-case letters are accepted and upper-cased.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number, or an error coded <c>PassportNumber.*</c>.</returns>
    public static Result<PassportNumber> Read(ReadOnlySpan<char> text)
    {
        if (text.Length is < MinLength or > MaxLength)
        {
            return CoreErrors.Fail<PassportNumber>(CoreErrorCodes.PassportNumber.Length, CheckInError.None, 0);
        }

        var hasDigit = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                return CoreErrors.Fail<PassportNumber>(CoreErrorCodes.PassportNumber.Character, CheckInError.None, i);
            }

            hasDigit |= char.IsAsciiDigit(text[i]);
        }

        if (!hasDigit)
        {
            return CoreErrors.Fail<PassportNumber>(CoreErrorCodes.PassportNumber.Character, CheckInError.None, 0);
        }

        return Result.Ok(new PassportNumber(text.ToString().ToUpperInvariant()));
    }

    /// <summary>Reads a number without building an error.</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number when valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PassportNumber number) => Read(text).TryGetValue(out number);

    /// <summary>Reads a number or throws.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CheckInException">The text is not a passport number.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static PassportNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text).GetValueOrThrow();
    }

    /// <summary>Returns the number masked for display: <c>C*****67</c>.</summary>
    /// <returns>The masked number.</returns>
    public override string ToString() => Redaction.MaskDocumentNumber(Value);
}
