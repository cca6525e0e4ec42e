using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.AnnualSummaries;

/// <summary>
/// 聊城第十四条: the base files its 2026 summary by 1月10日. On 2027-01-13 the demo base (东昌府区创业创新示范园) files it,
/// three days late; the county officer (东昌府区工信局) sees it marked late and reads it.
/// </summary>
public sealed class AnnualSummaryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_liaocheng_base_files_its_summary_late_and_the_county_sees_it_marked_late()
    {
        browser.App.Clock.AdjustTime(new DateTimeOffset(2027, 1, 13, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var page = await browser.SignedInPageAsync("lc.applicant");
        await page.GetByRole(AriaRole.Link, new() { Name = "年度总结" }).First.ClickAsync();
        var row = page.Locator("#summaries tr[data-year='2026']").Filter(new() { HasText = "东昌府区创业创新示范园" });
        await Assertions.Expect(row).ToContainTextAsync("2027年1月10日");
        await Assertions.Expect(row).ToContainTextAsync("已逾期3天");
        await BrowserFixture.ScreenshotAsync(page, "summaries-1-base-list-overdue");
        await BrowserFixture.AssertAccessibleAsync(page);
        await LayoutChecks.AssertReadableAsync(page);

        await row.GetByRole(AriaRole.Button, new() { Name = "填写总结" }).ClickAsync();
        await Assertions.Expect(page.Locator("#summary-status")).ToContainTextAsync("已逾期3天");
        await page.GetByLabel("工作总结（提交时50至20000个字）").FillAsync(
            "2026年，基地完善服务台账，组织创业培训、融资对接和政策宣讲活动，为入驻小微企业提供信息、培训和市场开拓服务，服务质量和满意度稳步提升。");
        await BrowserFixture.ScreenshotAsync(page, "summaries-2-base-draft");
        await BrowserFixture.AssertAccessibleAsync(page);
        await LayoutChecks.AssertReadableAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交总结" }).ClickAsync();
        await Assertions.Expect(page.Locator("#summary-status")).ToContainTextAsync("已提交（逾期3天）");
        await Assertions.Expect(page.Locator("#revise")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "summaries-3-base-submitted-late");
        await BrowserFixture.AssertAccessibleAsync(page);

        var county = await browser.SignedInPageAsync("lc.dongchangfu");
        await county.GetByRole(AriaRole.Link, new() { Name = "年度总结" }).First.ClickAsync();
        var line = county.Locator("#summaries tr[data-year='2026']").Filter(new() { HasText = "东昌府区创业创新示范园" });
        await Assertions.Expect(line).ToContainTextAsync("已提交（逾期3天）");
        await BrowserFixture.ScreenshotAsync(county, "summaries-4-county-list-late");
        await BrowserFixture.AssertAccessibleAsync(county);
        await LayoutChecks.AssertReadableAsync(county);
        await line.GetByRole(AriaRole.Link, new() { Name = "查阅" }).ClickAsync();
        await Assertions.Expect(county.Locator("#summary-status")).ToContainTextAsync("已提交（逾期3天）");
        await Assertions.Expect(county.Locator("#narrative")).ToContainTextAsync("完善服务台账");
        await Assertions.Expect(county.Locator("#summary-form")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(county, "summaries-5-county-reads");
        await BrowserFixture.AssertAccessibleAsync(county);
        await LayoutChecks.AssertReadableAsync(county);

        await county.GotoAsync("/Workbench");
        await BrowserFixture.ScreenshotAsync(county, "summaries-6-county-workbench");
        await page.GotoAsync("/Workbench");
        await Assertions.Expect(page.Locator("section.obligations tr[data-obligation-key$='/AnnualSummary/2026']")).ToContainTextAsync("已提交（逾期3天）");
        await BrowserFixture.ScreenshotAsync(page, "summaries-7-base-workbench-filed");
        await page.Context.CloseAsync();
        await county.Context.CloseAsync();
    }
}
