using NodaTime;

namespace CheckIn.Core;

/// <summary>Vietnam's time zone, for turning instants into the local dates cards and forms use.</summary>
public static class VietnamTime
{
    /// <summary>Asia/Ho_Chi_Minh from the TZDB bundled with NodaTime (UTC+7, no daylight saving).</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>The local date in Vietnam at an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>
    /// The date in Asia/Ho_Chi_Minh; the last (or first) date NodaTime holds for instants within a day of the end of
    /// its range, whose local time would fall outside it (a hostile <c>9999-12-31T23:59:59Z</c> in a form).
    /// </returns>
    public static LocalDate DateAt(Instant instant)
    {
        if (instant > LatestWholeDay)
        {
            return LocalDate.MaxIsoValue;
        }

        return instant < EarliestWholeDay ? LocalDate.MinIsoValue : instant.InZone(Zone).Date;
    }

    private static readonly Instant LatestWholeDay = Instant.FromUtc(9999, 12, 30, 0, 0);

    private static readonly Instant EarliestWholeDay = LocalDate.MinIsoValue.PlusDays(2).AtMidnight().InUtc().ToInstant();
}
