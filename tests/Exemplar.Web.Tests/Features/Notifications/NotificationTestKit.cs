using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Notifications;

/// <summary>What the reminder and notification tests share: Beijing-time instants, the job, and who got what.</summary>
public static class NotificationTestKit
{
    /// <summary>09:00 in Beijing on the given day.</summary>
    public static DateTimeOffset China(int y, int m, int d) => new(y, m, d, 9, 0, 0, TimeSpan.FromHours(8));

    public static ReminderJob ReminderJob(this CalendarFactory app) => app.Services.GetRequiredService<ReminderJob>();

    /// <summary>Every notification with its recipient's user name, oldest first.</summary>
    public static async Task<List<(string User, Notification N)>> NotificationsAsync(this CalendarFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var rows = await (from n in db.Set<Notification>().AsNoTracking()
                          join u in db.Set<UserAccount>() on n.UserId equals u.Id
                          select new { u.UserName, n }).ToListAsync();
        return [.. rows.Select(r => (r.UserName, r.n)).OrderBy(r => r.n.CreatedAt).ThenBy(r => r.UserName)];
    }
}
