using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calendar.Admin;

public sealed record YearCoverage(int Year, HolidayNoticeRecord? Record, int OffDays, int WorkingWeekends);

/// <summary>Which years the working-day calendar covers, and which it does not yet (warned).</summary>
public sealed class IndexModel(ExemplarDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<YearCoverage> Years { get; private set; } = [];
    public IReadOnlyList<int> Missing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Set<HolidayNoticeRecord>().AsNoTracking().OrderBy(r => r.Year).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        var first = rows.Count == 0 ? today.Year : Math.Min(rows[0].Year, today.Year);
        var last = Math.Max(today.Year + 1, rows.Count == 0 ? today.Year : rows[^1].Year);
        Years = [.. Enumerable.Range(first, last - first + 1).Select(y =>
        {
            var row = rows.FirstOrDefault(r => r.Year == y);
            var notice = row?.ToNotice();
            return new YearCoverage(y, row, notice?.OffDays().Count() ?? 0, notice?.WorkingWeekends().Count() ?? 0);
        })];
        Missing = [.. Years.Where(y => y.Record is null).Select(y => y.Year)];
    }
}
