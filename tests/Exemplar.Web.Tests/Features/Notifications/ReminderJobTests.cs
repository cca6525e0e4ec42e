using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Exemplar.Web.Tests.Features.Notifications.NotificationTestKit;

namespace Exemplar.Web.Tests.Features.Notifications;

/// <summary>
/// Reminders from the demo designation facts at the default lead times 30, 7 and 1 days. On 2026-11-21 these are due
/// (counted by hand): 昆明 change filing 2026-11-27 (6 days → the 7-day reminder, km.applicant), 昆明 validity
/// 2026-12-15 (24 → 30-day, km.city), 聊城 change filing 2026-12-04 (13 → 30-day, lc.applicant), 聊城 text lapses
/// 2026-12-03 (12 → 30-day, lc.city), 北京 change filing 2026-12-14 (23 → 30-day, bj.applicant).
/// </summary>
public sealed class ReminderJobTests(CalendarFactory app) : IClassFixture<CalendarFactory>
{
    [Fact]
    public async Task Concurrent_runs_send_each_reminder_exactly_once()
    {
        using var _ = app.CreateClient();
        var now = China(2026, 11, 21);
        var results = await Task.WhenAll(app.ReminderJob().RunOnceAsync(now), app.ReminderJob().RunOnceAsync(now), app.ReminderJob().RunWithoutLeaseAsync(now), app.ReminderJob().RunWithoutLeaseAsync(now));
        var sent = (await app.NotificationsAsync()).Where(x => x.N.CreatedAt == now.ToUniversalTime()).ToList();
        Assert.Equal(5, results.Sum(r => r.RemindersSent));
        Assert.Equal(5, sent.Count);
        Assert.Equal(["bj.applicant", "km.applicant", "km.city", "lc.applicant", "lc.city"], sent.Select(s => s.User).Order());
        Assert.Contains(sent, s => s.User == "km.applicant" && s.N.Title.StartsWith("距截止还有6天：") && s.N.Title.Contains("重大变更事项备案"));
        Assert.Contains(sent, s => s.User == "lc.city" && s.N.Title.Contains("《聊城市小型微型企业创业创新示范基地建设管理办法》有效期至2026年12月3日"));

        var again = await app.ReminderJob().RunOnceAsync(now.AddHours(1));
        Assert.Equal(0, again.RemindersSent);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        Assert.Equal(5, await db.Set<AuditEntry>().CountAsync(a => a.Operation == "提醒.发送" && a.EntityType == nameof(Notification) && a.ActorName == "提醒任务"));
        // km change filing: the 7-day reminder was sent and the 30-day one recorded as covered.
        Assert.Equal(2, await db.Set<SentReminder>().CountAsync(s => s.ObligationKey.Contains("ChangeFiling/2026-11-13")));
    }
}
