using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Evaluations;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Tests.Features.Evaluations;

/// <summary>
/// Outcomes by policy data on real PostgreSQL: Beijing's three results (第十四条) and the non-participant rule (第十三条),
/// Tibet's and Kunming's 不合格 (第十九条, 第十八条) → 待撤销 with the policy's ground, the cut-offs frozen at the draw,
/// conflicts in the draw, stars in the registry.
/// </summary>
public sealed class EvaluationOutcomeTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private EvaluationTestData Data => new(app.Services);

    private const string BeijingOperator = "北京海淀科创孵化器有限公司";

    [Fact]
    public async Task Beijing_gives_its_three_results_funds_by_the_tier_and_counts_a_base_that_did_not_take_part_as_failed()
    {
        var d = Data;
        _ = app.Client();
        var good = await d.DesignatedAsync("beijing-base", "北京朝阳创新示范基地", "110105", BeijingOperator);
        var fair = await d.DesignatedAsync("beijing-base", "北京丰台创业示范基地", "110106", BeijingOperator);
        var poor = await d.DesignatedAsync("beijing-base", "北京石景山众创示范基地", "110107", BeijingOperator);
        var absent = await d.DesignationOfAsync("海淀中关村创业示范基地");
        var round = await d.OpenAsync("beijing-base", "110000", 2026);
        var subjects = await d.SubjectsAsync(round);
        Assert.Superset(new HashSet<Guid> { good, fair, poor, absent }, subjects.Select(s => s.DesignationId).ToHashSet());
        Guid S(Guid designation) => subjects.Single(s => s.DesignationId == designation).Id;

        var saved = await d.SettingsAsync(round, 1, 0, new Dictionary<string, decimal?> { ["一般"] = 60, ["较好"] = 80 }, [60, 75, 90],
            [new TierLine("二档", 80, 20), new TierLine("一档", 90, 50)], [S(absent)]);
        Assert.True(saved.Ok, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
        await d.OpenScoringAsync(round);
        Assert.Empty(await d.AssignmentsAsync(S(absent)));
        await d.ScoreAsync(S(good), 95);
        await d.ScoreAsync(S(fair), 70);
        await d.ScoreAsync(S(poor), 50);

        // Not taking part is 不合格 and the authority may not make it anything else (视同为绩效评价结果不合格).
        var changed = await d.ConfirmAsync(round, S(absent), "一般", "已补交材料");
        Assert.Contains("未按要求参加的，视同为“不合格”（第十三条），不能改为其他等次。", changed.Errors.SelectMany(e => e.Value));
        var unticked = await d.ConfirmAsync(round, S(good), confirmed: false);
        Assert.Contains("请勾选“已核对，确认该结果”。确认后不能更改。", unticked.Errors.SelectMany(e => e.Value));
        foreach (var s in new[] { good, fair, poor, absent }) Assert.True((await d.ConfirmAsync(round, S(s))).Ok);

        var results = (await d.SubjectsAsync(round)).ToDictionary(s => s.DesignationId);
        Assert.Equal(("较好", EvaluationOutcome.FundingByTier, "一档", 50m, 3), (results[good].Grade, results[good].Action, results[good].TierName, results[good].TierAmountWan!.Value, results[good].Stars!.Value));
        Assert.Equal(("一般", EvaluationOutcome.KeepWithoutFunding, (string?)null, 1), (results[fair].Grade, results[fair].Action, results[fair].TierName, results[fair].Stars!.Value));
        Assert.Equal(("不合格", EvaluationOutcome.Revoke, "evaluation-failed", "第十四条", 0), (results[poor].Grade, results[poor].Action, results[poor].GroundId, results[poor].Citation, results[poor].Stars!.Value));
        Assert.Equal(("不合格", EvaluationOutcome.Revoke, "evaluation-failed", (decimal?)null, (int?)null), (results[absent].Grade, results[absent].Action, results[absent].GroundId, results[absent].Score, results[absent].Stars));
        Assert.Equal(95m, results[good].Score);

        // A confirmed revoke outcome revokes nothing by itself: it waits for the revocation, linked with its ground.
        Assert.Null(await d.WithAsync((_, db) => db.Set<Designation>().Where(x => x.Id == poor).Select(x => x.RevokedOn).SingleAsync()));
        var city = await app.SignedInAsync("bj.city");
        var page = await city.GetDocumentAsync($"/Evaluations/Rounds/{round}");
        var poorRow = page.QuerySelector($"tr[data-designation='{poor}']")!;
        Assert.Contains("待撤销", poorRow.QuerySelector(".outcome")!.TextContent);
        Assert.Equal($"/revocations/start?designation={poor}&ground=evaluation-failed", poorRow.QuerySelector("a.revoke-link")!.GetAttribute("href"));
        Assert.Contains("资金奖励：一档，50万元", page.QuerySelector($"tr[data-designation='{good}'] .outcome")!.TextContent);
        Assert.Null(page.QuerySelector($"tr[data-designation='{fair}'] a.revoke-link"));

        // Stars in the public registry, list and base page.
        var registry = await app.Client().GetDocumentAsync("/Registry?name=" + Uri.EscapeDataString("北京朝阳创新示范基地"));
        Assert.Contains("★★★（三星）（2026年）", registry.QuerySelector("td.stars")!.TextContent);
        // The operator sees its results once confirmed.
        var applicant = await app.SignedInAsync("bj.applicant");
        var mine = await applicant.GetDocumentAsync("/Evaluations");
        Assert.Contains("北京朝阳创新示范基地", mine.QuerySelector("#results")!.TextContent);

        // Annual (第十三条 每年): a second round for 2026 is refused.
        var again = await d.WithAsync((s, _) => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OpenRoundHandler>(s)
            .HandleAsync(new OpenRoundCommand(EvaluationTestData.Officer("110000"), "beijing-base", 2026), default));
        Assert.Contains("2026年度的绩效评价和星级评定已经开展（第十三条：每年一次）。", again.Errors.SelectMany(e => e.Value));
    }

    [Fact]
    public async Task Tibet_fails_a_base_below_the_pass_mark_and_the_outcome_waits_for_revocation_on_article_19_with_cut_offs_frozen_once_scoring_opened()
    {
        var d = Data;
        _ = app.Client();
        var tibet = await d.DesignationOfAsync("城关区创业创新示范园");
        var round = await d.OpenAsync("xizang-base-2017", "540000", 2026);
        var subject = (await d.SubjectsAsync(round)).Single(s => s.DesignationId == tibet).Id;

        var unordered = await d.SettingsAsync(round, 1, 0, new Dictionary<string, decimal?> { ["合格"] = 120 });
        Assert.Contains("“合格”的分数线应大于0且不超过100分。", unordered.Errors.SelectMany(e => e.Value));
        var stale = await d.WithAsync((_, db) => db.Set<EvaluationRound>().AsNoTracking().SingleAsync(r => r.Id == round));
        Assert.Equal("[]", stale.CutoffsJson);

        Assert.True((await d.SettingsAsync(round, 1, 0, new Dictionary<string, decimal?> { ["合格"] = 60 })).Ok);
        await d.OpenScoringAsync(round);
        var frozen = await d.SettingsAsync(round, 1, 0, new Dictionary<string, decimal?> { ["合格"] = 30 });
        Assert.Contains("评分已经开始，评分细则、分数线、星级标准和资金奖励档次已经固定，不能修改。", frozen.Errors.SelectMany(e => e.Value));
        Assert.Contains("60", await d.WithAsync((_, db) => db.Set<EvaluationRound>().Where(r => r.Id == round).Select(r => r.CutoffsJson).SingleAsync()));
        var officer = await app.SignedInAsync("xz.region");
        var page = await officer.GetDocumentAsync($"/Evaluations/Rounds/{round}");
        Assert.Null(page.QuerySelector("#settings-form"));
        Assert.Contains("60分以上", page.QuerySelector("tr[data-grade='合格']")!.TextContent);

        await d.ScoreAsync(subject, 59.9m);
        Assert.True((await d.ConfirmAsync(round, subject)).Ok);
        var result = (await d.SubjectsAsync(round)).Single(s => s.Id == subject);
        Assert.Equal(("不合格", EvaluationOutcome.Revoke, "evaluation-failed", "第十九条"), (result.Grade, result.Action, result.GroundId, result.Citation));
        page = await officer.GetDocumentAsync($"/Evaluations/Rounds/{round}");
        var row = page.QuerySelector($"tr[data-designation='{tibet}']")!;
        Assert.Equal("待撤销（第十九条）", row.QuerySelector(".outcome-text")!.TextContent.Trim());
        Assert.Equal($"/revocations/start?designation={tibet}&ground=evaluation-failed", row.QuerySelector("a.revoke-link")!.GetAttribute("href"));
        // Confirmed is final.
        var twice = await d.ConfirmAsync(round, subject, "合格", "复核");
        Assert.Contains("该基地的测评结果已经确认，不能更改。", twice.Errors.SelectMany(e => e.Value));
    }

    [Fact]
    public async Task Kunming_draw_excludes_the_expert_who_works_for_the_operator_and_a_failed_base_waits_for_revocation_with_the_plaque_recalled()
    {
        var d = Data;
        _ = app.Client();
        var wuhua = await d.DesignationOfAsync("五华科技创业示范园");
        var round = await d.OpenAsync("kunming-base-2022", "530100", 2026);
        var subject = (await d.SubjectsAsync(round)).Single(s => s.DesignationId == wuhua).Id;
        Assert.True((await d.SettingsAsync(round, 5, 0, new Dictionary<string, decimal?> { ["合格"] = 60 })).Ok);
        await d.OpenScoringAsync(round);

        // 周敏 works for 昆明五华创新创业园运营管理有限公司, the base's operator: the other five accounts make the panel.
        var zhoumin = await d.WithAsync((_, db) => db.Set<Web.Features.Reviews.Experts.Expert>().Where(e => e.Name == "周敏").Select(e => e.Id).SingleAsync());
        var panel = await d.AssignmentsAsync(subject);
        Assert.Equal(5, panel.Count);
        Assert.DoesNotContain(zhoumin, panel.Select(a => a.ExpertId));
        var draw = await d.WithAsync((_, db) => db.Set<EvaluationRound>().Where(r => r.Id == round).Select(r => r.DrawJson).SingleAsync());
        Assert.Contains("工作单位即申报单位（昆明五华创新创业园运营管理有限公司）", draw);

        // Irregular (第十八条 不定期): a second round in the same year is allowed.
        await d.OpenAsync("kunming-base-2022", "530100", 2026);

        await d.ScoreAsync(subject, 40);
        Assert.True((await d.ConfirmAsync(round, subject)).Ok);
        var result = (await d.SubjectsAsync(round)).Single(s => s.Id == subject);
        Assert.Equal(("不合格", EvaluationOutcome.Revoke, "evaluation-failed", "第十八条", 40m), (result.Grade, result.Action, result.GroundId, result.Citation, result.Score!.Value));
        var page = await (await app.SignedInAsync("km.city")).GetDocumentAsync($"/Evaluations/Rounds/{round}");
        Assert.Contains("待撤销（撤销后收回牌匾）", page.QuerySelector($"tr[data-designation='{wuhua}'] .outcome")!.TextContent);
        // Another authority's round is not found.
        var other = await (await app.SignedInAsync("bj.city")).GetAsync($"/Evaluations/Rounds/{round}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);
    }
}
