using System.Text.RegularExpressions;

namespace Exemplar.Domain.Calendar;

/// <summary>
/// A yearly calendar deadline as policy texts write it: "每年1月10日前" (<see cref="Day"/> = 10) or "每年1月底前"
/// (<see cref="Day"/> = null, the last day of the month). The date is never moved off a day off: the text says
/// which day, and callers show its weekday and day-off status via <see cref="HolidayCalendar.Classify"/>.
/// </summary>
public sealed partial record AnnualDeadline
{
    private AnnualDeadline(int month, int? day)
    {
        Month = month;
        Day = day;
    }

    public int Month { get; }

    /// <summary>Day of month, or null for "月底" (end of month).</summary>
    public int? Day { get; }

    public static AnnualDeadline On(int month, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        // 2000 is a leap year, so 2月29日 is accepted here and falls back to 2月28日 in other years (see DateIn).
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DateTime.DaysInMonth(2000, month));
        return new AnnualDeadline(month, day);
    }

    public static AnnualDeadline EndOf(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new AnnualDeadline(month, null);
    }

    /// <summary>The deadline in <paramref name="year"/> (the last possible day, inclusive).</summary>
    public DateOnly DateIn(int year) =>
        new(year, Month, Math.Min(Day ?? 31, DateTime.DaysInMonth(year, Month)));

    /// <summary>"1月底" or "1月10日".</summary>
    public override string ToString() => Day is { } d ? $"{Month}月{d}日" : $"{Month}月底";

    /// <summary>Accepts "1月底", "1月10日", "每年1月底前", "1月10日之前", with or without spaces.</summary>
    public static bool TryParse(string? text, out AnnualDeadline deadline)
    {
        deadline = EndOf(1);
        var match = Pattern().Match((text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!match.Success)
        {
            return false;
        }
        var month = int.Parse(match.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }
        if (match.Groups["end"].Success)
        {
            deadline = EndOf(month);
            return true;
        }
        var day = int.Parse(match.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            return false;
        }
        deadline = On(month, day);
        return true;
    }

    public static AnnualDeadline Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"无法识别的期限“{text}”，应写作“1月底”或“1月10日”。");

    [GeneratedRegex(@"^(每年)?(?<m>\d{1,2})月((?<end>底)|(?<d>\d{1,2})日)(之?前)?$")]
    private static partial Regex Pattern();
}
