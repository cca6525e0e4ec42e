using System.Security.Claims;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

public sealed record ExtendNoticeCommand(Guid NoticeId, ClaimsPrincipal Officer, uint Version, DateOnly? NewEnd, string? Reason);

/// <summary>
/// 延长公示期: a published notice's dates never move by themselves; when the calendar entered later would end it on
/// another day (<see cref="CalendarDrift"/>), the authority is warned and may extend it to a later working day, with a reason.
/// </summary>
public sealed class ExtendNoticeHandler(ExemplarDbContext db, CalendarService calendar, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(ExtendNoticeCommand c, CancellationToken ct)
    {
        var notice = await db.Set<PublicNotice>().FirstOrDefaultAsync(n => n.Id == c.NoticeId, ct);
        if (notice is null || !NoticeAccess.MayRun(c.Officer, notice.JurisdictionCode)) return SaveResult.NotFound;
        var p = new Problems();
        if (notice.Status != NoticeStatus.Published) { p.Add("", "已作出认定决定，不能再延长公示期。"); return p.Result(); }
        var cal = await calendar.GetAsync(ct);
        var today = ChinaTime.Today(clock);
        p.Required("Reason", c.Reason, "延长理由");
        p.MaxLength("Reason", c.Reason, NoticeLimits.Reason, "延长理由");
        if (c.NewEnd is not { } end) p.Add("NewEnd", "请填写新的公示截止日期。");
        else if (end <= notice.EndsOn) p.Add("NewEnd", $"新的截止日期应晚于现截止日期（{ChinaTime.Format(notice.EndsOn)}）。");
        else if (end < today) p.Add("NewEnd", "新的截止日期不能早于今天。");
        else if (!cal.IsWorkingDay(end)) p.Add("NewEnd", $"{ChinaTime.Format(end)}不是工作日，请选择工作日。");
        else if (cal.CountWorkingDays(notice.StartsOn, end).Count > NoticeTerm.MaxWorkingDays)
            p.Add("NewEnd", $"延长后的公示期不能超过{NoticeTerm.MaxWorkingDays}个工作日。");
        if (p.Any) return p.Result();
        db.Entry(notice).Property(x => x.Version).OriginalValue = c.Version;
        notice.EndsOn = c.NewEnd!.Value;
        notice.WorkingDays = cal.CountWorkingDays(notice.StartsOn, notice.EndsOn).Count;
        notice.ExtensionReason = c.Reason!.Trim();
        db.Actor.Operation = "公示.延长公示期";
        return await Problems.SaveAsync(db, notice.Id, ct);
    }

    /// <summary>The end the current calendar gives for the notice's published length, where it differs from the fixed end.</summary>
    public static DateOnly? CalendarDrift(Exemplar.Domain.Calendar.HolidayCalendar cal, PublicNotice n)
    {
        if (n.ExtensionReason is not null) return null;
        var end = NoticeTerm.Period(cal, n.PublishedOn, n.WorkingDays).End;
        return end == n.EndsOn ? null : end;
    }
}
