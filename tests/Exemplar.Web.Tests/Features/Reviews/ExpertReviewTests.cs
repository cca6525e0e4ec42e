using System.Net;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Reviews;

/// <summary>
/// The expert's side on real PostgreSQL: nothing of an application before the declaration, nothing of one he conflicts
/// with, no other expert's scores before his own are in; the computed exclusions; the draw reproduced from its seed.
/// Each test works on its own panel members of the two drawn applications (五华, 盘龙; 3 experts + 2 reserves each).
/// </summary>
public sealed class ExpertReviewTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ReviewTestData data = new(app.Services);
    private const string Wuhua = "昆明五华创新创业园";
    private const string Panlong = "盘龙众创空间";

    private async Task<(Guid Call, Guid Wuhua, Guid Panlong, List<ReviewAssignment> All)> DrawnAsync()
    {
        using var _ = app.CreateClient();
        var call = await data.DrawnKunmingAsync(7, Wuhua, Panlong);
        var wuhua = await data.Recommendations.RecommendedAsync(Wuhua, call);
        var panlong = await data.Recommendations.RecommendedAsync(Panlong, call);
        return (call, wuhua, panlong, await data.AssignmentsAsync(call));
    }

    [Fact]
    public async Task The_draw_excludes_the_applicants_own_employee_and_records_why()
    {
        var (call, wuhua, panlong, all) = await DrawnAsync();
        var zhou = await data.ExpertOfUserAsync("km.expert6"); // 周敏 works for 昆明五华创新创业园运营管理有限公司, the 五华 applicant
        Assert.DoesNotContain(all, a => a.ApplicationId == wuhua && a.ExpertId == zhou);
        Assert.Equal(5, all.Count(a => a.ApplicationId == wuhua));            // the other five linked Kunming experts: 3 + 2
        Assert.Equal(3, all.Count(a => a.ApplicationId == panlong && a.State == AssignmentState.Assigned));
        var city = await app.SignedInAsync("km.city");
        var page = await city.GetDocumentAsync($"/Reviews/Calls/{call}");
        var wuhuaCard = page.QuerySelector($"[data-application='{wuhua}']")!;
        Assert.Contains("周敏（工作单位即申报单位（昆明五华创新创业园运营管理有限公司））", wuhuaCard.TextContent);
        // 钱伟 has no expert account and is never drawn.
        Assert.DoesNotContain("钱伟", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_expert_sees_no_content_before_declaring_and_the_frozen_report_after()
    {
        var (_, _, panlong, all) = await DrawnAsync();
        var mine = all.Single(a => a.ApplicationId == panlong && a.Position == 0);
        var expert = await app.SignedInAsync(await data.UserNameOfExpertAsync(mine.ExpertId));
        var url = $"/Reviews/Assignments/{mine.Id}";

        var before = await expert.GetDocumentAsync(url);
        Assert.NotNull(before.QuerySelector("#declare-form"));
        Assert.Null(before.QuerySelector("#report"));
        Assert.Null(before.QuerySelector("#score-form"));
        using (var direct = await expert.GetAsync($"/Applications/{panlong}/Versions/1"))
            Assert.True(direct.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{direct.StatusCode}");
        // Scoring before declaring is refused by the handler too.
        var early = await (await expert.PostFormAsync(url, new Dictionary<string, string> { ["Version"] = mine.Version.ToString(), ["Opinion"] = "提前评分" },
            url + "?handler=Score", "#declare-form")).ToDocumentAsync();
        Assert.Contains("请先声明是否存在利益冲突；已回避或未启用的专家不能评分。", early.Errors());
        Assert.Equal(AssignmentState.Assigned, await StateAsync(mine.Id));

        using var declared = await expert.SubmitAsIsAsync(url, new Dictionary<string, string> { ["HasConflict"] = "false" }, "#declare-form");
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        var after = await expert.GetDocumentAsync(url);
        Assert.NotNull(after.QuerySelector("#report"));
        Assert.NotNull(after.QuerySelector("#score-form"));
        Assert.Contains(Panlong, after.QuerySelector("#report")!.TextContent);
        Assert.Equal(AssignmentState.Cleared, await StateAsync(mine.Id));
    }

    [Fact]
    public async Task A_declared_conflict_removes_the_expert_and_calls_in_the_first_reserve()
    {
        var (_, wuhua, _, all) = await DrawnAsync();
        var mine = all.Single(a => a.ApplicationId == wuhua && a.Position == 0);
        var reserve = all.Single(a => a.ApplicationId == wuhua && a.Position == 3);
        Assert.Equal(AssignmentState.Reserve, reserve.State);
        var expert = await app.SignedInAsync(await data.UserNameOfExpertAsync(mine.ExpertId));
        var url = $"/Reviews/Assignments/{mine.Id}";

        // A conflict without saying what it is is refused.
        var refused = await (await expert.SubmitAsIsAsync(url, new Dictionary<string, string> { ["HasConflict"] = "true" }, "#declare-form")).ToDocumentAsync();
        Assert.Contains("请填写利益冲突的情况。", refused.Errors());
        // The reserve may already sit on another application's panel (told at the draw): count what the call-in adds.
        var reserveUser = await data.UserIdAsync(await data.UserNameOfExpertAsync(reserve.ExpertId));
        Task<int> ToldAsync() => data.WithAsync((_, db) => db.Set<Notification>().CountAsync(n => n.UserId == reserveUser && n.Title.StartsWith("专家评审任务")));
        var toldBefore = await ToldAsync();
        using var declared = await expert.SubmitAsIsAsync(url,
            new Dictionary<string, string> { ["HasConflict"] = "true", ["Reason"] = "本人配偶在该基地入驻企业任财务负责人" }, "#declare-form");
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);

        var page = await expert.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector("#conflicted"));
        Assert.Null(page.QuerySelector("#report"));
        Assert.Null(page.QuerySelector("#score-form"));
        var now = await data.AssignmentsAsync((await DrawnAsync()).Call);
        Assert.Equal(AssignmentState.Conflicted, now.Single(a => a.Id == mine.Id).State);
        Assert.Equal(AssignmentState.Assigned, now.Single(a => a.Id == reserve.Id).State);
        Assert.Equal(AssignmentState.Reserve, now.Single(a => a.ApplicationId == wuhua && a.Position == 4).State);
        Assert.Equal(toldBefore + 1, await ToldAsync()); // told once, of the call-in
        var audited = await data.WithAsync((_, db) => db.Set<Exemplar.Web.Infrastructure.Auditing.AuditEntry>()
            .Where(e => e.Operation == "专家评审.声明回避" && e.EntityType == nameof(ReviewAssignment)).Select(e => e.EntityId).ToListAsync());
        Assert.Equal(new[] { mine.Id.ToString(), reserve.Id.ToString() }.Order(), audited.Order()); // the conflicted assignment and the reserve called in, in one save
        // A second declaration is refused: the declaration cannot be changed.
        Assert.Null((await expert.GetDocumentAsync(url)).QuerySelector("#declare-form"));
    }

    [Fact]
    public async Task An_expert_cannot_open_another_experts_assignment_nor_the_officers_results()
    {
        var (call, _, panlong, all) = await DrawnAsync();
        var a = all.Single(x => x.ApplicationId == panlong && x.Position == 1);
        var b = all.Single(x => x.ApplicationId == panlong && x.Position == 2);
        var expertA = await app.SignedInAsync(await data.UserNameOfExpertAsync(a.ExpertId));
        using (var other = await expertA.GetAsync($"/Reviews/Assignments/{b.Id}")) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        foreach (var page in new[] { "", "/Results", "/Verify", "/Rubric" })
        {
            using var r = await expertA.GetAsync($"/Reviews/Calls/{call}{page}");
            Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{page}: {r.StatusCode}");
            if (r.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/Error/403", r.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Other_experts_scores_stay_hidden_until_the_expert_has_submitted_his_own()
    {
        var (_, _, panlong, all) = await DrawnAsync();
        var a = all.Single(x => x.ApplicationId == panlong && x.Position == 1);
        var b = all.Single(x => x.ApplicationId == panlong && x.Position == 2);
        var clientA = await app.SignedInAsync(await data.UserNameOfExpertAsync(a.ExpertId));
        var clientB = await app.SignedInAsync(await data.UserNameOfExpertAsync(b.ExpertId));
        await DeclareNoneAsync(clientA, a.Id);
        await DeclareNoneAsync(clientB, b.Id);
        await ScoreAllAsync(clientA, a.Id, 8);

        var beforeOwn = await clientB.GetDocumentAsync($"/Reviews/Assignments/{b.Id}");
        Assert.Null(beforeOwn.QuerySelector("#others"));
        Assert.DoesNotContain("其他专家", beforeOwn.QuerySelector("main")!.TextContent);

        await ScoreAllAsync(clientB, b.Id, 6);
        var afterOwn = await clientB.GetDocumentAsync($"/Reviews/Assignments/{b.Id}");
        // Kunming's rubric: judgement items of 10 points and equal weights: all 8 → 80.00, all 6 → 60.00.
        Assert.Equal("80.00 分", afterOwn.QuerySelector("#others li")!.TextContent.Split('：')[1]);
        Assert.Equal("60.00", afterOwn.QuerySelector("#my-total")!.TextContent);
    }

    [Fact]
    public async Task The_draw_is_reproduced_from_its_seed_and_a_changed_assignment_is_caught()
    {
        var (call, _, _, _) = await DrawnAsync();
        var city = await app.SignedInAsync("km.city");
        var page = await city.GetDocumentAsync($"/Reviews/Calls/{call}/Verify");
        Assert.Contains("复现结果与抽取记录、实际分配完全一致。", page.QuerySelector("#verdict")!.TextContent);
        Assert.Equal("7", (await city.GetDocumentAsync($"/Reviews/Calls/{call}")).QuerySelector("#seed")!.TextContent);
    }

    private static async Task DeclareNoneAsync(HttpClient client, Guid id)
    {
        using var r = await client.SubmitAsIsAsync($"/Reviews/Assignments/{id}", new Dictionary<string, string> { ["HasConflict"] = "false" }, "#declare-form");
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, string.Join(" ", (await r.ToDocumentAsync()).Errors()));
    }

    private static async Task ScoreAllAsync(HttpClient client, Guid id, int score)
    {
        var page = await client.GetDocumentAsync($"/Reviews/Assignments/{id}");
        var fields = page.QuerySelectorAll("#score-items input[type=number]").ToDictionary(i => i.GetAttribute("name")!, _ => score.ToString());
        fields["Opinion"] = "运营规范，服务特色明显。";
        using var r = await client.SubmitAsIsAsync($"/Reviews/Assignments/{id}", fields, "#score-form");
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, string.Join(" ", (await r.ToDocumentAsync()).Errors()));
    }

    private Task<AssignmentState> StateAsync(Guid id) => data.WithAsync((_, db) => db.Set<ReviewAssignment>().Where(a => a.Id == id).Select(a => a.State).SingleAsync());
}
