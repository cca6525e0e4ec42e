using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Reviews;

/// <summary>
/// The city (km.city) sets up the review of the 2026 Kunming call and draws a panel; the first expert declares a conflict
/// and the first reserve comes in; three experts declare none and score; the city sees the aggregate, fixes the shortlist
/// and reproduces the draw from its seed.
/// </summary>
public sealed class ExpertReviewJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_city_draws_a_panel_experts_declare_and_score_and_the_city_fixes_the_shortlist()
    {
        var data = new ApplicationTestData(browser.App.Services);
        var call = await data.CallIdAsync();
        // The review takes what the county recommended (昆明第十条 → 第十一条).
        var app = await new Exemplar.Web.Tests.Features.Recommendations.RecommendationTestData(data).RecommendedAsync("昆明五华创新创业园", call);

        var city = await browser.SignedInPageAsync("km.city");
        await city.GotoAsync("/Reviews");
        await city.Locator("#calls").GetByRole(AriaRole.Link, new() { Name = "设置评审" }).First.ClickAsync();
        await city.GetByLabel("每件申报的评审专家人数").FillAsync("3");
        await city.GetByLabel("每件申报的备选专家人数").FillAsync("2");
        await city.GetByRole(AriaRole.Button, new() { Name = "开始设置评审" }).ClickAsync();
        await Assertions.Expect(city.Locator(".notice.success")).ToContainTextAsync("评审设置已保存");
        await city.GetByLabel("见证人（姓名及单位，多人以顿号分隔）").FillAsync("刘明（市纪委监委驻局纪检组）、张华（局办公室）");
        await city.GetByRole(AriaRole.Button, new() { Name = "随机抽取" }).ClickAsync();
        await Assertions.Expect(city.Locator("#draw-record")).ToContainTextAsync("刘明");
        await Assertions.Expect(city.Locator($"[data-application='{app}'] .panel tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(city.Locator($"[data-application='{app}']")).ToContainTextAsync("周敏（工作单位即申报单位");
        await BrowserFixture.ScreenshotAsync(city, "review-drawn");
        await BrowserFixture.AssertAccessibleAsync(city);
        await LayoutChecks.AssertReadableAsync(city);

        var assignments = await AssignmentsAsync(app);
        // The first drawn expert declares a conflict; the first reserve (drawn 4th) is called in.
        var first = await SignInAsync(assignments[0].User);
        await first.GotoAsync("/Reviews");
        await first.Locator($"tr[data-assignment='{assignments[0].Id}']").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(first.Locator("#report")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(first, "review-declaration");
        await BrowserFixture.AssertAccessibleAsync(first);
        await first.GetByLabel("存在利益冲突，申请回避").CheckAsync();
        await first.GetByLabel("利益冲突的情况（声明回避时必填）").FillAsync("本人近三年曾在该基地运营单位兼职");
        await first.GetByRole(AriaRole.Button, new() { Name = "提交声明" }).ClickAsync();
        await Assertions.Expect(first.Locator("#conflicted")).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator("#report")).ToHaveCountAsync(0);

        decimal[] marks = [8, 7, 9];
        foreach (var (a, mark) in new[] { assignments[1], assignments[2], assignments[3] }.Zip(marks))
        {
            var expert = await SignInAsync(a.User);
            await expert.GotoAsync($"/Reviews/Assignments/{a.Id}");
            await expert.GetByLabel("不存在利益冲突").CheckAsync();
            await expert.GetByRole(AriaRole.Button, new() { Name = "提交声明" }).ClickAsync();
            await Assertions.Expect(expert.Locator("#report")).ToBeVisibleAsync();
            foreach (var input in await expert.Locator("#score-items input[type=number]").AllAsync()) await input.FillAsync(mark.ToString());
            await expert.GetByLabel("评审意见").FillAsync("服务体系完整，运营管理规范，同意推荐。");
            if (mark == 8) { await BrowserFixture.ScreenshotAsync(expert, "review-scoring"); await BrowserFixture.AssertAccessibleAsync(expert); }
            await expert.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
            // Kunming's judgement items, 10 points and equal weights: the same mark on every item gives mark × 10.
            await Assertions.Expect(expert.Locator("#my-total")).ToHaveTextAsync($"{mark * 10:0.00}");
        }

        await city.GotoAsync($"/Reviews/Calls/{call}/Results");
        var row = city.Locator($"#results tr[data-application='{app}']");
        await Assertions.Expect(row.Locator(".mean")).ToHaveTextAsync("80.00");   // (80 + 70 + 90) / 3
        await Assertions.Expect(row.Locator(".sd")).ToHaveTextAsync("10.00");     // √((0 + 100 + 100) / 2)
        await Assertions.Expect(row.Locator(".count")).ToHaveTextAsync("3 / 3");
        await BrowserFixture.ScreenshotAsync(city, "review-results");
        await BrowserFixture.AssertAccessibleAsync(city);
        await LayoutChecks.AssertReadableAsync(city);
        await city.Locator($"#shortlist-form tr[data-application='{app}'] input[type=checkbox]").CheckAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "确定入围名单" }).ClickAsync();
        await Assertions.Expect(city.Locator("#shortlist-fixed")).ToContainTextAsync("陈敏");
        await Assertions.Expect(city.Locator($"#shortlist tr[data-application='{app}']")).ToContainTextAsync("入围");
        await BrowserFixture.ScreenshotAsync(city, "review-shortlist");

        await city.GotoAsync($"/Reviews/Calls/{call}/Verify");
        await Assertions.Expect(city.Locator("#verdict")).ToContainTextAsync("完全一致");
        await BrowserFixture.ScreenshotAsync(city, "review-verify");
        await BrowserFixture.AssertAccessibleAsync(city);
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Exemplar.Web.Features.DemoData.DemoDirectory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await BrowserFixture.ScreenshotAsync(page, "review-signin-" + userName);
        return page;
    }

    private async Task<List<(Guid Id, string User)>> AssignmentsAsync(Guid app)
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        return (await (from a in db.Set<ReviewAssignment>()
                       join e in db.Set<Expert>() on a.ExpertId equals e.Id
                       join u in db.Set<UserAccount>() on e.UserId equals u.Id
                       where a.ApplicationId == app
                       orderby a.Position
                       select new { a.Id, u.UserName }).ToListAsync()).Select(x => (x.Id, x.UserName)).ToList();
    }
}
