using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calendar.Admin;

/// <summary>One year's notice: every day off and every adjusted working weekend, with weekday and holiday.</summary>
public sealed class YearModel(ExemplarDbContext db, CalendarService calendars) : PageModel
{
    public HolidayNoticeRecord Record { get; private set; } = null!;
    public HolidayNotice Notice { get; private set; } = null!;
    public IReadOnlyList<DayInfo> OffDays { get; private set; } = [];
    public IReadOnlyList<DayInfo> WorkingWeekends { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        var row = await db.Set<HolidayNoticeRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
        if (row is null) return NotFound();
        Record = row;
        Notice = row.ToNotice();
        var calendar = await calendars.GetAsync(ct);
        OffDays = [.. Notice.OffDays().Select(d => calendar.Classify(d.Date)).OrderBy(d => d.Date)];
        WorkingWeekends = [.. Notice.WorkingWeekends().Select(d => calendar.Classify(d.Date)).OrderBy(d => d.Date)];
        return Page();
    }
}
