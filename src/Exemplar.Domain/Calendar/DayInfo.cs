namespace Exemplar.Domain.Calendar;

/// <summary>
/// What the calendar says about one date. <see cref="IsProvisional"/> is true when no notice decides the date
/// yet: the answer then follows Monday–Friday and must be shown with a warning.
/// </summary>
public sealed record DayInfo(DateOnly Date, DayKind Kind, string? HolidayName, bool IsProvisional)
{
    public bool IsWorkingDay => Kind is DayKind.Workday or DayKind.AdjustedWorkingDay;

    public bool IsDayOff => !IsWorkingDay;

    /// <summary>星期五 etc.</summary>
    public string Weekday => ChineseWeekday.Of(Date);

    /// <summary>Chinese reason, e.g. "工作日", "周末", "法定节假日（春节）", "调休上班（春节）".</summary>
    public string Reason => Kind switch
    {
        DayKind.Workday => "工作日",
        DayKind.Weekend => "周末",
        DayKind.StatutoryHoliday => $"法定节假日（{HolidayName}）",
        DayKind.AdjustedWorkingDay => $"调休上班（{HolidayName}）",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>e.g. "2025年10月1日 星期三 法定节假日（国庆节、中秋节）", with a provisional warning where due.</summary>
    public string Describe() =>
        $"{Date.Year}年{Date.Month}月{Date.Day}日 {Weekday} {Reason}" +
        (IsProvisional ? $"（{Date.Year}年节假日安排尚未录入，暂按周一至周五计算）" : string.Empty);
}
