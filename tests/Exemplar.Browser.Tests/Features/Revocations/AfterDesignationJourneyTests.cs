using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Revocations;

/// <summary>
/// Issue 14 in a browser (clock 2026-11-21): a 聊城 base files a change completed before 国庆 — late — through its county,
/// the city accepts it and the registry's history shows it; a 北京 revocation on 第十五条 whose statement the city rejects,
/// after which the registry and certificate verification say 已撤销.
/// </summary>
public sealed class AfterDesignationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private static async Task CheckAsync(IPage page, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, name);
        await BrowserFixture.AssertAccessibleAsync(page);
        await LayoutChecks.AssertReadableAsync(page);
    }

    [Fact]
    public async Task A_liaocheng_base_files_a_late_change_the_county_forwards_it_and_the_city_accepts_it_into_the_registry()
    {
        var lc = await browser.SignedInPageAsync("lc.applicant");
        await lc.GotoAsync("/");
        await lc.GetByRole(AriaRole.Link, new() { Name = "重大变更备案" }).First.ClickAsync();
        await CheckAsync(lc, "change-1-base-list");
        await lc.GetByRole(AriaRole.Link, new() { Name = "报送变更" }).ClickAsync();
        await lc.GetByLabel("变更事项类别").SelectOptionAsync("法定代表人");
        await lc.GetByLabel("变更内容（由什么变更为什么）").FillAsync("法定代表人由王强变更为刘洋");
        await lc.GetByLabel("变更完成日期").FillAsync("2026-09-29");
        await lc.Locator("#Evidence").SetInputFilesAsync(new FilePayload { Name = "变更登记通知书.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await CheckAsync(lc, "change-2-form");
        await lc.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(lc.Locator("#due")).ToContainTextAsync("2026年10月19日");
        await Assertions.Expect(lc.Locator("#late")).ToHaveTextAsync("逾期33天");
        await Assertions.Expect(lc.Locator("#stage")).ToHaveTextAsync("待所属辖区主管部门转报");
        await CheckAsync(lc, "change-3-filed-late");
        var filingUrl = lc.Url;
        await lc.Context.CloseAsync();

        var county = await browser.SignedInPageAsync("lc.dongchangfu");
        await county.GotoAsync("/ChangeFilings");
        await CheckAsync(county, "change-4-county-list");
        await county.Locator("#filings tbody a").First.ClickAsync();
        await county.GetByLabel("审核通过，转报市工信局").CheckAsync();
        await county.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(county.Locator("#stage")).ToHaveTextAsync("待认定机关办理");
        await county.Context.CloseAsync();

        var city = await browser.SignedInPageAsync("lc.city");
        await city.GotoAsync(new Uri(filingUrl).PathAndQuery);
        await CheckAsync(city, "change-5-city-decides");
        await city.GetByLabel("予以备案").CheckAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(city.Locator("#stage")).ToHaveTextAsync("已备案");
        await city.GetByRole(AriaRole.Link, new() { Name = "在示范基地名录中查看历程" }).ClickAsync();
        await Assertions.Expect(city.Locator("table.history")).ToContainTextAsync("变更：法定代表人：法定代表人由王强变更为刘洋");
        await CheckAsync(city, "change-6-registry-history");
        await city.Context.CloseAsync();
    }

    [Fact]
    public async Task A_beijing_revocation_with_a_rejected_statement_shows_as_revoked_in_the_registry_and_on_certificate_verification()
    {
        var city = await browser.SignedInPageAsync("bj.city");
        await city.GotoAsync("/");
        await city.GetByRole(AriaRole.Link, new() { Name = "撤销称号" }).First.ClickAsync();
        await CheckAsync(city, "revocation-1-city-list");
        await city.GetByRole(AriaRole.Link, new() { Name = "发起撤销" }).ClickAsync();
        await city.GetByLabel("示范基地").SelectOptionAsync(new SelectOptionValue { Label = "海淀中关村创业示范基地（北京市小型微型企业创业创新示范基地，京经信发〔2024〕56号）" });
        await city.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await city.Locator("input[name=Grounds][value=serious-dishonesty]").CheckAsync();
        await city.GetByLabel("事实和理由").FillAsync("该基地运营单位于2026年10月被列入严重失信主体名单。");
        await city.Locator("#Evidence").SetInputFilesAsync(new FilePayload { Name = "失信名单截图.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await CheckAsync(city, "revocation-2-start");
        await city.GetByRole(AriaRole.Button, new() { Name = "发起并告知示范基地" }).ClickAsync();
        await Assertions.Expect(city.Locator("#delivered")).ToHaveTextAsync("尚未送达");
        var caseUrl = new Uri(city.Url).PathAndQuery;

        var bj = await browser.SignedInPageAsync("bj.applicant");
        await bj.GotoAsync("/Notifications");
        await Assertions.Expect(bj.Locator("main")).ToContainTextAsync("拟撤销");
        await bj.GotoAsync(caseUrl);
        await Assertions.Expect(bj.Locator("#period")).ToContainTextAsync("至2026年11月30日");
        await bj.GetByLabel("陈述申辩意见").FillAsync("失信记录已于2026年11月修复，并已提交信用修复证明。");
        await CheckAsync(bj, "revocation-3-base-states");
        await bj.GetByRole(AriaRole.Button, new() { Name = "提交陈述申辩" }).ClickAsync();
        await Assertions.Expect(bj.Locator("#statement")).ToContainTextAsync("失信记录已于2026年11月修复");

        await city.GotoAsync(caseUrl);
        await city.GetByLabel("不予采纳").CheckAsync();
        await city.GetByLabel("陈述申辩处理理由").FillAsync("信用修复晚于认定失信之日，不影响撤销事由的成立。");
        await city.GetByLabel("撤销称号").CheckAsync();
        await city.GetByLabel("决定文号（撤销时必填）").FillAsync("京经信发〔2026〕130号");
        await city.GetByLabel("决定理由").FillAsync("运营单位存在行政机关认定的严重失信行为（第十五条第（三）项）。");
        await city.GetByRole(AriaRole.Button, new() { Name = "提交决定" }).ClickAsync();
        await Assertions.Expect(city.Locator("#errors")).ToContainTextAsync("请勾选确认");
        await city.GetByLabel("我已核实").CheckAsync();
        await CheckAsync(city, "revocation-4-decide");
        await city.GetByRole(AriaRole.Button, new() { Name = "提交决定" }).ClickAsync();
        await Assertions.Expect(city.Locator("#stage")).ToHaveTextAsync("已撤销称号");
        await Assertions.Expect(city.Locator("#ban")).ToContainTextAsync("至2028年11月21日不得再次申请");
        await CheckAsync(city, "revocation-5-decided");

        await bj.GotoAsync(caseUrl);
        await Assertions.Expect(bj.Locator("#statement-handling")).ToContainTextAsync("不予采纳");
        await bj.GetByRole(AriaRole.Link, new() { Name = "在示范基地名录中查看" }).ClickAsync();
        await Assertions.Expect(bj.Locator("h2 .badge").First).ToHaveTextAsync("已撤销");
        await CheckAsync(bj, "revocation-6-registry");
        await bj.GotoAsync("/Verify/BJ-2024-021");
        await Assertions.Expect(bj.Locator("#verify-result")).ToContainTextAsync("撤销");
        await CheckAsync(bj, "revocation-7-verify");
        await bj.Context.CloseAsync();
        await city.Context.CloseAsync();
    }
}
