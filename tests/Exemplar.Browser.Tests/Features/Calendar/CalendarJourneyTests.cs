using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Calendar;

/// <summary>
/// The administrator enters a year's notice and a provisional deadline becomes final. The 2027 notice typed here is
/// made-up test data (no such notice exists yet). Clock: 2026-11-21.
/// </summary>
public sealed class CalendarJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static ILocator SummaryRow(IPage page) =>
        page.Locator("section.obligations tr[data-obligation-key$='/AnnualSummary/2026']");

    [Fact]
    public async Task The_administrator_adds_2027_and_a_provisional_deadline_becomes_final()
    {
        // 聊城 base: summary of 2026 due 2027-01-10 (第十四条), provisional while 2027 is not entered.
        var applicant = await browser.SignedInPageAsync("lc.applicant");
        await Assertions.Expect(SummaryRow(applicant)).ToContainTextAsync("2027年1月10日（星期日）");
        await Assertions.Expect(SummaryRow(applicant)).ToContainTextAsync("2027年节假日安排尚未录入，日期为暂定");
        await BrowserFixture.ScreenshotAsync(applicant, "calendar-1-applicant-provisional");
        await BrowserFixture.AssertAccessibleAsync(applicant);

        var admin = await browser.SignedInPageAsync("admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "节假日安排" }).First.ClickAsync();
        await Assertions.Expect(admin.Locator(".coverage-warning")).ToContainTextAsync("2027年节假日安排尚未录入");
        await BrowserFixture.ScreenshotAsync(admin, "calendar-2-admin-coverage");
        await BrowserFixture.AssertAccessibleAsync(admin);

        await admin.Locator(".coverage-warning").GetByRole(AriaRole.Link, new() { Name = "录入" }).ClickAsync();
        await Assertions.Expect(admin.GetByLabel("年份")).ToHaveValueAsync("2027");
        await admin.GetByLabel("通知标题").FillAsync("（测试数据，非真实通知）国务院办公厅关于2027年部分节假日安排的通知");
        await admin.GetByLabel("节假日（每行一个）").FillAsync("元旦 | 2027-01-01..2027-01-03 |\n春节 | 2027-02-06..2027-02-13 | 2027-02-14, 2027-02-20");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await admin.WaitForURLAsync("**/Admin/Calendar/Year/2027");
        await Assertions.Expect(admin.Locator("#recompute")).ToContainTextAsync("13项暂定的截止日期已确定");
        await Assertions.Expect(admin.Locator("#working-weekends")).ToContainTextAsync("2027年2月20日");
        await BrowserFixture.ScreenshotAsync(admin, "calendar-3-admin-2027-saved");
        await BrowserFixture.AssertAccessibleAsync(admin);

        await applicant.ReloadAsync();
        await Assertions.Expect(SummaryRow(applicant)).ToContainTextAsync("2027年1月10日（星期日）");
        await Assertions.Expect(SummaryRow(applicant)).Not.ToContainTextAsync("暂定");
        await BrowserFixture.ScreenshotAsync(applicant, "calendar-4-applicant-final");
        await admin.Context.CloseAsync();
        await applicant.Context.CloseAsync();
    }

    [Fact]
    public async Task The_public_date_tools_work_and_are_accessible()
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync("/Calendar");
        await page.GetByLabel("发布日期").FillAsync("2025-09-26");
        await page.GetByLabel("公示工作日数").FillAsync("15");
        await page.Locator("#notice-title ~ form").GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice-result")).ToContainTextAsync("2025年10月22日（星期三）");
        await BrowserFixture.ScreenshotAsync(page, "calendar-public-notice-end");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
