using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Admin;

public sealed class AdministrationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_administrator_adds_a_zone_finds_it_in_the_audit_log_and_verifies_the_chain()
    {
        var page = await browser.SignedInPageAsync("admin");
        await page.GotoAsync("/Admin/Jurisdictions");
        await page.GetByLabel("上级区划").SelectOptionAsync("371500");
        await page.GetByLabel("类型").SelectOptionAsync("DevelopmentZone");
        await page.GetByLabel("代码").FillAsync("371500Z04");
        await page.GetByLabel("名称").FillAsync("聊城市测试产业园");
        await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync("已新增“聊城市测试产业园”（371500Z04）");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/Admin/Audit");
        await page.GetByLabel("对象编号").FillAsync("371500Z04");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("行政区划.新增");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("聊城市测试产业园");

        await page.GetByRole(AriaRole.Button, new() { Name = "校验审计链完整性" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync("审计链完整");
        await BrowserFixture.ScreenshotAsync(page, "admin-audit");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrator_opens_an_expert_account_and_sees_it_in_the_filtered_list()
    {
        var page = await browser.SignedInPageAsync("admin");
        await page.GotoAsync("/Admin/Users/Create");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("用户名").FillAsync("xz.expert2");
        await page.GetByLabel("姓名").FillAsync("巴桑（评审专家）");
        await page.GetByLabel("角色").SelectOptionAsync("Expert");
        await page.GetByLabel("管辖区划").SelectOptionAsync("540000");
        await page.GetByLabel("初始密码").FillAsync("Basang2026xyz");
        await page.GetByRole(AriaRole.Button, new() { Name = "开设账户" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync("已开设账户 xz.expert2（评审专家）");

        await page.GetByLabel("角色").SelectOptionAsync("Expert");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("xz.expert2");
        await Assertions.Expect(page.Locator("tbody")).Not.ToContainTextAsync("km.wuhua");
        await BrowserFixture.ScreenshotAsync(page, "admin-users");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Elder_mode_enlarges_the_text_and_stays_on()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var normal = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
        await page.GetByRole(AriaRole.Button, new() { Name = "长者模式" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync("elder");
        var elder = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.True(elder >= normal * 1.2, $"{elder}px vs {normal}px");
        await page.GotoAsync("/Account/SignIn");
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync("elder");
        await BrowserFixture.ScreenshotAsync(page, "elder-mode-sign-in");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
