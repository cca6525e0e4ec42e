using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Carriers;

public sealed class CarrierCreateJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_operator_registers_a_carrier_after_a_refused_attempt_and_reads_the_notifications_page()
    {
        var page = await browser.SignedInPageAsync("bj.applicant");
        await page.GotoAsync("/Base/Create");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新增基地（平台）");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("名称").FillAsync("海淀科创孵化基地");
        await page.GetByLabel("所在行政区划").SelectOptionAsync("110108");
        // Four leading industries: 北京 and 昆明 texts allow at most three (昆明办法第六条第（四）项 “不超过3个”).
        await page.GetByLabel("主导产业").FillAsync("集成电路、医药健康、智能制造、新一代信息技术");
        await page.GetByLabel("场地面积（平方米）").FillAsync("6000");
        await page.GetByLabel("公共服务区域面积（平方米）").FillAsync("800");
        await page.GetByLabel("基地成立日期").FillAsync("2019-05-01");
        // What the policy facts need (issue 10): the 第三条 type and the operating unit's own founding date.
        await page.GetByLabel("载体类型（各地办法第三条）").SelectOptionAsync("incubator");
        await page.GetByLabel("运营单位成立日期").FillAsync("2016-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("主导产业不超过3个，您填写了4个。");

        await page.GetByLabel("主导产业").FillAsync("集成电路、医药健康");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync("已新增基地（平台）。");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("海淀科创孵化基地");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("孵化器（含科技企业孵化器）");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2016年3月1日");
        await BrowserFixture.ScreenshotAsync(page, "base-created");

        await page.GetByRole(AriaRole.Link, new() { Name = "通知", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("通知");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
