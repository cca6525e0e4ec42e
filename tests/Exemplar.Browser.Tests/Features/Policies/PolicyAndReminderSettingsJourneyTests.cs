using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Policies;

public sealed class PolicyAndReminderSettingsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_administrator_sets_the_beijing_effective_date_which_puts_the_text_in_force()
    {
        var page = await browser.SignedInPageAsync("admin");
        await page.GotoAsync("/Admin/Policies");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("政策版本管理");
        await BrowserFixture.AssertAccessibleAsync(page);
        // 第十八条: 本办法自发布之日起施行 — the text gives no date, so it is "待设定" until the administrator sets one.
        var beijing = page.Locator("section:has(#date-beijing-base)");
        await Assertions.Expect(beijing.Locator(".policy-status")).ToHaveTextAsync("施行日期待管理员设定");
        await page.Locator("#date-beijing-base").FillAsync("2025-01-01");
        await beijing.GetByRole(AriaRole.Button, new() { Name = "保存施行日期" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync("施行日期设为");
        await Assertions.Expect(page.Locator("section:has(#date-beijing-base) .policy-status")).ToHaveTextAsync("现行有效（施行日期由管理员设定）");
        await BrowserFixture.ScreenshotAsync(page, "admin-policies");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrator_changes_the_reminder_lead_times_and_a_bad_value_is_refused()
    {
        var page = await browser.SignedInPageAsync("admin");
        await page.GotoAsync("/Admin/Calendar/Settings");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("提醒与失效提示设置");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("期限提醒提前天数").FillAsync("30, 7, 7");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#errors")).ToBeVisibleAsync();
        await page.GetByLabel("管理办法失效提前提示（天）").FillAsync("45");
        await page.GetByLabel("期限提醒提前天数").FillAsync("60, 14, 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync("提醒设置已保存。");
        await Assertions.Expect(page.GetByLabel("管理办法失效提前提示（天）")).ToHaveValueAsync("45");
        await BrowserFixture.ScreenshotAsync(page, "admin-reminder-settings");
        await page.Context.CloseAsync();
    }
}
