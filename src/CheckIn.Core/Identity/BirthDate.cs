using System.Globalization;
using NodaTime;

namespace CheckIn.Core.Identity;

/// <summary>
/// A date of birth that may be known only to the year: health-insurance cards sometimes print the year
/// alone, and a masked national personal QR hides the day and month.
/// </summary>
/// <remarks>
/// The default value is not a valid date of birth (<see cref="Year"/> is 0); create values with
/// <see cref="FromDate"/> or <see cref="FromYear"/>. Years 1800–2399 are accepted, which covers every
/// century digit of the ID number.
/// </remarks>
public readonly record struct BirthDate
{
    /// <summary>The earliest year accepted.</summary>
    public const int MinYear = 1800;

    /// <summary>The latest year accepted.</summary>
    public const int MaxYear = 2399;

    private readonly LocalDate _date;

    private BirthDate(int year, LocalDate date, bool isFullDate)
    {
        Year = year;
        _date = date;
        IsFullDate = isFullDate;
    }

    /// <summary>The year of birth.</summary>
    public int Year { get; }

    /// <summary>True when day and month are known.</summary>
    public bool IsFullDate { get; }

    /// <summary>The full date, or null when only the year is known.</summary>
    public LocalDate? Date => IsFullDate ? _date : null;

    /// <summary>A full date of birth.</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static BirthDate FromDate(LocalDate date)
    {
        CheckYear(date.Year);
        return new BirthDate(date.Year, date.WithCalendar(CalendarSystem.Iso), true);
    }

    /// <summary>A year of birth alone.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static BirthDate FromYear(int year)
    {
        CheckYear(year);
        return new BirthDate(year, default, false);
    }

    /// <summary>True when the year is in the accepted range.</summary>
    /// <param name="year">The year.</param>
    /// <returns>True when accepted.</returns>
    public static bool IsAcceptedYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>
    /// True when the two could be the same person's date of birth: same year, and same day and month
    /// when both know them.
    /// </summary>
    /// <param name="other">The other date of birth.</param>
    /// <returns>True when compatible.</returns>
    public bool IsCompatibleWith(BirthDate other) =>
        Year == other.Year && (!IsFullDate || !other.IsFullDate || _date == other._date);

    /// <summary>Returns <c>yyyy-MM-dd</c>, or <c>yyyy</c> when only the year is known.</summary>
    /// <returns>The ISO text.</returns>
    public override string ToString() =>
        IsFullDate
            ? _date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture)
            : Year.ToString("D4", CultureInfo.InvariantCulture);

    private static void CheckYear(int year)
    {
        if (!IsAcceptedYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Birth years must be within {MinYear}–{MaxYear}.");
        }
    }
}
