using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Statistics;

/// <summary>
/// A resident enterprise checks its services through its survey link (confirms one, disputes one with a reason), the
/// officer sees the dispute on the metrics page; the city's dashboard shows its area's figures as tables with charts.
/// </summary>
public sealed class StatisticsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<Guid> CarrierAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var orgName = DemoDirectory.Organizations.Single(o => o.Key == "km-base").Name;
        var org = await db.Set<Organization>().SingleAsync(o => o.Name == orgName);
        var carrier = new Carrier
        {
            OrganizationId = org.Id, Name = "浏览器确认园", JurisdictionCode = "530102", Kind = CarrierKind.Base, LeadingIndustries = ["软件"],
            PrimaryType = CarrierPrimaryType.ProducerServices, Area = 3000, PublicServiceArea = 500, EstablishedOn = new DateOnly(2020, 1, 1), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(carrier);
        var resident = new ResidentEnterprise
        {
            CarrierId = carrier.Id, Name = "甲核对软件有限公司", Uscc = LedgerDemoSeeder.Uscc("530102", 810_001), EntryDate = new DateOnly(2024, 3, 1),
            Industry = "软件", InLeadingIndustry = true, SizeClass = SizeClass.Micro,
        };
        db.Add(resident);
        db.Add(new LedgerEntry { CarrierId = carrier.Id, Function = ServiceFunction.InformationService, Date = new DateOnly(2025, 4, 8), Place = "路演厅", Form = ServiceForm.Event, ResidentIds = [resident.Id], PersonCount = 12, Fee = FeeClass.Free, Feedback = "好" });
        db.Add(new LedgerEntry { CarrierId = carrier.Id, Function = ServiceFunction.Training, Date = new DateOnly(2025, 9, 16), Place = "培训室", Form = ServiceForm.Training, ResidentIds = [resident.Id], PersonCount = 5, Fee = FeeClass.LowFee, Feedback = "好" });
        await db.SaveChangesAsync();
        return carrier.Id;
    }

    [Fact]
    public async Task A_resident_enterprise_confirms_one_service_and_disputes_another_and_the_officer_sees_why()
    {
        var carrier = await CarrierAsync();
        var operatorPage = await browser.SignedInPageAsync("km.applicant");
        await operatorPage.GotoAsync($"/Base/{carrier}/Surveys?Year=2025");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "为全部入驻企业生成链接" }).ClickAsync();
        var link = await operatorPage.GetByLabel("甲核对软件有限公司的问卷链接").InputValueAsync();

        var enterprise = await browser.NewPageAsync(phone: true);
        await enterprise.GotoAsync(link);
        await enterprise.Locator("#confirm-link a").ClickAsync();
        await Assertions.Expect(enterprise.Locator("h1")).ToHaveTextAsync("核对基地服务记录");
        await Assertions.Expect(enterprise.Locator("#services fieldset")).ToHaveCountAsync(2);
        var info = enterprise.Locator("#services fieldset").Filter(new() { HasText = "信息服务" });
        var training = enterprise.Locator("#services fieldset").Filter(new() { HasText = "人员培训" });
        await info.GetByLabel("确认", new() { Exact = true }).CheckAsync();
        await training.GetByLabel("有异议", new() { Exact = true }).CheckAsync();
        await BrowserFixture.AssertAccessibleAsync(enterprise);
        // A dispute without a reason is refused in Chinese and nothing is saved.
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "保存核对结果" }).ClickAsync();
        await Assertions.Expect(enterprise.Locator("#errors")).ToContainTextAsync("请填写异议理由");
        await training.GetByLabel("异议理由（选“有异议”时必填，不超过200字）").FillAsync("当天没有参加该培训");
        await BrowserFixture.ScreenshotAsync(enterprise, "confirmations-respondent-phone");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "保存核对结果" }).ClickAsync();
        await Assertions.Expect(enterprise.Locator("#saved")).ToContainTextAsync("已保存 2 条核对结果");
        await Assertions.Expect(enterprise.Locator("#confirm-summary")).ToContainTextAsync("已确认 1 条，有异议 1 条");
        await BrowserFixture.ScreenshotAsync(enterprise, "confirmations-respondent-saved");
        await BrowserFixture.AssertAccessibleAsync(enterprise);
        await enterprise.Context.CloseAsync();

        var officer = await browser.SignedInPageAsync("km.wuhua");
        await officer.GotoAsync($"/Base/{carrier}/Metrics/2025");
        await Assertions.Expect(officer.Locator("#confirmations tr[data-function=InformationService] [data-measure=Percent]")).ToHaveTextAsync("100.0%");
        await Assertions.Expect(officer.Locator("#confirmations tr[data-function=Training] [data-measure=Percent]")).ToHaveTextAsync("0.0%");
        await Assertions.Expect(officer.Locator("#anomalies li[data-kind=DisputedByEnterprise]")).ToContainTextAsync("当天没有参加该培训");
        await BrowserFixture.ScreenshotAsync(officer, "confirmations-metrics-officer");
        await officer.GotoAsync($"/Base/{carrier}/Confirmations/2025");
        await Assertions.Expect(officer.Locator("#disputes tbody tr")).ToContainTextAsync("当天没有参加该培训");
        await BrowserFixture.ScreenshotAsync(officer, "confirmations-list-officer");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await LayoutChecks.AssertReadableAsync(officer);
    }

    [Fact]
    public async Task The_city_dashboard_shows_its_area_as_tables_and_charts()
    {
        var page = await browser.SignedInPageAsync("km.city");
        await page.GetByRole(AriaRole.Link, new() { Name = "统计分析" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("昆明市");
        await page.GotoAsync("/Statistics?year=2025");
        // The table is the content: the demo bases of 五华区 and 盘龙区 have 2025 ledgers.
        await Assertions.Expect(page.Locator("#services tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#bases tbody tr[data-region='530102']")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#bases tbody tr[data-region^='37']")).ToHaveCountAsync(0); // no 聊城 in 昆明's dashboard
        // The chart enhances it: ECharts drew on a canvas from the locally served library.
        await Assertions.Expect(page.Locator("#chart-services[data-drawn=true] canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#chart-bases[data-drawn=true] canvas")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "statistics-dashboard-city-2025");
        await BrowserFixture.AssertAccessibleAsync(page);
        await LayoutChecks.AssertReadableAsync(page);

        // Every number leads to its list: the 信息服务 家次 → the bases behind it → one base's entries.
        await page.Locator("#services tr[data-function=InformationService] [data-measure=EnterpriseVisits] a").ClickAsync();
        await Assertions.Expect(page.Locator("#base-volumes tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "statistics-services-drill");
        await BrowserFixture.AssertAccessibleAsync(page);

        var county = await browser.SignedInPageAsync("km.wuhua");
        await county.GotoAsync("/Statistics?year=2025");
        await Assertions.Expect(county.Locator("#bases tbody tr[data-region='530103']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(county, "statistics-dashboard-wuhua-2025");
    }
}
