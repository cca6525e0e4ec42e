using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notifications;

/// <summary>A user's notifications: unread count for the navigation, pages of the list, marking read (audited).</summary>
public sealed class NotificationInbox(ExemplarDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public async Task<(int Total, IReadOnlyList<Notification> Items)> PageAsync(Guid userId, int page, CancellationToken ct)
    {
        var query = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return (total, items);
    }

    /// <summary>Marks one (<paramref name="id"/>) or all of the user's unread notifications read; false if not the user's.</summary>
    public async Task<bool> MarkReadAsync(Guid userId, Guid? id, CancellationToken ct)
    {
        var query = db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null);
        if (id is { } one)
        {
            if (!await db.Set<Notification>().AnyAsync(n => n.Id == one && n.UserId == userId, ct)) return false;
            query = query.Where(n => n.Id == one);
        }
        var now = clock.GetUtcNow();
        var read = await query.ToListAsync(ct);
        foreach (var n in read) n.ReadAt = now;
        await NoticeDelivery.MarkOpenedAsync(db, read.Where(n => n.NoticeId is not null).Select(n => n.NoticeId!.Value), now, ct);
        db.Actor.Operation = "通知.标为已读";
        await db.SaveChangesAsync(ct);
        return true;
    }
}
