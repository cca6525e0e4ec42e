using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Tests.Features.Calendar;

using static Exemplar.Web.Tests.Features.Notifications.NotificationTestKit;

namespace Exemplar.Web.Tests.Features.Notifications;

/// <summary>Reminders at the default lead times 30, 7 and 1 days before a due date.</summary>
public sealed class ReminderLeadTimeTests(CalendarFactory app) : IClassFixture<CalendarFactory>
{
    [Fact]
    public async Task Reminders_go_out_at_30_7_and_1_days_before()
    {
        using var _ = app.CreateClient();
        // 聊城 re-review due 2027-01-20 (lc.applicant).
        static bool ReReview((string User, Notification N) x) => x.User == "lc.applicant" && x.N.ObligationKey!.Contains("/ReReview/2027");
        foreach (var day in new[] { China(2026, 12, 20), China(2026, 12, 21), China(2026, 12, 22), China(2027, 1, 12), China(2027, 1, 13), China(2027, 1, 19), China(2027, 1, 20) })
            await app.ReminderJob().RunOnceAsync(day);
        var titles = (await app.NotificationsAsync()).Where(ReReview).Select(x => (x.N.CreatedAt, x.N.Title)).ToList();
        Assert.Equal(3, titles.Count);
        Assert.StartsWith("距截止还有30天：", titles[0].Title);
        Assert.Equal(China(2026, 12, 21).ToUniversalTime(), titles[0].CreatedAt);
        Assert.StartsWith("距截止还有7天：", titles[1].Title);
        Assert.Equal(China(2027, 1, 13).ToUniversalTime(), titles[1].CreatedAt);
        Assert.StartsWith("距截止还有1天：", titles[2].Title);
        Assert.Contains("暂定", titles[0].Title); // 2027 not entered
    }
}
