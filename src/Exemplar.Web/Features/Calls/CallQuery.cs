using System.Security.Claims;
using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calls;

/// <summary>Days left to a deadline, counted both ways (the deadline day itself counts).</summary>
public sealed record DaysLeft(int CalendarDays, WorkingDayCount WorkingDays)
{
    public string Text => CalendarDays < 0 ? "已截止"
        : CalendarDays == 0 ? "今天截止"
        : $"剩余{CalendarDays + 1}个自然日、{WorkingDays.Count}个工作日{(WorkingDays.IsProvisional ? "（节假日安排未公布，暂按常规周末计）" : "")}（均含截止日）";
}

public sealed record CallDetail(Call Call, IReadOnlyList<CallExtension> Extensions, IReadOnlyList<(CallAttachment Attachment, StoredFile File)> Attachments);

/// <summary>
/// Reads calls: published and closed ones are public; drafts only for the designating authority that issued them.
/// </summary>
public sealed class CallQuery(ExemplarDbContext db, CalendarService calendars, TimeProvider clock)
{
    public static bool MayManage(ClaimsPrincipal user, Call call) =>
        user.Role() == Role.DesignatingOfficer && user.JurisdictionCode() == call.JurisdictionCode;

    public static bool MaySee(ClaimsPrincipal user, Call call) => call.Status != CallStatus.Draft || MayManage(user, call);

    public async Task<IReadOnlyList<Call>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var own = user.Role() == Role.DesignatingOfficer ? user.JurisdictionCode() : null;
        return await db.Set<Call>().AsNoTracking()
            .Where(c => c.Status != CallStatus.Draft || (own != null && c.JurisdictionCode == own))
            .OrderBy(c => c.Status == CallStatus.Closed).ThenByDescending(c => c.Year).ThenBy(c => c.ApplicationDeadline).ThenBy(c => c.Id)
            .ToListAsync(ct);
    }

    public async Task<CallDetail?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().Include(c => c.Slots).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null || !MaySee(user, call)) return null;
        call.Slots = [.. call.Slots.OrderBy(s => s.Order)];
        var extensions = await db.Set<CallExtension>().AsNoTracking().Where(e => e.CallId == id).OrderBy(e => e.ExtendedAt).ToListAsync(ct);
        var attachments = await (from a in db.Set<CallAttachment>().AsNoTracking()
                                 join f in db.Set<StoredFile>().AsNoTracking() on a.FileId equals f.Id
                                 where a.CallId == id
                                 orderby f.UploadedAt
                                 select new { a, f }).ToListAsync(ct);
        return new CallDetail(call, extensions, attachments.Select(x => (x.a, x.f)).ToList());
    }

    public async Task<DaysLeft> DaysLeftAsync(DateOnly deadline, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var calendar = await calendars.GetAsync(ct);
        var days = deadline.DayNumber - today.DayNumber;
        return new DaysLeft(days, days < 0 ? new WorkingDayCount(0, false) : calendar.CountWorkingDays(today, deadline));
    }
}
