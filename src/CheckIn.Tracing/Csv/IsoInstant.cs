using NodaTime;
using NodaTime.Text;

namespace CheckIn.Tracing.Csv;

/// <summary>
/// Reads ISO-8601 UTC instants as NodaTime's <see cref="InstantPattern.ExtendedIso"/> does, with a fast path for the
/// form CheckIn writes (<c>2021-09-06T08:30:00Z</c>, whole seconds): checked digit by digit, without a general
/// parser. Anything else (fractions of a second, or text the fast path refuses) goes to the pattern, so both accept
/// exactly the same texts.
/// </summary>
internal static class IsoInstant
{
    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>Parses an instant, leading and trailing white space ignored.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Instant instant)
    {
        var trimmed = text.Trim();
        if (TryParseWholeSeconds(trimmed, out instant))
        {
            return true;
        }

        return InstantPattern.ExtendedIso.Parse(trimmed.ToString()).TryGetValue(default, out instant);
    }

    /// <summary>Exactly <c>uuuu-MM-ddTHH:mm:ssZ</c> with a real date and time of day (years 1 to 9999).</summary>
    private static bool TryParseWholeSeconds(ReadOnlySpan<char> s, out Instant instant)
    {
        instant = default;
        if (s.Length != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var days = new DateOnly(year, month, day).DayNumber - UnixEpochDay;
        instant = Instant.FromUnixTimeSeconds((days * 86_400L) + (hour * 3_600) + (minute * 60) + second);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int from, int count, out int value)
    {
        value = 0;
        for (var i = from; i < from + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
