using System.Diagnostics.CodeAnalysis;

namespace CheckIn.Core;

/// <summary>
/// The outcome of reading a text: either a value or a <see cref="ParseError"/>. Reading never throws on bad
/// input; an exception is built only when the caller asks for one.
/// </summary>
/// <typeparam name="T">The type read.</typeparam>
public readonly struct ParseResult<T> : IEquatable<ParseResult<T>>
{
    private readonly T _value;
    private readonly ParseError _error;

    internal ParseResult(T value)
    {
        _value = value;
        _error = default;
        Success = true;
    }

    internal ParseResult(ParseError error)
    {
        _value = default!;
        _error = error;
        Success = false;
    }

    /// <summary>True when a value was read.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Success { get; }

    /// <summary>The value read.</summary>
    /// <exception cref="CheckInFormatException">Reading failed; the exception carries <see cref="Error"/>.</exception>
    public T Value => Success ? _value : throw _error.ToException();

    /// <summary>The error.</summary>
    /// <exception cref="InvalidOperationException">Reading succeeded, so there is no error.</exception>
    public ParseError Error => Success ? throw new InvalidOperationException("The result is a success; it has no error.") : _error;

    /// <summary>Gets the value when reading succeeded.</summary>
    /// <param name="value">The value, or the default when reading failed.</param>
    /// <returns><see cref="Success"/>.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Success;
    }

    /// <summary>Returns the value, or throws the error as a <see cref="CheckInFormatException"/>.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="CheckInFormatException">Reading failed.</exception>
    public T GetValueOrThrow() => Value;

    /// <summary>Converts a failed result to a failed result of another type.</summary>
    /// <typeparam name="TOther">The other type.</typeparam>
    /// <returns>A failure with the same error.</returns>
    /// <exception cref="InvalidOperationException">The result is a success.</exception>
    public ParseResult<TOther> ConvertError<TOther>() => new(Error);

    /// <summary>Maps a successful value; a failure passes through.</summary>
    /// <typeparam name="TOther">The mapped type.</typeparam>
    /// <param name="map">The mapping.</param>
    /// <returns>The mapped result.</returns>
    public ParseResult<TOther> Map<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Success ? new ParseResult<TOther>(map(_value)) : new ParseResult<TOther>(_error);
    }

    /// <inheritdoc />
    public bool Equals(ParseResult<T> other) =>
        Success == other.Success
        && (Success ? EqualityComparer<T>.Default.Equals(_value, other._value) : _error == other._error);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ParseResult<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Success ? HashCode.Combine(true, _value) : HashCode.Combine(false, _error);

    /// <summary>Returns "Success" or the error's compact text; never the value (it may hold personal data).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Success ? "Success" : "Failure " + _error;

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(ParseResult<T> left, ParseResult<T> right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(ParseResult<T> left, ParseResult<T> right) => !left.Equals(right);
}

/// <summary>Creates <see cref="ParseResult{T}"/> values.</summary>
public static class ParseResult
{
    /// <summary>A successful result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static ParseResult<T> Ok<T>(T value) => new(value);

    /// <summary>A failed result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    public static ParseResult<T> Fail<T>(ParseError error) => new(error);

    /// <summary>A failed result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="code">A code from <see cref="ParseErrorCodes"/>.</param>
    /// <param name="fieldIndex">The field index, or <see cref="ParseError.WholeInput"/>.</param>
    /// <param name="position">The character position.</param>
    /// <returns>The result.</returns>
    public static ParseResult<T> Fail<T>(string code, int fieldIndex, int position) => new(new ParseError(code, fieldIndex, position));
}
