using Exemplar.Domain.Policies;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Recommendations;

/// <summary>Each programme's recommending levels as its policy file states them (expected values from the seeds).</summary>
public sealed class RecommendationPathTests
{
    private static PolicyVersion Load(string id) =>
        PolicyLoader.Load(File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "policies", id + ".json")), id + ".json");

    [Theory]
    // 昆明第十条: 县（市）区、开发（度假）区 初审并抽查满意度 → 市工信局
    [InlineData("kunming-base-2022", "county:CountyOfficer,developmentZone:ZoneOfficer", false, true)]
    // 聊城第十二条: 县（市、区）、开发区等 现场审核 → 市工信局
    [InlineData("liaocheng-base-2021", "county:CountyOfficer,developmentZone:ZoneOfficer", true, false)]
    // 西藏基地第十一条: 各地（市）→ 自治区经信厅
    [InlineData("xizang-base-2017", "prefecture:PrefectureOfficer", false, false)]
    // 西藏平台三（一）: 地（市）或 自治区级以上园区管委会 → 厅
    [InlineData("xizang-platform-2022", "prefecture:PrefectureOfficer,parkCommittee:ZoneOfficer", false, false)]
    public void Recommending_level_comes_from_the_policy_file(string programme, string authorities, bool onSiteAudit, bool sampling)
    {
        var r = Load(programme).Procedure.Recommendation;
        Assert.True(r.Required);
        var level = Assert.Single(r.Levels);
        Assert.Equal(authorities, string.Join(",", level.Authorities.Select(a => $"{a.Kind}:{string.Join("+", a.Roles)}")));
        Assert.Equal(onSiteAudit, level.OnSiteAudit is not null);
        Assert.Equal(sampling, level.SatisfactionSampling is not null);
        if (sampling) Assert.Equal(10m, level.SatisfactionSampling!.MinimumPercent);
    }

    [Fact]
    public void Beijing_has_no_recommending_level_applications_go_to_the_city()
    {
        var p = Load("beijing-base").Procedure;
        Assert.False(p.Recommendation.Required);
        Assert.Empty(p.Recommendation.Levels);
        Assert.Equal(ApplicationRule.DesignatingAuthority, p.Application.SubmitTo);
    }

    [Theory]
    [InlineData(39, 4)] // 3.9 → 不低于10% → 4
    [InlineData(40, 4)]
    [InlineData(41, 5)]
    [InlineData(1, 1)]
    public void Minimum_sample_is_ten_percent_rounded_up(int residents, int minimum) =>
        Assert.Equal(minimum, RecommendationGate.MinimumSample(residents, 10m));

    [Fact]
    public void Gate_refuses_a_short_sample_and_an_audit_in_the_future()
    {
        var today = new DateOnly(2026, 11, 30);
        var problems = RecommendationGate.Problems(new RecommendationFacts(true, "同意", true, 10m, 39, 3, 0, true, today.AddDays(1), "甲", "乙", 0, today.AddDays(-10), today));
        Assert.Contains(problems, p => p.Message == "抽查样本 3 家少于 39 家入驻小微企业的10%（至少 4 家）。");
        Assert.Contains(problems, p => p.Field == "AuditPhotos" && p.Message == "请上传至少一张现场审核照片作为佐证。");
        Assert.Contains(problems, p => p.Field == "AuditDate" && p.Message == "现场审核日期不能晚于今天。");
        Assert.Empty(RecommendationGate.Problems(new RecommendationFacts(false, "不符合条件", false, 10m, 39, 4, 0, false, null, null, null, 0, today, today)));
        // 不低于10% includes the figure: 4 of 40 is enough; one enterprise still without answer or reason is not.
        Assert.Empty(RecommendationGate.Problems(new RecommendationFacts(true, "同意", true, 10m, 40, 4, 0, true, today, "甲", "乙", 1, today, today)));
        Assert.Contains(RecommendationGate.Problems(new RecommendationFacts(true, "同意", true, 10m, 40, 4, 1, false, null, null, null, 0, today, today)),
            p => p.Message == "还有 1 家被抽查企业未记录答复（无法联系的须记录原因）。");
    }
}
