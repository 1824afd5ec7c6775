using NodaTime;

namespace CheckIn.Tracing.Index;

/// <summary>
/// The index stores times as 32-bit seconds since 2020-01-01T00:00:00Z (covering 1952–2088) and visit
/// lengths as 16-bit seconds (up to 18 h 12 min 15 s), so a visit's columns take 10 bytes. Times are
/// kept to the second (sub-second parts are dropped).
/// </summary>
internal static class IndexTime
{
    public static readonly Instant Epoch = Instant.FromUtc(2020, 1, 1, 0, 0);

    public static readonly Duration MaxIndexedVisitLength = Duration.FromSeconds(ushort.MaxValue);

    public static bool IsIndexable(Instant instant)
    {
        var seconds = (instant - Epoch).TotalSeconds;
        return seconds is >= int.MinValue and <= int.MaxValue;
    }

    public static int ToSeconds(Instant instant)
    {
        var ticks = (instant - Epoch).BclCompatibleTicks;
        var seconds = ticks / NodaConstants.TicksPerSecond;
        if (ticks < 0 && ticks % NodaConstants.TicksPerSecond != 0)
        {
            seconds--;
        }

        return checked((int)seconds);
    }

    private static readonly long EpochUnixSeconds = Epoch.ToUnixTimeSeconds();

    public static Instant FromSeconds(long seconds) => Instant.FromUnixTimeSeconds(EpochUnixSeconds + seconds);
}
