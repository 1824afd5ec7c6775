using System.Globalization;

namespace CheckIn.Core;

/// <summary>
/// Why a text could not be read: a stable <see cref="Code"/> (see <see cref="ParseErrorCodes"/>), the index
/// of the field that failed and the character position in the input.
/// </summary>
/// <remarks>
/// Cheap to create: the human-readable message is only built when <see cref="GetMessage"/> or
/// <see cref="ToException"/> is called. Messages never contain the input's personal data.
/// </remarks>
public readonly record struct ParseError
{
    /// <summary>The value of <see cref="FieldIndex"/> when the error concerns the whole input.</summary>
    public const int WholeInput = -1;

    /// <summary>Creates an error.</summary>
    /// <param name="code">A stable code from <see cref="ParseErrorCodes"/>.</param>
    /// <param name="fieldIndex">The zero-based field index, or <see cref="WholeInput"/>.</param>
    /// <param name="position">The zero-based character position in the input where the problem starts.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative position or a field index below -1.</exception>
    public ParseError(string code, int fieldIndex, int position)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldIndex, WholeInput);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        Code = code;
        FieldIndex = fieldIndex;
        Position = position;
    }

    /// <summary>The stable error code, for example <c>CitizenCard.DateOfBirth</c>.</summary>
    public string Code { get; }

    /// <summary>The zero-based index of the field that failed, or <see cref="WholeInput"/>.</summary>
    public int FieldIndex { get; }

    /// <summary>The zero-based character position in the input where the failing part starts.</summary>
    public int Position { get; }

    /// <summary>Describes the error in the chosen language, with the field and position.</summary>
    /// <param name="language">The message language.</param>
    /// <returns>The message, for example "The date of birth is not a valid ddMMyyyy date (field 3, position 43)."</returns>
    public string GetMessage(MessageLanguage language = MessageLanguage.English)
    {
        var description = ParseErrorCodes.Describe(Code ?? string.Empty, language);
        var location = language == MessageLanguage.Vietnamese
            ? FieldIndex == WholeInput
                ? string.Format(CultureInfo.InvariantCulture, "vị trí {0}", Position)
                : string.Format(CultureInfo.InvariantCulture, "trường {0}, vị trí {1}", FieldIndex, Position)
            : FieldIndex == WholeInput
                ? string.Format(CultureInfo.InvariantCulture, "position {0}", Position)
                : string.Format(CultureInfo.InvariantCulture, "field {0}, position {1}", FieldIndex, Position);
        return $"{description} ({location}).";
    }

    /// <summary>Builds the exception that <see cref="ParseResult{T}.GetValueOrThrow"/> throws.</summary>
    /// <returns>A <see cref="CheckInFormatException"/> carrying this error.</returns>
    public CheckInFormatException ToException() => new(this);

    /// <summary>Returns <c>Code@field:position</c>.</summary>
    /// <returns>The compact text.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}@{1}:{2}", Code, FieldIndex, Position);
}
