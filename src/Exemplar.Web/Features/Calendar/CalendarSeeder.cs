using Exemplar.Domain.Calendar;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calendar;

/// <summary>
/// Loads the shipped holiday notices (data/calendar/cn-holidays.json) for years not yet in the database, on every
/// start (not only with demo data). A year already present is never touched, so an administrator's edits survive.
/// </summary>
internal sealed class CalendarSeeder(TimeProvider clock, ILogger<CalendarSeeder> log) : IStartupSeeder
{
    public const string EnteredBy = "系统（内置数据）";

    public int Order => 20;

    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "data", "calendar", "cn-holidays.json");

    public async Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        var shipped = HolidayCalendarJson.Parse(await File.ReadAllTextAsync(ShippedFile, ct));
        var rows = await db.Set<HolidayNoticeRecord>().AsNoTracking().ToListAsync(ct);
        var existing = rows.Select(r => r.Year).ToHashSet();
        var missing = shipped.Notices.Where(n => !existing.Contains(n.Year)).ToList();
        if (missing.Count == 0) return;
        if (!HolidayCalendar.TryCreate(rows.Select(r => r.ToNotice()).Concat(missing), out _, out var errors))
        {
            log.LogError("内置节假日数据与已录入的年份冲突，未导入：{Errors}", string.Join("；", errors));
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var n in missing)
        {
            db.Add(new HolidayNoticeRecord
            {
                Year = n.Year, Title = n.Title, Number = n.Number, NoticeJson = HolidayNoticeRecord.ToJson(n),
                EnteredBy = EnteredBy, EnteredAt = now, IsBuiltIn = true,
            });
        }
        db.Actor.Operation = "节假日安排.初始化";
        await db.SaveChangesAsync(ct);
        log.LogInformation("已载入内置节假日安排：{Years}", string.Join("、", missing.Select(n => n.Year)));
    }
}
