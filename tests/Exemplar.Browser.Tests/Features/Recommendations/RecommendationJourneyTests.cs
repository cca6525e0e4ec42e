using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Web.Tests.Features.Applications;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Recommendations;

/// <summary>
/// 五华区 officer (昆明第十条): opens the submitted application from the recommendation queue, draws the 10% satisfaction
/// sample, records every sampled enterprise's answer, checks the materials, writes an opinion and signs; the city then
/// sees the recommendation with the opinion and the sample, downloads nothing it does not fill, and — after the expert
/// review has shortlisted the base — records the site inspection (昆明第十二条) with a photo.
/// </summary>
public sealed class RecommendationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_Wuhua_officer_draws_the_sample_records_answers_and_recommends()
    {
        var data = new ApplicationTestData(browser.App.Services);
        var id = await data.SubmittedAsync("昆明五华创新创业园");

        var officer = await browser.SignedInPageAsync("km.wuhua");
        await officer.GotoAsync("/Recommendations");
        await Assertions.Expect(officer.Locator("nav a[aria-current=page]")).ToHaveTextAsync("推荐（初审）");
        await officer.Locator("#recommendations").GetByRole(AriaRole.Link, new() { Name = "昆明五华创新创业园", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("推荐（初审）");
        await BrowserFixture.ScreenshotAsync(officer, "recommendation-worksheet");
        await BrowserFixture.AssertAccessibleAsync(officer);

        // Signing before the sample is refused (第十条: 满意度随机抽查).
        await officer.GetByLabel("推荐", new() { Exact = true }).CheckAsync();
        await officer.GetByLabel("推荐意见").FillAsync("材料真实完整，运营情况良好，同意推荐。");
        foreach (var box in await officer.Locator("#materials input[type=checkbox]").AllAsync()) await box.CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".notice.success")).ToContainTextAsync("推荐工作表已保存");
        await officer.GetByLabel("我已核对以上内容，确认签署").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "签署" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#errors")).ToContainTextAsync("尚未进行满意度随机抽查");

        await officer.GetByRole(AriaRole.Button, new() { Name = "随机抽取样本" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".notice.success")).ToContainTextAsync("已随机抽取满意度抽查样本");
        var summary = await officer.Locator("#sample-size").InnerTextAsync();
        var m = System.Text.RegularExpressions.Regex.Match(summary, @"入驻小微企业 (\d+) 家，按 10% 抽取 (\d+) 家");
        Assert.True(m.Success, summary);
        Assert.Equal((int)Math.Ceiling(int.Parse(m.Groups[1].Value) / 10m), int.Parse(m.Groups[2].Value));
        var size = int.Parse(m.Groups[2].Value);

        await officer.GetByRole(AriaRole.Link, new() { Name = "逐家记录答复" }).ClickAsync();
        var rows = officer.Locator("#answers tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(size);
        for (var i = 0; i < size; i++)
        {
            await rows.Nth(i).GetByLabel("满意", new() { Exact = true }).CheckAsync();
            await rows.Nth(i).Locator("select").SelectOptionAsync("Phone");
        }
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#sample-rate")).ToContainTextAsync($"满意 {size} 家 / 已答复 {size} 家");

        await officer.GotoAsync($"/Applications/{id}/Recommendation");
        await Assertions.Expect(officer.Locator("#sample-answered")).ToContainTextAsync($"{size} / {size} 家");
        await officer.GetByLabel("我已核对以上内容，确认签署").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "签署" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".notice.success")).ToContainTextAsync("推荐意见已签署");
        await Assertions.Expect(officer.Locator("#status")).ToHaveTextAsync("已推荐");
        await Assertions.Expect(officer.Locator("#decision")).ToHaveTextAsync("推荐");
        await Assertions.Expect(officer.Locator("#hash")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await BrowserFixture.ScreenshotAsync(officer, "recommendation-signed");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await LayoutChecks.AssertReadableAsync(officer);
        await officer.Context.CloseAsync();

        var city = await browser.SignedInPageAsync("km.city");
        await city.GotoAsync("/Recommendations");
        await Assertions.Expect(city.Locator("#recommendations")).ToContainTextAsync("材料真实完整，运营情况良好，同意推荐。");
        await Assertions.Expect(city.Locator("#recommendations")).ToContainTextAsync($"已答复 {size} 家");
        await BrowserFixture.ScreenshotAsync(city, "recommendation-city-list");
        await BrowserFixture.AssertAccessibleAsync(city);
        await LayoutChecks.AssertReadableAsync(city);

        // The expert review (its own journey) shortlists the base; then the city inspects it on site.
        var reviews = new Exemplar.Web.Tests.Features.Reviews.ReviewTestData(browser.App.Services);
        var call = await data.CallIdAsync();
        await reviews.DrawnKunmingAsync(3, "昆明五华创新创业园");
        await reviews.ShortlistAllAsync(call);
        await city.GotoAsync($"/Reviews/Calls/{call}/Results");
        await city.Locator("#site-inspections-link").ClickAsync();
        await Assertions.Expect(city.Locator("#rule")).ToContainTextAsync("第十二条");
        await city.Locator("#inspections").GetByRole(AriaRole.Link, new() { Name = "昆明五华创新创业园", Exact = true }).ClickAsync();
        await city.GetByLabel("核查组成员（姓名及单位）").FillAsync("陈敏、刘军（市工信局），王芳（五华区工信局）");
        await city.GetByLabel("核查日期").FillAsync(DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().AddHours(8).DateTime).ToString("yyyy-MM-dd"));
        foreach (var finding in await city.Locator("#findings textarea").AllAsync()) await finding.FillAsync("现场查看与申报材料一致。");
        await city.Locator("#findings input[type=file]").First.SetInputFilesAsync(new FilePayload
        {
            Name = "服务大厅.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
        });
        await city.GetByLabel("通过", new() { Exact = true }).CheckAsync();
        await BrowserFixture.ScreenshotAsync(city, "site-inspection-form");
        await BrowserFixture.AssertAccessibleAsync(city);
        await city.GetByRole(AriaRole.Button, new() { Name = "记录核查结论" }).ClickAsync();
        await Assertions.Expect(city.Locator(".notice.success")).ToContainTextAsync("现场核查结论已记录");
        await Assertions.Expect(city.Locator("#conclusion")).ToHaveTextAsync("通过");
        await Assertions.Expect(city.Locator("#findings")).ToContainTextAsync("服务大厅.png");
        await BrowserFixture.ScreenshotAsync(city, "site-inspection-recorded");
        await BrowserFixture.AssertAccessibleAsync(city);
        await LayoutChecks.AssertReadableAsync(city);
        await city.GotoAsync($"/Reviews/Calls/{call}/SiteInspections");
        await Assertions.Expect(city.Locator("#inspections .conclusion")).ToHaveTextAsync("通过");
        await BrowserFixture.ScreenshotAsync(city, "site-inspection-list");
        await city.Context.CloseAsync();
    }
}
