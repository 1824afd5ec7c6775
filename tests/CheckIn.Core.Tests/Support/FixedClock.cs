using NodaTime;

namespace CheckIn.Core.Tests.Support;

/// <summary>A clock that always reads the same instant (NodaTime.Testing is not served here).</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;

    public static FixedClock At(int year, int month, int day) =>
        new(Instant.FromUtc(year, month, day, 0, 0));
}
