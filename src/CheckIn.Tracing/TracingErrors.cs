using CheckIn.Core;

namespace CheckIn.Tracing;

/// <summary>Makes <see cref="CheckInError"/> values with the messages of <see cref="TracingErrorCodes"/>.</summary>
internal static class TracingErrors
{
    public static CheckInError Of(string code) => new(code, TracingErrorCodes.Messages);

    public static CheckInError At(string code, int field, int position) => new(code, TracingErrorCodes.Messages) { Field = field, Position = position };
}
