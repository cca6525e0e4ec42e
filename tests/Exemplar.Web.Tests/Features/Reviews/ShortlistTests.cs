using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Reviews;

/// <summary>Aggregation on the results page, and the shortlist: reasons where it departs from the ranking; two officers at once.</summary>
public sealed class ShortlistTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ReviewTestData data = new(app.Services);

    /// <summary>Every panel expert declares no conflict and submits the same score on every item (all items 10 points, equal weights).</summary>
    private async Task<(Guid Call, Guid Wuhua, Guid Panlong)> ScoredAsync()
    {
        using var _ = app.CreateClient();
        var call = await data.DrawnKunmingAsync(11, "昆明五华创新创业园", "盘龙众创空间");
        var wuhua = await data.Recommendations.RecommendedAsync("昆明五华创新创业园", call);
        var panlong = await data.Recommendations.RecommendedAsync("盘龙众创空间", call);
        var scores = new Dictionary<Guid, decimal[]> { [wuhua] = [7, 8, 9], [panlong] = [6, 9, 9] };
        foreach (var a in (await data.AssignmentsAsync(call)).Where(a => a.State == AssignmentState.Assigned))
        {
            var user = await data.UserIdAsync(await data.UserNameOfExpertAsync(a.ExpertId));
            var declared = await data.WithAsync((s, db) => s.GetRequiredService<DeclareHandler>().HandleAsync(new DeclareCommand(a.Id, user, a.Version, false, null), default));
            Assert.True(declared.Ok, string.Join(" ", declared.Errors.SelectMany(e => e.Value)));
            var version = await data.WithAsync((_, db) => db.Set<ReviewAssignment>().Where(x => x.Id == a.Id).Select(x => x.Version).SingleAsync());
            var keys = await data.WithAsync((_, db) => db.Set<ReviewRubricItem>().Where(i => i.ReviewId == a.ReviewId).Select(i => i.Key).ToListAsync());
            var score = scores[a.ApplicationId][a.Position];
            var submitted = await data.WithAsync((s, _) => s.GetRequiredService<SubmitScoresHandler>().HandleAsync(
                new SubmitScoresCommand(a.Id, user, version, keys.ToDictionary(k => k, _ => (decimal?)score), [], "同意推荐。"), default));
            Assert.True(submitted.Ok, string.Join(" ", submitted.Errors.SelectMany(e => e.Value)));
        }
        return (call, wuhua, panlong);
    }

    [Fact]
    public async Task The_results_page_shows_mean_sd_and_rank_from_the_experts_totals()
    {
        var (call, wuhua, panlong) = await ScoredAsync();
        var city = await app.SignedInAsync("km.city");
        var page = await city.GetDocumentAsync($"/Reviews/Calls/{call}/Results");
        var w = page.QuerySelector($"#results tr[data-application='{wuhua}']")!;
        var p = page.QuerySelector($"#results tr[data-application='{panlong}']")!;
        // 五华: 70, 80, 90 → mean 80, SD √((100+0+100)/2) = 10; 盘龙: 60, 90, 90 → mean 80, SD √((400+100+100)/2) = 17.32.
        Assert.Equal("80.00", w.QuerySelector(".mean")!.TextContent);
        Assert.Equal("10.00", w.QuerySelector(".sd")!.TextContent);
        Assert.Equal("80.00", p.QuerySelector(".mean")!.TextContent);
        Assert.Equal("17.32", p.QuerySelector(".sd")!.TextContent);
        Assert.Equal("1", w.QuerySelector(".rank")!.TextContent);
        Assert.Equal("1", p.QuerySelector(".rank")!.TextContent); // equal means share the rank
        Assert.Equal("3 / 3", w.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task Two_officers_fixing_the_shortlist_at_once_one_wins_and_the_other_is_told()
    {
        var (call, wuhua, panlong) = await ScoredAsync();
        var version = await data.WithAsync((_, db) => db.Set<ExpertReview>().Where(r => r.CallId == call).Select(r => r.Version).SingleAsync());
        var first = new FixShortlistCommand(call, version, [new(wuhua, true, null), new(panlong, true, null)]);
        var second = new FixShortlistCommand(call, version, [new(wuhua, true, null), new(panlong, false, "场地租约将于明年到期，待续签后再议")]);
        var results = await Task.WhenAll(
            data.WithAsync((s, _) => s.GetRequiredService<FixShortlistHandler>().HandleAsync(first, default)),
            data.WithAsync((s, _) => s.GetRequiredService<FixShortlistHandler>().HandleAsync(second, default)));
        Assert.Single(results, r => r.Ok);
        var loser = Assert.Single(results, r => !r.Ok);
        Assert.Contains(loser.Errors.SelectMany(e => e.Value), m => m == Problems.ConcurrencyMessage || m == "入围名单已经确定，不能再修改。");
        var stage = await data.WithAsync((_, db) => db.Set<ExpertReview>().Where(r => r.CallId == call).Select(r => r.Stage).SingleAsync());
        Assert.Equal(ReviewStage.ShortlistFixed, stage);
    }

    [Fact]
    public async Task The_score_sheet_downloads_with_each_experts_total_and_the_shortlist_result()
    {
        var (call, wuhua, panlong) = await ScoredAsync();
        var version = await data.WithAsync((_, db) => db.Set<ExpertReview>().Where(r => r.CallId == call).Select(r => r.Version).SingleAsync());
        const string reason = "场地租约将于明年到期，待续签后再议";
        // The class shares one call: the concurrency test may have fixed the shortlist already (五华 in; 盘龙 in, or out for this reason).
        await data.WithAsync((s, _) => s.GetRequiredService<FixShortlistHandler>().HandleAsync(
            new FixShortlistCommand(call, version, [new(wuhua, true, null), new(panlong, false, reason)]), default));
        var stored = await data.WithAsync((_, db) => db.Set<ExpertReview>().Where(r => r.CallId == call).Select(r => r.ShortlistJson).SingleAsync());
        var panlongIn = Exemplar.Web.Features.Applications.ApplicationJson.Read<List<ShortlistLine>>(stored!).Single(l => l.ApplicationId == panlong).Included;
        var city = await app.SignedInAsync("km.city");
        var response = await city.GetAsync($"/Reviews/Calls/{call}/Results?handler=Export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Documents.OpenXmlChecks.AssertValidXlsx(bytes);
        var cells = Documents.OpenXmlChecks.SheetCells(bytes);
        Assert.Equal(["排名", "受理编号", "基地（平台）", "评分数", "平均分", "截尾平均", "标准差", "各专家评分", "入围结果", "与排名不一致的理由"],
            Enumerable.Range(0, 10).Select(i => cells[$"{(char)('A' + i)}3"]));
        var row = new[] { 4, 5 }.ToDictionary(r => cells[$"C{r}"]);
        Assert.Equal(["昆明五华创新创业园", "盘龙众创空间"], row.Keys.Order());
        int w = row["昆明五华创新创业园"], p = row["盘龙众创空间"];
        // 五华 70, 80, 90: mean 80, SD 10; 盘龙 60, 90, 90: mean 80, SD 17.32; three scores are too few to trim; equal means share rank 1.
        Assert.Equal(("1", "1"), (cells[$"A{w}"], cells[$"A{p}"]));
        Assert.Equal("3", cells[$"D{w}"]);
        Assert.Equal(80m, decimal.Parse(cells[$"E{w}"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(80m, decimal.Parse(cells[$"E{p}"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(cells.TryGetValue($"F{w}", out var trimmed) && trimmed != "");
        Assert.Equal(10m, Math.Round(decimal.Parse(cells[$"G{w}"], System.Globalization.CultureInfo.InvariantCulture), 2));
        Assert.Equal(17.32m, Math.Round(decimal.Parse(cells[$"G{p}"], System.Globalization.CultureInfo.InvariantCulture), 2));
        Assert.Equal(3, cells[$"H{p}"].Split('；').Length);
        Assert.Contains("60.00分", cells[$"H{p}"]);
        Assert.Equal("入围", cells[$"I{w}"]);
        Assert.Equal(panlongIn ? "入围" : "未入围", cells[$"I{p}"]);
        Assert.Equal(panlongIn ? "" : reason, cells.GetValueOrDefault($"J{p}", ""));

        var other = await app.SignedInAsync("lc.city"); // another authority's call: not found, as the page is
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync($"/Reviews/Calls/{call}/Results?handler=Export")).StatusCode);
    }

    [Fact]
    public void Departing_from_the_ranking_needs_a_reason_on_both_sides()
    {
        Guid A(int i) => new(i, 0, 0, new byte[8]);
        ShortlistLine[] lines = [new(A(1), 1, false, null), new(A(2), 2, true, null), new(A(3), 3, false, null), new(A(4), null, false, null)];
        Assert.True(FixShortlistHandler.DepartsFromRanking(lines[0], lines));  // first left out while the second is in
        Assert.True(FixShortlistHandler.DepartsFromRanking(lines[1], lines));  // second in while the first is out
        Assert.False(FixShortlistHandler.DepartsFromRanking(lines[2], lines)); // third out, nobody below it in
        Assert.False(FixShortlistHandler.DepartsFromRanking(lines[3], lines)); // unscored and out
        Assert.True(FixShortlistHandler.DepartsFromRanking(new(A(5), null, true, null), [.. lines, new(A(5), null, true, null)])); // unscored and in
    }
}
