namespace Exemplar.Domain.Calendar;

internal static class HolidayNoticeValidator
{
    public const int MinYear = 1999;
    public const int MaxYear = 2200;

    public static IReadOnlyList<string> Validate(IReadOnlyList<HolidayNotice> notices)
    {
        var errors = new List<string>();
        foreach (var group in notices.GroupBy(n => n.Year).Where(g => g.Count() > 1))
        {
            errors.Add($"{group.Key}年的节假日安排重复录入了{group.Count()}次。");
        }

        // Where each date was listed, across all notices, to catch duplicates and off/working conflicts.
        var listed = new Dictionary<DateOnly, List<(bool Off, string Where)>>();
        foreach (var notice in notices)
        {
            var y = notice.Year;
            if (y is < MinYear or > MaxYear)
            {
                errors.Add($"年份{y}超出可录入范围（{MinYear}—{MaxYear}）。");
            }
            if (string.IsNullOrWhiteSpace(notice.Title))
            {
                errors.Add($"{y}年：缺少通知标题。");
            }
            if (notice.Holidays is null || notice.Holidays.Count == 0)
            {
                errors.Add($"{y}年：未录入任何节假日。");
                continue;
            }
            foreach (var holiday in notice.Holidays)
            {
                var name = string.IsNullOrWhiteSpace(holiday.Name) ? "（未命名）" : holiday.Name;
                if (string.IsNullOrWhiteSpace(holiday.Name))
                {
                    errors.Add($"{y}年：有一个节假日缺少名称。");
                }
                if (holiday.OffDays is null || holiday.OffDays.Count == 0)
                {
                    errors.Add($"{y}年{name}：未录入放假日期。");
                }
                foreach (var day in (holiday.OffDays ?? []).SelectMany(r => r.Days()))
                {
                    CheckInNoticeYear(errors, y, name, day);
                    Add(listed, day, true, $"{y}年通知{name}放假");
                }
                foreach (var day in holiday.AdjustedWorkingDays ?? [])
                {
                    CheckInNoticeYear(errors, y, name, day);
                    if (!ChineseWeekday.IsWeekend(day))
                    {
                        errors.Add($"{y}年{name}：调休上班日{Format(day)}是{ChineseWeekday.Of(day)}，不是星期六或星期日。");
                    }
                    Add(listed, day, false, $"{y}年通知{name}调休上班");
                }
            }
        }

        foreach (var (day, uses) in listed.OrderBy(p => p.Key))
        {
            if (uses.Any(u => u.Off) && uses.Any(u => !u.Off))
            {
                errors.Add($"{Format(day)}既被列为放假日又被列为调休上班日（{string.Join("、", uses.Select(u => u.Where))}）。");
            }
            else if (uses.Count > 1)
            {
                errors.Add($"{Format(day)}重复列出（{string.Join("、", uses.Select(u => u.Where))}）。");
            }
        }
        return errors;
    }

    private static void CheckInNoticeYear(List<string> errors, int year, string holiday, DateOnly day)
    {
        var lateDecemberBefore = day.Year == year - 1 && day.Month == 12 && day.Day >= HolidayCalendar.LateDecemberFrom;
        if (day.Year != year && !lateDecemberBefore)
        {
            errors.Add($"{year}年{holiday}：日期{Format(day)}不在{year}年内（只允许上一年12月{HolidayCalendar.LateDecemberFrom}日以后的日期）。");
        }
    }

    private static void Add(Dictionary<DateOnly, List<(bool, string)>> listed, DateOnly day, bool off, string where)
    {
        if (!listed.TryGetValue(day, out var uses))
        {
            listed[day] = uses = [];
        }
        uses.Add((off, where));
    }

    internal static string Format(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
