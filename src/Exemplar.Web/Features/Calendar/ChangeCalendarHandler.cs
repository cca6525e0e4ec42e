using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calendar;

/// <summary>Adds or replaces one or more years' notices (the form saves one, an import several).</summary>
public sealed record ChangeCalendarCommand(IReadOnlyList<HolidayNotice> Notices, bool ConfirmReplace, string Operation);

public sealed record CalendarChangeResult(
    IReadOnlyList<string> Errors,
    IReadOnlyList<int> YearsNeedingConfirmation,
    IReadOnlyList<int> SavedYears,
    IReadOnlyList<ObligationChange> Changes)
{
    public bool Saved => SavedYears.Count > 0;
    public int BecameFinal => Changes.Count(c => c.BecameFinal);
    public IReadOnlyList<ObligationChange> Moved => [.. Changes.Where(c => c.DueDateMoved)];

    /// <summary>Chinese lines for the page after saving.</summary>
    public IReadOnlyList<string> Summary()
    {
        var lines = new List<string>
        {
            $"已保存{string.Join("、", SavedYears)}年节假日安排。",
            BecameFinal == 0 ? "没有暂定日期因此确定。" : $"{BecameFinal}项暂定的截止日期已确定。",
        };
        lines.AddRange(Moved.Select(c => $"{c.After!.Title}：截止日期由{ChinaTime.Format(c.Before!.DueDate)}改为{ChinaTime.Format(c.After.DueDate)}"));
        if (Moved.Count == 0) lines.Add("没有截止日期因此变动。");
        return lines;
    }
}

/// <summary>
/// Validates the new notices together with the years kept (every problem listed, nothing saved on any error),
/// asks for confirmation before replacing an entered year, saves (audited), and reports which obligations
/// became final and which due dates moved (<see cref="ObligationChange"/>).
/// </summary>
public sealed class ChangeCalendarHandler(ExemplarDbContext db, CalendarService calendars, ObligationCatalog catalog, TimeProvider clock)
{
    public async Task<CalendarChangeResult> HandleAsync(ChangeCalendarCommand c, CancellationToken ct)
    {
        static CalendarChangeResult Fail(IReadOnlyList<string> errors) => new(errors, [], [], []);
        if (c.Notices.Count == 0) return Fail(["没有要保存的年份。"]);
        var rows = await db.Set<HolidayNoticeRecord>().ToListAsync(ct);
        var current = HolidayCalendar.Create(rows.Select(r => r.ToNotice()));
        var years = c.Notices.Select(n => n.Year).ToHashSet();
        if (!HolidayCalendar.TryCreate(current.Notices.Where(n => !years.Contains(n.Year)).Concat(c.Notices), out var updated, out var errors))
            return Fail(errors);
        var replacing = rows.Where(r => years.Contains(r.Year)).Select(r => r.Year).Order().ToList();
        if (replacing.Count > 0 && !c.ConfirmReplace) return new([], replacing, [], []);

        var today = ChinaTime.Today(clock);
        var inputs = await catalog.InputsAsync(ct);
        var settings = await calendars.SettingsAsync(ct);
        var before = catalog.Derive(inputs, current, settings, today).Select(a => a.Obligation).DistinctBy(o => o.Key);
        var after = catalog.Derive(inputs, updated, settings, today).Select(a => a.Obligation).DistinctBy(o => o.Key);
        var changes = ObligationChange.Compare(before, after);

        var now = clock.GetUtcNow();
        foreach (var notice in c.Notices.OrderBy(n => n.Year))
        {
            var row = rows.FirstOrDefault(r => r.Year == notice.Year);
            if (row is null)
            {
                row = new HolidayNoticeRecord { Year = notice.Year, Title = "", NoticeJson = "", EnteredBy = "" };
                db.Add(row);
            }
            row.Title = notice.Title;
            row.Number = notice.Number;
            row.NoticeJson = HolidayNoticeRecord.ToJson(notice);
            row.EnteredBy = db.Actor.Name;
            row.EnteredAt = now;
            row.IsBuiltIn = false;
        }
        db.Actor.Operation = c.Operation;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Fail(["其他管理员刚刚修改了同一年份的节假日安排，请刷新后重试。"]);
        }
        finally
        {
            calendars.Invalidate();
        }
        return new([], [], [.. years.Order()], changes);
    }
}
