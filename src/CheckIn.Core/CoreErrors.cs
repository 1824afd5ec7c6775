namespace CheckIn.Core;

/// <summary>Makes <see cref="CheckInError"/> values with the messages of <see cref="CoreErrorCodes"/>.</summary>
internal static class CoreErrors
{
    public static CheckInError At(string code, int field, int position) =>
        new(code, CoreErrorCodes.Messages) { Field = field, Position = position };

    public static Result<T> Fail<T>(string code, int field, int position) => Result.Fail<T>(At(code, field, position));
}
