using CheckIn.Core;

namespace CheckIn.Qr;

/// <summary>Makes <see cref="CheckInError"/> values with the messages of <see cref="QrErrorCodes"/>.</summary>
internal static class QrErrors
{
    public static CheckInError At(string code, int field, long position) =>
        new(code, QrErrorCodes.Messages) { Field = field, Position = position };

    public static Result<T> Fail<T>(string code, int field, long position) => Result.Fail<T>(At(code, field, position));
}
