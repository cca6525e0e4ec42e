namespace Exemplar.Domain.Calendar;

/// <summary>
/// A validity of N years from an announcement date (有效期N年). Civil Code 第二百零一条: the start day is not
/// counted; 第二百零二条: the period ends on the corresponding day of the final month, or on that month's last
/// day when there is no corresponding day (2020-02-29 + 3 years → 2023-02-28).
/// 届满 (expiry) is the end of <see cref="LastDay"/>: the designation is valid on every day from the announcement
/// through <see cref="LastDay"/> inclusive and has lapsed from <see cref="FirstDayAfter"/>. 第二百零三条 (moving a
/// last day that is a holiday) concerns time limits for acting and is not applied to a validity's end.
/// </summary>
public sealed record ValidityPeriod(DateOnly AnnouncedOn, int Years)
{
    public const string Citation = "《中华人民共和国民法典》第二百零一条、第二百零二条";

    public DateOnly LastDay => AddYears(AnnouncedOn, Years);

    public DateOnly FirstDayAfter => LastDay.AddDays(1);

    /// <summary>The calendar year in which the validity runs out (期满当年).</summary>
    public int ExpiryYear => LastDay.Year;

    public bool IsValidOn(DateOnly date) => date >= AnnouncedOn && date <= LastDay;

    public bool HasExpiredBy(DateOnly date) => date > LastDay;

    /// <summary>The corresponding day N years later, or the month's last day if it does not exist.</summary>
    public static DateOnly AddYears(DateOnly from, int years)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        var year = from.Year + years;
        return new DateOnly(year, from.Month, Math.Min(from.Day, DateTime.DaysInMonth(year, from.Month)));
    }
}
