using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing.Tests.Support;

/// <summary>Readable test people and times.</summary>
internal static class People
{
    public static readonly Instant Day = Instant.FromUtc(2021, 9, 1, 0, 0);

    public static PersonPseudonym P(int n) => new(0, (ulong)n);

    public static Instant At(int hour, int minute = 0) => Day + Duration.FromHours(hour) + Duration.FromMinutes(minute);

    public static Instant Min(int minutes) => Day + Duration.FromMinutes(minutes);
}
