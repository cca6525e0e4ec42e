using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Surveys;

/// <summary>
/// The operator issues survey links, an enterprise answers one in a browser without an account, the operator sees the
/// answer and the rate; a county officer draws a 10% sample and reproduces it from the recorded seed.
/// </summary>
public sealed class SurveyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A carrier of km.applicant's organisation with three residents; 甲 received 信息服务 and 人员培训 in 2025.</summary>
    private async Task<Guid> CarrierAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var orgName = DemoDirectory.Organizations.Single(o => o.Key == "km-base").Name;
        var org = await db.Set<Organization>().SingleAsync(o => o.Name == orgName);
        var carrier = new Carrier
        {
            OrganizationId = org.Id, Name = "浏览器问卷园", JurisdictionCode = "530102", Kind = CarrierKind.Base, LeadingIndustries = ["软件"],
            PrimaryType = CarrierPrimaryType.ProducerServices, Area = 3000, PublicServiceArea = 500, EstablishedOn = new DateOnly(2020, 1, 1), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(carrier);
        var names = new[] { "甲云端软件有限公司", "乙智造设计有限公司", "丙数据服务有限公司" };
        var residents = names.Select((n, i) => new ResidentEnterprise
        {
            CarrierId = carrier.Id, Name = n, Uscc = LedgerDemoSeeder.Uscc("530102", 800_000 + i), EntryDate = new DateOnly(2024, 3, 1),
            Industry = "软件", InLeadingIndustry = true, SizeClass = SizeClass.Micro,
        }).ToList();
        db.AddRange(residents);
        db.Add(new LedgerEntry { CarrierId = carrier.Id, Function = ServiceFunction.InformationService, Date = new DateOnly(2025, 4, 8), Place = "路演厅", Form = ServiceForm.Event, ResidentIds = [residents[0].Id, residents[1].Id], PersonCount = 12, Fee = FeeClass.Free, Feedback = "好" });
        db.Add(new LedgerEntry { CarrierId = carrier.Id, Function = ServiceFunction.Training, Date = new DateOnly(2025, 9, 16), Place = "培训室", Form = ServiceForm.Training, ResidentIds = [residents[0].Id], PersonCount = 5, Fee = FeeClass.LowFee, Feedback = "好" });
        await db.SaveChangesAsync();
        return carrier.Id;
    }

    [Fact]
    public async Task The_operator_issues_a_link_an_enterprise_answers_it_and_the_operator_sees_the_rate()
    {
        var carrier = await CarrierAsync();
        var operatorPage = await browser.SignedInPageAsync("km.applicant");
        await operatorPage.GotoAsync($"/Base/{carrier}/Surveys?Year=2025");
        await Assertions.Expect(operatorPage.Locator("#links tbody tr[data-status=NotSent]")).ToHaveCountAsync(3);
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "为全部入驻企业生成链接" }).ClickAsync();
        await Assertions.Expect(operatorPage.Locator("#issued")).ToContainTextAsync("已生成 3 个问卷链接");
        await Assertions.Expect(operatorPage.Locator("button.copy-link").First).ToBeVisibleAsync(); // the script ran under the CSP
        var link = await operatorPage.GetByLabel("甲云端软件有限公司的问卷链接").InputValueAsync();
        Assert.Matches("/Survey/[A-Za-z0-9_-]{43}$", link);
        await BrowserFixture.ScreenshotAsync(operatorPage, "survey-links-issued");
        await BrowserFixture.AssertAccessibleAsync(operatorPage);

        // The enterprise: a separate browser context, not signed in.
        var enterprise = await browser.NewPageAsync(phone: true);
        await enterprise.GotoAsync(link);
        await Assertions.Expect(enterprise.Locator("#carrier-name")).ToHaveTextAsync("浏览器问卷园");
        await Assertions.Expect(enterprise.Locator("fieldset.service")).ToHaveCountAsync(2);
        await BrowserFixture.AssertAccessibleAsync(enterprise);
        await enterprise.Locator("#overall").GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await enterprise.Locator("fieldset.service[data-function=InformationService]").GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await enterprise.Locator("fieldset.service[data-function=Training]").GetByLabel("不满意").CheckAsync();
        await enterprise.GetByLabel("意见和建议（可选，不超过1000字）").FillAsync("培训可以再多安排一些实操。");
        await BrowserFixture.ScreenshotAsync(enterprise, "survey-form-phone");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(enterprise.Locator("#thanks")).ToContainTextAsync("您的问卷已提交");
        var again = await enterprise.GotoAsync(link);
        Assert.Equal(410, again!.Status);
        await Assertions.Expect(enterprise.Locator("h1")).ToHaveTextAsync("问卷已提交");
        await BrowserFixture.AssertAccessibleAsync(enterprise);
        await enterprise.Context.CloseAsync();

        await operatorPage.GotoAsync($"/Base/{carrier}/Surveys?Year=2025");
        await Assertions.Expect(operatorPage.Locator("#links tbody tr[data-status=Answered]")).ToHaveCountAsync(1);
        await Assertions.Expect(operatorPage.Locator("#survey-rate")).ToContainTextAsync("100%（满意 1 家 / 答复 1 家）");
        await Assertions.Expect(operatorPage.Locator("#responses")).ToContainTextAsync("培训可以再多安排一些实操。");
        await Assertions.Expect(operatorPage.Locator("#function-rates tr[data-function=Training]")).ToContainTextAsync("0%");
        await BrowserFixture.ScreenshotAsync(operatorPage, "survey-round-answered");
        await BrowserFixture.AssertAccessibleAsync(operatorPage);
        await operatorPage.GotoAsync($"/Base/{carrier}/Metrics/2025");
        await Assertions.Expect(operatorPage.Locator("#satisfaction")).ToContainTextAsync("100%");
        await operatorPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_county_officer_draws_a_ten_percent_sample_and_reproduces_it()
    {
        var officer = await browser.SignedInPageAsync("km.wuhua");
        await officer.GotoAsync("/Base");
        await officer.GetByRole(AriaRole.Link, new() { Name = "昆明五华创新创业园", Exact = true }).ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "满意度抽查" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#samples")).ToContainTextAsync("已完成"); // the demo sample of March 2026
        var population = int.Parse(await officer.Locator("#population-now").InnerTextAsync());
        var expected = (int)Math.Ceiling(population / 10m);
        Assert.Equal(expected.ToString(), await officer.Locator("#expected-size").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(officer, "sampling-list");
        await BrowserFixture.AssertAccessibleAsync(officer);

        await officer.GetByLabel("抽查比例（%）").FillAsync("10");
        // 2025 already has the demo sample: drawing again asks for a confirmation and a reason first.
        await officer.GetByRole(AriaRole.Button, new() { Name = "随机抽取" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#errors")).ToContainTextAsync("再次抽取须勾选确认并填写原因");
        await officer.GetByLabel("我确认要为该年度再次抽取样本").CheckAsync();
        await officer.GetByLabel("再次抽取的原因").FillAsync("核查企业投诉，扩大抽查");
        await officer.GetByRole(AriaRole.Button, new() { Name = "随机抽取" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".notice.success")).ToContainTextAsync("随机种子和总体名单已记录");
        await Assertions.Expect(officer.Locator("#redraw-reason")).ToHaveTextAsync("核查企业投诉，扩大抽查");
        await Assertions.Expect(officer.Locator("#sample-size")).ToHaveTextAsync(expected.ToString());
        await Assertions.Expect(officer.Locator("#answers tbody tr")).ToHaveCountAsync(expected);
        var seed = await officer.Locator("#seed").InnerTextAsync();
        Assert.Matches("^[0-9]+$", seed);

        await officer.GetByRole(AriaRole.Link, new() { Name = "复现样本" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#reproduce-result")).ToContainTextAsync($"复现结果一致：重新计算得到的 {expected} 家企业及顺序与记录的样本完全相同");
        await Assertions.Expect(officer.Locator("#seed")).ToHaveTextAsync(seed);

        // Record the first enterprise's answer.
        var first = officer.Locator("#answers tbody tr").First;
        await first.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await first.Locator("select").SelectOptionAsync("Phone");
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#sample-rate")).ToContainTextAsync("100%（满意 1 家 / 已答复 1 家");
        await BrowserFixture.ScreenshotAsync(officer, "sampling-detail");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await officer.Context.CloseAsync();
    }
}
