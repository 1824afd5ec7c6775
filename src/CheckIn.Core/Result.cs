using System.Diagnostics.CodeAnalysis;

namespace CheckIn.Core;

/// <summary>
/// The outcome of an operation that can fail in an expected way (reading a text or a file, laying out a page):
/// a value or a <see cref="CheckInError"/>. Bad input never throws; an exception is built only when the caller asks
/// for one.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>
/// A <c>default</c> result is neither a success nor a failure: <see cref="IsDefault"/> says so, and
/// <see cref="Value"/> and <see cref="Error"/> throw <see cref="InvalidOperationException"/> on it, so an
/// uninitialized result can never pass for a failure with no code.
/// </remarks>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private readonly T _value;
    private readonly CheckInError _error;

    internal Result(T value)
    {
        _value = value;
        _error = default;
        Success = true;
    }

    internal Result(CheckInError error)
    {
        _value = default!;
        _error = error.IsEmpty ? throw new ArgumentException("A failure needs an error with a code.", nameof(error)) : error;
        Success = false;
    }

    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Success { get; }

    /// <summary>True for a <c>default</c> result, which holds neither a value nor an error.</summary>
    public bool IsDefault => !Success && _error.IsEmpty;

    /// <summary>The value.</summary>
    /// <exception cref="CheckInException">The operation failed; the exception carries <see cref="Error"/>.</exception>
    /// <exception cref="InvalidOperationException">The result is <c>default</c>.</exception>
    public T Value => Success ? _value : throw (IsDefault ? DefaultResult() : _error.ToException());

    /// <summary>The error.</summary>
    /// <exception cref="InvalidOperationException">The result is a success, or <c>default</c>.</exception>
    public CheckInError Error => Success
        ? throw new InvalidOperationException("The result is a success; it has no error.")
        : IsDefault ? throw DefaultResult() : _error;

    /// <summary>Gets the value when there is one.</summary>
    /// <param name="value">The value, or the default when there is none.</param>
    /// <returns><see cref="Success"/>.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Success;
    }

    /// <summary>Gets the error when the operation failed.</summary>
    /// <param name="error">The error, or an empty one on success.</param>
    /// <returns>True when the operation failed.</returns>
    public bool TryGetError(out CheckInError error)
    {
        error = _error;
        return !_error.IsEmpty;
    }

    /// <summary>Returns the value, or throws the error as a <see cref="CheckInException"/>.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="CheckInException">The operation failed.</exception>
    /// <exception cref="InvalidOperationException">The result is <c>default</c>.</exception>
    public T GetValueOrThrow() => Value;

    /// <summary>Converts a failure to a failure of another type.</summary>
    /// <typeparam name="TOther">The other type.</typeparam>
    /// <returns>A failure with the same error.</returns>
    /// <exception cref="InvalidOperationException">The result is a success, or <c>default</c>.</exception>
    public Result<TOther> ConvertError<TOther>() => new(Error);

    /// <summary>Maps a value; a failure passes through.</summary>
    /// <typeparam name="TOther">The mapped type.</typeparam>
    /// <param name="map">The mapping.</param>
    /// <returns>The mapped result.</returns>
    /// <exception cref="InvalidOperationException">The result is <c>default</c>.</exception>
    public Result<TOther> Map<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Success ? new Result<TOther>(map(_value)) : new Result<TOther>(Error);
    }

    /// <inheritdoc />
    public bool Equals(Result<T> other) =>
        Success == other.Success
        && (Success ? EqualityComparer<T>.Default.Equals(_value, other._value) : _error == other._error);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Success ? HashCode.Combine(true, _value) : HashCode.Combine(false, _error);

    /// <summary>"Success", "Failure " and the error's code and location, or "Default"; never the value (it may hold personal data).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Success ? "Success" : IsDefault ? "Default" : "Failure " + _error;

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);

    private static InvalidOperationException DefaultResult() =>
        new("The result is default: it was never set to a value or an error.");
}

/// <summary>Creates <see cref="Result{T}"/> values.</summary>
public static class Result
{
    /// <summary>A success.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static Result<T> Ok<T>(T value) => new(value);

    /// <summary>A failure.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The error is empty.</exception>
    public static Result<T> Fail<T>(CheckInError error) => new(error);
}
