using System.Net;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Recommendations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.SiteInspections;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Features.Reviews;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.SiteInspections;

/// <summary>
/// 现场核查 (昆明办法第十二条) on real PostgreSQL: after the shortlist is fixed, the city records a team, a date, a finding
/// and photos per condition and a conclusion; a base that fails leaves the shortlist with the reason kept.
/// </summary>
public sealed class SiteInspectionTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ReviewTestData data = new(app.Services);
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static PolicyVersion Load(string id) =>
        PolicyLoader.Load(File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "policies", id + ".json")), id + ".json");

    [Theory]
    [InlineData("kunming-base-2022", true)]    // 第十二条: 市工业和信息化局组织对推荐认定市级示范基地进行现场核查
    [InlineData("liaocheng-base-2021", true)]  // 第十二条: 如有必要，采用现场审查的形式进行核实
    [InlineData("beijing-base", false)]
    [InlineData("xizang-base-2017", false)]
    [InlineData("xizang-platform-2022", false)]
    public void Site_inspection_comes_from_the_policy_file(string programme, bool applies) =>
        Assert.Equal(applies, SiteInspectionRules.Applies(Load(programme).Procedure.SiteInspection));

    /// <summary>Both Kunming applications recommended, drawn, scored by every panel expert and shortlisted.</summary>
    private async Task<(Guid Call, Guid Wuhua, Guid Panlong)> ShortlistedAsync()
    {
        using var _ = app.CreateClient();
        var call = await data.DrawnKunmingAsync(5, "昆明五华创新创业园", "盘龙众创空间");
        var wuhua = await data.Recommendations.RecommendedAsync("昆明五华创新创业园", call);
        var panlong = await data.Recommendations.RecommendedAsync("盘龙众创空间", call);
        await data.ShortlistAllAsync(call);
        return (call, wuhua, panlong);
    }

    private Task<IReadOnlyList<ConditionResultDto>> ConditionsAsync(Guid application) =>
        data.WithAsync((s, _) => s.GetRequiredService<RecordSiteInspectionHandler>().ConditionsAsync(application, default));

    private Task<SaveResult> RecordAsync(RecordSiteInspectionCommand c) =>
        data.WithAsync((s, _) => s.GetRequiredService<RecordSiteInspectionHandler>().HandleAsync(c, default));

    private async Task<RecordSiteInspectionCommand> CompleteAsync(Guid call, Guid application, InspectionConclusion conclusion, string? reason, DateOnly? rectifyBy = null)
    {
        var conditions = await ConditionsAsync(application);
        Assert.NotEmpty(conditions);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        return new RecordSiteInspectionCommand(call, application, null, "陈敏、刘军（市工信局）", today,
            conditions.ToDictionary(c => c.ConditionId, _ => (string?)"与申报材料一致。"),
            new Dictionary<string, IReadOnlyList<EvidenceUpload>> { [conditions[0].ConditionId] = [new EvidenceUpload("服务大厅.png", Png)] },
            conclusion, rectifyBy, reason, null, "陈敏（昆明市工信局）");
    }

    [Fact]
    public async Task A_base_that_fails_the_inspection_leaves_the_shortlist_with_its_reason_and_the_record_is_final()
    {
        var (call, wuhua, panlong) = await ShortlistedAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        var conditions = await ConditionsAsync(panlong);

        // Nothing filled: every part named, in Chinese, nothing saved.
        var empty = await RecordAsync(new RecordSiteInspectionCommand(call, panlong, null, " ", today.AddDays(1),
            new Dictionary<string, string?>(), new Dictionary<string, IReadOnlyList<EvidenceUpload>>(), null, null, null, null, "陈敏"));
        Assert.Contains(empty.Errors["Team"], m => m.Contains("核查组成员"));
        Assert.Contains(empty.Errors["Date"], m => m == "核查日期不能晚于今天。");
        Assert.Contains(empty.Errors[$"Findings[{conditions[0].ConditionId}]"], m => m.Contains("的核查情况"));
        Assert.Contains(empty.Errors["Photos"], m => m == "请至少上传一张现场照片作为核查佐证。");
        Assert.Contains(empty.Errors["Conclusion"], m => m.Contains("请选择核查结论"));
        var noReason = await RecordAsync(await CompleteAsync(call, panlong, InspectionConclusion.Fails, null));
        Assert.Contains(noReason.Errors["Reason"], m => m.Contains("核查不通过的，请写明原因"));
        Assert.Equal(0, await data.WithAsync((_, db) => db.Set<SiteInspection>().CountAsync(x => x.ApplicationId == panlong)));

        const string why = "现场无独立的公共服务场地，申报的服务面积为租赁意向。";
        var failed = await RecordAsync(await CompleteAsync(call, panlong, InspectionConclusion.Fails, why));
        Assert.True(failed.Ok, string.Join(" ", failed.Errors.SelectMany(e => e.Value)));
        var review = await data.WithAsync((_, db) => db.Set<ExpertReview>().AsNoTracking().SingleAsync(r => r.CallId == call));
        var lines = ApplicationJson.Read<List<ShortlistLine>>(review.ShortlistJson);
        var line = lines.Single(l => l.ApplicationId == panlong);
        Assert.True(line.Included);              // as the authority fixed it
        Assert.Equal(why, line.ExcludedByInspection);
        Assert.False(line.Stays);
        Assert.True(lines.Single(l => l.ApplicationId == wuhua).Stays);

        var again = await RecordAsync(await CompleteAsync(call, panlong, InspectionConclusion.Passes, null));
        Assert.False(again.Ok);

        using var city = await app.SignedInAsync("km.city");
        var results = await city.GetStringAsync($"/Reviews/Calls/{call}/Results");
        Assert.Contains("现场核查未通过，已移出入围名单：" + why, results);
        var list = await city.GetStringAsync($"/Reviews/Calls/{call}/SiteInspections");
        Assert.Contains("已移出：" + why, list);
        var record = await city.GetStringAsync($"/Reviews/Calls/{call}/SiteInspections/{panlong}");
        Assert.Contains("服务大厅.png", record);
        // An application not on this call's shortlist is not found here.
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/Reviews/Calls/{call}/SiteInspections/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Rectification_by_a_date_is_followed_by_a_second_inspection_that_passes()
    {
        var (call, wuhua, _) = await ShortlistedAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        var tooLate = await RecordAsync(await CompleteAsync(call, wuhua, InspectionConclusion.Rectify, "补充创业导师聘任协议。", today.AddYears(1).AddDays(1)));
        Assert.Contains(tooLate.Errors["RectifyBy"], m => m.Contains("不超过核查日期后一年"));
        var rectify = await RecordAsync(await CompleteAsync(call, wuhua, InspectionConclusion.Rectify, "补充创业导师聘任协议。", today.AddDays(30)));
        Assert.True(rectify.Ok, string.Join(" ", rectify.Errors.SelectMany(e => e.Value)));
        var first = await data.WithAsync((_, db) => db.Set<SiteInspection>().AsNoTracking().SingleAsync(x => x.ApplicationId == wuhua));
        Assert.Equal(today.AddDays(30), first.RectifyBy);

        var follow = await CompleteAsync(call, wuhua, InspectionConclusion.Passes, "导师协议已补齐。") with { Version = first.Version };
        var passed = await RecordAsync(follow);
        Assert.True(passed.Ok, string.Join(" ", passed.Errors.SelectMany(e => e.Value)));
        var final = await data.WithAsync((_, db) => db.Set<SiteInspection>().AsNoTracking().SingleAsync(x => x.ApplicationId == wuhua));
        Assert.Equal(InspectionConclusion.Passes, final.Conclusion);
        Assert.Null(final.RectifyBy);
        // The photos of both visits are kept on the condition.
        Assert.Equal(2, ApplicationJson.Read<List<InspectionFinding>>(final.FindingsJson).Sum(f => f.PhotoIds.Count));
    }
}
