using Exemplar.Domain.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Calendar;

/// <summary>Public date tools: look up a day, a public notice's end, "within N working days after"; works without JS.</summary>
public sealed class IndexModel(CalendarService calendars) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Published { get; set; }
    [BindProperty(SupportsGet = true)] public string? NoticeDays { get; set; }
    [BindProperty(SupportsGet = true, Name = "event")] public string? EventDay { get; set; }
    [BindProperty(SupportsGet = true)] public string? WithinDays { get; set; }

    public DayInfo? Day { get; private set; }
    public PublicNoticePeriod? Notice { get; private set; }
    public ComputedDate? Within { get; private set; }
    public IReadOnlyList<DayInfo> Counted { get; private set; } = [];
    public IReadOnlyList<int> CoveredYears { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        CoveredYears = calendar.CoveredYears;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (CalendarApi.TryDate(Date, out var d)) Day = calendar.Classify(d);
            else Errors.Add($"日期“{Date}”无效，请按YYYY-MM-DD填写。");
        }
        if (!string.IsNullOrWhiteSpace(Published) || !string.IsNullOrWhiteSpace(NoticeDays))
        {
            var okDate = CalendarApi.TryDate(Published, out var p);
            var okDays = CalendarApi.TryCount(NoticeDays, out var n);
            if (!okDate) Errors.Add($"发布日期“{Published}”无效，请按YYYY-MM-DD填写。");
            if (!okDays) Errors.Add($"公示工作日数“{NoticeDays}”无效，应为1至{CalendarApi.MaxWorkingDays}之间的整数。");
            if (okDate && okDays)
            {
                Notice = calendar.PublicNotice(p, n);
                Counted = Days(calendar, Notice.Start, Notice.End);
            }
        }
        if (!string.IsNullOrWhiteSpace(EventDay) || !string.IsNullOrWhiteSpace(WithinDays))
        {
            var okDate = CalendarApi.TryDate(EventDay, out var e);
            var okDays = CalendarApi.TryCount(WithinDays, out var n);
            if (!okDate) Errors.Add($"事件日期“{EventDay}”无效，请按YYYY-MM-DD填写。");
            if (!okDays) Errors.Add($"工作日数“{WithinDays}”无效，应为1至{CalendarApi.MaxWorkingDays}之间的整数。");
            if (okDate && okDays)
            {
                Within = calendar.WithinWorkingDaysAfter(e, n);
                Counted = Days(calendar, e.AddDays(1), Within.Value.Date);
            }
        }
    }

    private static List<DayInfo> Days(HolidayCalendar calendar, DateOnly from, DateOnly to)
    {
        var list = new List<DayInfo>();
        for (var d = from; d <= to; d = d.AddDays(1)) list.Add(calendar.Classify(d));
        return list;
    }
}
