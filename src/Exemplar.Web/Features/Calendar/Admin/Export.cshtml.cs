using System.Text;
using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calendar.Admin;

/// <summary>Downloads the calendar as JSON (all years, or one with ?year=), in the import format.</summary>
public sealed class ExportModel(ExemplarDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var rows = await db.Set<HolidayNoticeRecord>().AsNoTracking()
            .Where(r => year == null || r.Year == year).OrderBy(r => r.Year).ToListAsync(ct);
        if (year is not null && rows.Count == 0) return NotFound();
        var json = HolidayCalendarJson.Serialize(rows.Select(r => r.ToNotice()));
        var name = year is null ? "cn-holidays.json" : $"cn-holidays-{year}.json";
        return File(Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", name);
    }
}
