using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notifications;

/// <summary>Records 送达 the first time a notice reaches someone; later arrivals leave it as it is.</summary>
public static class NoticeDelivery
{
    public const string Opened = "系统内查阅";

    public static string Via(MessageChannel channel) => channel == MessageChannel.Email ? "电子邮件" : "短信";

    /// <summary>Tracks the change; the caller saves.</summary>
    public static async Task MarkOpenedAsync(ExemplarDbContext db, IEnumerable<Guid> noticeIds, DateTimeOffset now, CancellationToken ct)
    {
        var ids = noticeIds.Distinct().ToList();
        if (ids.Count == 0) return;
        foreach (var notice in await db.Set<Notice>().Where(n => ids.Contains(n.Id) && n.DeliveredAt == null).ToListAsync(ct))
        {
            notice.DeliveredAt = now;
            notice.DeliveredVia = Opened;
        }
    }
}
