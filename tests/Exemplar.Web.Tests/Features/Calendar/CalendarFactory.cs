using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Exemplar.Web.Tests.Features.Calendar;

/// <summary>The app with the background reminder job switched off: tests call ReminderJob.RunOnceAsync themselves.</summary>
public class CalendarFactory : ExemplarFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Exemplar:Reminders:Enabled", "false");
    }
}

/// <summary>A State Council notice for 2027 that does NOT exist: made-up test data, used only to enter "a 2027 notice".</summary>
public static class TestOnly2027Notice
{
    public const string Title = "（测试数据，非真实通知）国务院办公厅关于2027年部分节假日安排的通知";
    public const string Lines = "元旦 | 2027-01-01..2027-01-03 |\n春节 | 2027-02-06..2027-02-13 | 2027-02-14, 2027-02-20";
}
