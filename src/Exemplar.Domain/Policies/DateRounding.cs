namespace Exemplar.Domain.Policies;

public enum DateRoundingRule
{
    /// <summary>《民法典》第二百零一条：没有对应日的，月末日为期间的最后一日 (2020-02-29 + 3 年 = 2023-02-28).</summary>
    LastDayOfMonth,
    /// <summary>Rolls forward to the first day of the next month (2020-02-29 + 3 年 = 2023-03-01).</summary>
    FirstDayOfNextMonth,
}

public static class DateArithmetic
{
    /// <summary>Adds whole years (may be negative) applying the policy's rule when the day does not exist.</summary>
    public static DateOnly AddYears(DateOnly date, int years, DateRoundingRule rule)
    {
        var year = date.Year + years;
        var daysInMonth = DateTime.DaysInMonth(year, date.Month);
        if (date.Day <= daysInMonth)
        {
            return new DateOnly(year, date.Month, date.Day);
        }

        return rule switch
        {
            DateRoundingRule.LastDayOfMonth => new DateOnly(year, date.Month, daysInMonth),
            _ => new DateOnly(year, date.Month, daysInMonth).AddDays(1),
        };
    }
}
