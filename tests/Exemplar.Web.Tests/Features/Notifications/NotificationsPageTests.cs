using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Tests.Features.Calendar;
using Exemplar.Web.Tests.Infrastructure;

using static Exemplar.Web.Tests.Features.Notifications.NotificationTestKit;

namespace Exemplar.Web.Tests.Features.Notifications;

/// <summary>The notifications page: list, mark read, unread count in the navigation, only one's own.</summary>
public sealed class NotificationsPageTests(CalendarFactory app) : IClassFixture<CalendarFactory>
{
    [Fact]
    public async Task The_notifications_page_lists_marks_read_and_counts_unread_in_the_nav()
    {
        using var _ = app.CreateClient();
        await app.ReminderJob().RunOnceAsync(China(2026, 11, 21));
        var client = await app.SignedInAsync("bj.applicant");
        var page = await client.GetDocumentAsync("/Notifications");
        Assert.Contains("未读", page.QuerySelector("#nav-notifications")!.TextContent);
        var item = page.QuerySelector("li.unread")!;
        Assert.Contains("重大变更事项备案", item.TextContent);
        Assert.Contains("第十七条", item.TextContent);
        var action = item.QuerySelector("form")!.GetAttribute("action")!;
        var response = await client.PostFormAsync("/Notifications", new Dictionary<string, string>(), postUrl: action);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetDocumentAsync("/Notifications");
        Assert.Empty(after.QuerySelectorAll("li.unread"));
        Assert.Equal("通知", after.QuerySelector("#nav-notifications")!.TextContent.Trim());

        // Another user's notification cannot be marked through its id.
        var other = await app.SignedInAsync("km.applicant");
        var foreign = await other.PostFormAsync("/Notifications", new Dictionary<string, string>(), postUrl: action);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
