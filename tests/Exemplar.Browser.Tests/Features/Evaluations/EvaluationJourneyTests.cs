using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Web.Features.Evaluations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Features.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Evaluations;

/// <summary>
/// Beijing's 2026 绩效评价和星级评定 (北京第十三条–第十四条): the city sets the rubric, cut-offs, star scale and funding tiers,
/// marks the demo base as not taking part and draws; the expert declares and scores the other base 92; the city confirms
/// 较好 (一档 50万元, three stars) and 不合格 for the absent base (待撤销 with the link to the revocation); the registry shows
/// the stars.
/// </summary>
public sealed class EvaluationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_Beijing_round_gives_one_base_a_funded_good_result_with_stars_and_the_absent_one_a_failure_awaiting_revocation()
    {
        var data = new EvaluationTestData(browser.App.Services);
        var good = await data.DesignatedAsync("beijing-base", "北京朝阳创新示范基地", "110105", "北京海淀科创孵化器有限公司");
        var absent = await data.DesignationOfAsync("海淀中关村创业示范基地");

        var city = await browser.SignedInPageAsync("bj.city");
        await city.GotoAsync("/Evaluations");
        await Assertions.Expect(city.Locator("nav a[aria-current=page]")).ToHaveTextAsync("测评与星级");
        await city.GetByLabel("年度").FillAsync("2026");
        await city.GetByRole(AriaRole.Button, new() { Name = "开展测评" }).ClickAsync();
        await Assertions.Expect(city.Locator("h1")).ToHaveTextAsync("2026年度绩效评价和星级评定");
        await Assertions.Expect(city.Locator("#no-rule-note")).ToContainTextAsync("没有规定星级标准");

        await city.GetByLabel("每个基地的评审专家人数").FillAsync("1");
        await city.GetByLabel("每个基地的备选专家人数").FillAsync("0");
        await city.GetByLabel("第1项名称").FillAsync("服务能力与运营管理");
        await city.GetByLabel("第1项满分").FillAsync("100");
        await city.GetByLabel("第1项权重").FillAsync("60");
        await city.GetByLabel("第2项名称").FillAsync("服务绩效与满意度");
        await city.GetByLabel("第2项满分").FillAsync("100");
        await city.GetByLabel("第2项权重").FillAsync("40");
        await city.GetByLabel("“一般”的最低分数（含本数）").FillAsync("80");
        await city.GetByLabel("“较好”的最低分数（含本数）").FillAsync("60");
        await city.GetByRole(AriaRole.Button, new() { Name = "保存设置" }).ClickAsync();
        // Cut-offs must rise with the grade; nothing is saved.
        await Assertions.Expect(city.Locator("#errors")).ToContainTextAsync("“较好”的分数线应高于“一般”的分数线（80分）");
        await BrowserFixture.ScreenshotAsync(city, "evaluation-settings-refused");
        await city.GetByLabel("“一般”的最低分数（含本数）").FillAsync("60");
        await city.GetByLabel("“较好”的最低分数（含本数）").FillAsync("80");
        await city.GetByLabel("一星的最低分数").FillAsync("60");
        await city.GetByLabel("二星的最低分数").FillAsync("75");
        await city.GetByLabel("三星的最低分数").FillAsync("90");
        await city.GetByLabel("第1档名称").FillAsync("二档");
        await city.GetByLabel("第1档起始分数").FillAsync("80");
        await city.GetByLabel("第1档奖励金额").FillAsync("20");
        await city.GetByLabel("第2档名称").FillAsync("一档");
        await city.GetByLabel("第2档起始分数").FillAsync("90");
        await city.GetByLabel("第2档奖励金额").FillAsync("50");
        await city.GetByLabel("海淀中关村创业示范基地").CheckAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "保存设置" }).ClickAsync();
        await Assertions.Expect(city.Locator(".notice.success")).ToContainTextAsync("测评设置已保存");
        await BrowserFixture.ScreenshotAsync(city, "evaluation-settings");
        await BrowserFixture.AssertAccessibleAsync(city);
        await LayoutChecks.AssertReadableAsync(city);

        await city.GetByLabel("见证人").FillAsync("刘明（市纪委监委驻局纪检组）");
        await city.GetByRole(AriaRole.Button, new() { Name = "抽取专家并开始评分" }).ClickAsync();
        await Assertions.Expect(city.Locator("#frozen")).ToContainTextAsync("以下设定已固定");
        await Assertions.Expect(city.Locator("#settings-form")).ToHaveCountAsync(0);
        await Assertions.Expect(city.Locator("#tiers")).ToContainTextAsync("一档 90分以上 50万元");

        var expert = await browser.SignedInPageAsync("bj.expert");
        await expert.GotoAsync("/Evaluations");
        await expert.Locator("#tasks tr", new() { HasText = "北京朝阳创新示范基地" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(expert.Locator("#volumes")).ToHaveCountAsync(0);
        await expert.GetByLabel("不存在利益冲突").CheckAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = "提交声明" }).ClickAsync();
        await Assertions.Expect(expert.Locator("#volumes")).ToBeVisibleAsync();
        await expert.GetByLabel("服务能力与运营管理 得分").FillAsync("92");
        await expert.GetByLabel("服务绩效与满意度 得分").FillAsync("92");
        await expert.GetByLabel("评审意见").FillAsync("服务体系完整，台账规范，服务绩效突出。");
        await BrowserFixture.ScreenshotAsync(expert, "evaluation-scoring");
        await BrowserFixture.AssertAccessibleAsync(expert);
        await LayoutChecks.AssertReadableAsync(expert);
        await expert.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await Assertions.Expect(expert.Locator("#my-total")).ToHaveTextAsync("92.00");

        var (round, goodSubject, absentSubject) = await SubjectsAsync(good, absent);
        await city.GotoAsync($"/Evaluations/Rounds/{round}");
        var goodForm = city.Locator($".confirm-form[data-subject='{goodSubject}']");
        await Assertions.Expect(goodForm).ToContainTextAsync("拟定等次：较好（总分 92.00）");
        await goodForm.GetByLabel("已核对，确认该结果（确认后不能更改）").CheckAsync();
        await goodForm.GetByRole(AriaRole.Button, new() { Name = "确认结果" }).ClickAsync();
        await Assertions.Expect(city.Locator(".notice.success")).ToContainTextAsync("测评结果已确认");
        var absentForm = city.Locator($".confirm-form[data-subject='{absentSubject}']");
        await Assertions.Expect(absentForm).ToContainTextAsync("拟定等次：不合格（未参加，第十三条视同）");
        await absentForm.GetByLabel("已核对，确认该结果（确认后不能更改）").CheckAsync();
        await absentForm.GetByRole(AriaRole.Button, new() { Name = "确认结果" }).ClickAsync();

        var goodRow = city.Locator($"#bases tr[data-designation='{good}']");
        await Assertions.Expect(goodRow.Locator(".grade")).ToContainTextAsync("较好　★★★（三星）");
        await Assertions.Expect(goodRow.Locator(".outcome-text")).ToContainTextAsync("资金奖励：一档，50万元（第十四条）");
        var absentRow = city.Locator($"#bases tr[data-designation='{absent}']");
        await Assertions.Expect(absentRow.Locator(".outcome-text")).ToContainTextAsync("待撤销（第十四条）");
        await Assertions.Expect(absentRow.GetByRole(AriaRole.Link, new() { Name = "启动撤销程序" }))
            .ToHaveAttributeAsync("href", $"/revocations/start?designation={absent}&ground=evaluation-failed");
        await BrowserFixture.ScreenshotAsync(city, "evaluation-results");
        await BrowserFixture.AssertAccessibleAsync(city);
        await LayoutChecks.AssertReadableAsync(city);

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/Registry?name=" + Uri.EscapeDataString("北京朝阳创新示范基地"));
        await Assertions.Expect(visitor.Locator("td.stars").First).ToHaveTextAsync("★★★（三星）（2026年）");
        await BrowserFixture.ScreenshotAsync(visitor, "evaluation-registry-stars");
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await LayoutChecks.AssertReadableAsync(visitor);
        await visitor.Locator("td.stars").First.Locator("xpath=..").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(visitor.Locator("dd.stars")).ToContainTextAsync("★★★（三星）（2026年星级评定）");
        await BrowserFixture.ScreenshotAsync(visitor, "evaluation-base-stars");
    }

    private async Task<(Guid Round, Guid Good, Guid Absent)> SubjectsAsync(Guid good, Guid absent)
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var subjects = await db.Set<EvaluationSubject>().AsNoTracking().Where(s => s.DesignationId == good || s.DesignationId == absent).ToListAsync();
        var g = subjects.Single(s => s.DesignationId == good);
        return (g.RoundId, g.Id, subjects.Single(s => s.DesignationId == absent && s.RoundId == g.RoundId).Id);
    }
}
