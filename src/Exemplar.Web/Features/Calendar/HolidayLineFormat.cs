using System.Globalization;
using Exemplar.Domain.Calendar;

namespace Exemplar.Web.Features.Calendar;

/// <summary>
/// The administrator's form writes a year's holidays one per line: <c>名称 | 放假日期 | 调休上班日期</c>, dates as
/// YYYY-MM-DD, ranges as YYYY-MM-DD..YYYY-MM-DD, several separated by commas, e.g.
/// <c>春节 | 2025-01-28..2025-02-04 | 2025-01-26, 2025-02-08</c>. The third part may be empty.
/// </summary>
public static class HolidayLineFormat
{
    private static readonly char[] Bars = ['|', '｜'];
    private static readonly char[] Separators = [',', '，', '、', ';', '；', ' '];

    public static string Write(HolidayNotice notice) => string.Join("\n", notice.Holidays.Select(h =>
        $"{h.Name} | {string.Join(", ", h.OffDays.Select(r => r.ToString()))} | {string.Join(", ", h.AdjustedWorkingDays.Select(Iso))}"));

    public static IReadOnlyList<StatutoryHoliday> Read(string? text, List<string> errors)
    {
        var result = new List<StatutoryHoliday>();
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var where = $"第{i + 1}行";
            var parts = line.Split(Bars);
            if (parts.Length is < 2 or > 3)
            {
                errors.Add($"{where}：格式应为“名称 | 放假日期 | 调休上班日期”，用竖线分隔。");
                continue;
            }
            var name = parts[0].Trim();
            if (name.Length == 0) errors.Add($"{where}：缺少节日名称。");
            if (name.Length > 50) errors.Add($"{where}：节日名称不能超过50个字。");
            var off = new List<DateRange>();
            foreach (var item in Items(parts[1]))
            {
                var ends = item.Split("..");
                if (ends.Length == 1 && TryDate(ends[0], out var day)) off.Add(DateRange.Day(day));
                else if (ends.Length == 2 && TryDate(ends[0], out var from) && TryDate(ends[1], out var to) && from <= to) off.Add(new DateRange(from, to));
                else errors.Add($"{where}（{name}）：放假日期“{item}”无法识别，应为YYYY-MM-DD或YYYY-MM-DD..YYYY-MM-DD（开始不晚于结束）。");
            }
            var work = new List<DateOnly>();
            foreach (var item in parts.Length == 3 ? Items(parts[2]) : [])
            {
                if (TryDate(item, out var day)) work.Add(day);
                else errors.Add($"{where}（{name}）：调休上班日期“{item}”无法识别，应为YYYY-MM-DD。");
            }
            result.Add(new StatutoryHoliday(name, off, work));
        }
        if (result.Count == 0 && errors.Count == 0) errors.Add("请至少填写一个节假日（每行一个）。");
        return result;
    }

    private static IEnumerable<string> Items(string text) => text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
