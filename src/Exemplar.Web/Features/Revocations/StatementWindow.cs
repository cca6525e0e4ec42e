using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Revocations;

/// <summary>
/// When the revocation notice reached the base (送达: the notice's first delivery — mail accepted or opened in the
/// product — or the day the authority recorded, whichever is earlier) and the last day of the statement period.
/// </summary>
public sealed record StatementWindow(DateOnly? DeliveredOn, string? DeliveredVia, DateOnly? LastDay, bool Provisional)
{
    public bool IsOpenOn(DateOnly today) => LastDay is { } last && today <= last;
    public bool HasEndedBy(DateOnly today) => LastDay is { } last && today > last;

    public static async Task<StatementWindow> ForAsync(ExemplarDbContext db, CalendarService calendars, Revocation r, CancellationToken ct)
    {
        var notice = await db.Set<Notice>().AsNoTracking().Where(n => n.Id == r.NoticeId).Select(n => new { n.DeliveredAt, n.DeliveredVia }).FirstOrDefaultAsync(ct);
        DateOnly? byNotice = notice?.DeliveredAt is { } at ? ChinaTime.DateOf(at) : null;
        var (on, via) = (byNotice, r.DeliveryRecordedOn) switch
        {
            ({ } n, { } rec) when rec < n => ((DateOnly?)rec, "认定机关记录的送达日期"),
            ({ } n, _) => (n, notice!.DeliveredVia),
            (null, { } rec) => (rec, "认定机关记录的送达日期"),
            _ => ((DateOnly?)null, (string?)null),
        };
        if (on is not { } delivered) return new(null, null, null, false);
        var last = StatementPeriod.LastDay(delivered, r.StatementDays, await calendars.GetAsync(ct));
        return new(delivered, via, last.Date, last.IsProvisional);
    }
}
