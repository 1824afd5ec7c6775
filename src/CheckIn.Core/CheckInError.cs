using System.Globalization;
using System.Text;

namespace CheckIn.Core;

/// <summary>
/// An expected failure, the same type in every CheckIn package: a stable <see cref="Code"/> and where the problem
/// is (<see cref="Line"/>, <see cref="Field"/>, <see cref="Position"/>, <see cref="Property"/>, each set only when
/// it applies). Payloads, images, printing, declarations, CSV and simulation files and the tracer all report
/// with it.
/// </summary>
/// <remarks>
/// <para>Cheap to create: the message is built only when <see cref="GetMessage"/> is called, in the language
/// asked for, from the <see cref="IErrorMessages"/> of the package that made the error (a host can pass its own
/// to override them). Messages and <see cref="ToString"/> never contain the input, so they never show personal
/// data.</para>
/// <para>A <c>default</c> value is detectably empty (<see cref="IsEmpty"/>); a real error always has a code.</para>
/// </remarks>
public readonly struct CheckInError : IEquatable<CheckInError>
{
    /// <summary>The value of <see cref="Field"/> and <see cref="Position"/> when they do not apply.</summary>
    public const int None = -1;

    private readonly int _field;
    private readonly long _position;
    private readonly int _line;

    /// <summary>Creates an error about the whole input; set the location with <c>with { Field = …, Position = … }</c>.</summary>
    /// <param name="code">A stable code, such as <c>CitizenCard.DateOfBirth</c>.</param>
    /// <param name="messages">The messages of the code's package (for example <see cref="CoreErrorCodes.Messages"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CheckInError(string code, IErrorMessages messages)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(messages);
        Code = code;
        Messages = messages;
        _field = None;
        _position = None;
        _line = 0;
    }

    /// <summary>The stable code, for example <c>CitizenCard.DateOfBirth</c>; null only for an empty (<c>default</c>) value.</summary>
    public string Code { get; }

    /// <summary>The messages the error was made with; null only for an empty (<c>default</c>) value.</summary>
    public IErrorMessages? Messages { get; }

    /// <summary>True for a <c>default</c> value, which is no error at all.</summary>
    public bool IsEmpty => Code is null;

    /// <summary>The zero-based index of the field (or column, or list entry) at fault, or <see cref="None"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below <see cref="None"/>.</exception>
    public int Field
    {
        get => IsEmpty ? None : _field;
        init => _field = value >= None ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A field index is -1 (none) or more.");
    }

    /// <summary>The zero-based character (or byte) position where the problem starts, or <see cref="None"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below <see cref="None"/>.</exception>
    public long Position
    {
        get => IsEmpty ? None : _position;
        init => _position = value >= None ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A position is -1 (none) or more.");
    }

    /// <summary>The one-based line of a text file where the problem is, or 0 when it does not apply.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 0.</exception>
    public int Line
    {
        get => _line;
        init => _line = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A line is 1 or more, or 0 (none).");
    }

    /// <summary>The property path of a document in JSON form (<c>address.communeCode</c>, <c>symptoms[2]</c>), or null.</summary>
    public string? Property { get; init; }

    /// <summary>The message with where the problem is: "The date of birth is not a valid ddMMyyyy date (field 3, position 43)."</summary>
    /// <param name="language">The language.</param>
    /// <param name="overrides">A host's own messages, tried before the package's; null for none.</param>
    /// <returns>The message; the code itself when no message is known.</returns>
    /// <exception cref="InvalidOperationException">The error is empty.</exception>
    public string GetMessage(MessageLanguage language, IErrorMessages? overrides = null)
    {
        var description = GetDescription(language, overrides);
        var location = DescribeLocation(language);
        return location.Length == 0 ? description + "." : $"{description} ({location}).";
    }

    /// <summary>The message alone, without the location: "The date of birth is not a valid ddMMyyyy date".</summary>
    /// <param name="language">The language.</param>
    /// <param name="overrides">A host's own messages, tried before the package's; null for none.</param>
    /// <returns>The description; the code itself when no message is known.</returns>
    /// <exception cref="InvalidOperationException">The error is empty.</exception>
    public string GetDescription(MessageLanguage language, IErrorMessages? overrides = null)
    {
        ThrowIfEmpty();
        return overrides?.Find(Code, language) ?? Messages?.Find(Code, language) ?? Code;
    }

    /// <summary>Where the problem is, in words: "line 4, field 2", "trường 3, vị trí 43", "address.communeCode"; empty when nowhere in particular.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The location.</returns>
    public string DescribeLocation(MessageLanguage language)
    {
        var vietnamese = language == MessageLanguage.Vietnamese;
        var text = new StringBuilder();
        void Part(string english, string vi, long value)
        {
            text.Append(text.Length > 0 ? ", " : string.Empty)
                .Append(vietnamese ? vi : english).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture));
        }

        if (Line > 0)
        {
            Part("line", "dòng", Line);
        }

        if (Field != None)
        {
            Part("field", "trường", Field);
        }

        if (Position != None)
        {
            Part("position", "vị trí", Position);
        }

        if (Property is { Length: > 0 } property)
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(property);
        }

        return text.ToString();
    }

    /// <summary>The exception that <see cref="Result{T}.GetValueOrThrow"/> throws for this error.</summary>
    /// <returns>A <see cref="CheckInException"/> carrying this error.</returns>
    /// <exception cref="InvalidOperationException">The error is empty.</exception>
    public CheckInException ToException()
    {
        ThrowIfEmpty();
        return new CheckInException(this);
    }

    /// <summary>The code and location, for logs: <c>CitizenCard.DateOfBirth (field 3, position 43)</c>; never the input.</summary>
    /// <returns>The text, or "(no error)" when empty.</returns>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return "(no error)";
        }

        var location = DescribeLocation(MessageLanguage.English);
        return location.Length == 0 ? Code : $"{Code} ({location})";
    }

    /// <inheritdoc />
    public bool Equals(CheckInError other) =>
        string.Equals(Code, other.Code, StringComparison.Ordinal) && Field == other.Field && Position == other.Position
        && Line == other.Line && string.Equals(Property, other.Property, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CheckInError other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Field, Position, Line, Property);

    /// <summary>Compares two errors by code and location.</summary>
    /// <param name="left">The first error.</param>
    /// <param name="right">The second error.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(CheckInError left, CheckInError right) => left.Equals(right);

    /// <summary>Compares two errors by code and location.</summary>
    /// <param name="left">The first error.</param>
    /// <param name="right">The second error.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(CheckInError left, CheckInError right) => !left.Equals(right);

    private void ThrowIfEmpty()
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("This CheckInError is empty (a default value): it has no code or message.");
        }
    }
}
