using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

/// <summary>The rules the workflow reads from the files, checked against the seeds article by article (issue 10).</summary>
public class WorkflowRulesTests
{
    private static PolicyVersion P(string id) => PolicyFiles.Get(id);

    [Fact]
    public void Who_may_apply_is_the_carrier_types_and_region_of_each_article_3()
    {
        Assert.Contains("makerSpace", P("kunming-base-2022").Applicants.CarrierTypes.Select(t => t.Type));
        Assert.Contains("starInnovationSpace", P("kunming-base-2022").Applicants.CarrierTypes.Select(t => t.Type));
        Assert.DoesNotContain("makerSpace", P("liaocheng-base-2021").Applicants.CarrierTypes.Select(t => t.Type));
        Assert.DoesNotContain("makerSpace", P("xizang-base-2017").Applicants.CarrierTypes.Select(t => t.Type));
        Assert.True(P("beijing-base").Applicants.OpenEnded);   // 第三条 “等载体”
        Assert.False(P("kunming-base-2022").Applicants.OpenEnded);
        Assert.Equal(["5301"], P("kunming-base-2022").Applicants.Region.DivisionPrefixes);
        Assert.Equal(["11"], P("beijing-base").Applicants.Region.DivisionPrefixes);
        Assert.Equal(["3715"], P("liaocheng-base-2021").Applicants.Region.DivisionPrefixes);
        Assert.All(P("xizang-platform-2022").Applicants.CarrierTypes, t => Assert.Equal(CarrierKind.Platform, CarrierTypes.Find(t.Type)!.Kind));
        Assert.Equal(PolicyLoader.ApplicantTypeId, P("beijing-base").Conditions[0].Id);
    }

    [Fact]
    public void Undertakings_are_kunmings_three_and_beijings_unit_and_legal_representative()
    {
        var kunming = P("kunming-base-2022").Undertakings;
        Assert.Equal(3, kunming.Count);
        Assert.Contains(kunming, u => u.Text.Contains("偷漏税、拖欠职工工资及欠缴社会保险费", StringComparison.Ordinal));
        Assert.Contains(kunming, u => u.Text.Contains("不采取吃请、馈赠、贿赂等不正当手段", StringComparison.Ordinal));
        Assert.All(kunming, u => Assert.Equal([Undertaking.Unit, Undertaking.LegalRepresentative], u.SignedBy));
        var beijing = Assert.Single(P("beijing-base").Undertakings);
        Assert.Equal([Undertaking.Unit, Undertaking.LegalRepresentative], beijing.Subjects);
        Assert.Equal("第六条第（二）项", beijing.Citation);
    }

    [Fact]
    public void Recommendation_levels_roles_and_local_work_follow_the_texts()
    {
        var kunming = Assert.Single(P("kunming-base-2022").Procedure.Recommendation.Levels);
        Assert.Equal(["CountyOfficer", "ZoneOfficer"], kunming.Roles);
        Assert.Equal((10m, "不低于", "residentSmallMicro"), (kunming.SatisfactionSampling!.MinimumPercent, kunming.SatisfactionSampling.QualifierWord, kunming.SatisfactionSampling.Population));
        Assert.Equal(("《昆明市小型微型企业创业创新示范基地推荐汇总表》", RecommendationLevel.Summary), (kunming.Form!.Name, kunming.FormScope));
        Assert.Null(kunming.OnSiteAudit);

        var liaocheng = Assert.Single(P("liaocheng-base-2021").Procedure.Recommendation.Levels);
        Assert.Equal("第十二条", liaocheng.OnSiteAudit!.Citation);   // 县级现场审核
        Assert.Null(liaocheng.Form);

        foreach (var id in new[] { "xizang-base-2017", "xizang-platform-2022" })
        {
            var level = Assert.Single(P(id).Procedure.Recommendation.Levels);
            Assert.Equal(["运营情况", "服务业绩", "满意度"], level.Assessment!.Items);
            Assert.Equal(RecommendationLevel.PerCarrier, level.FormScope);
            Assert.EndsWith("推荐表》", level.Form!.Name, StringComparison.Ordinal);
        }

        Assert.Contains("ZoneOfficer", Assert.Single(P("xizang-platform-2022").Procedure.Recommendation.Levels).Roles); // 园区管委会
        Assert.Equal(["PrefectureOfficer"], Assert.Single(P("xizang-base-2017").Procedure.Recommendation.Levels).Roles);

        var beijing = P("beijing-base").Procedure;
        Assert.False(beijing.Recommendation.Required);
        Assert.Empty(beijing.Recommendation.Levels);
        Assert.Equal(ApplicationRule.DesignatingAuthority, beijing.Application.SubmitTo);
    }

    [Fact]
    public void Expert_review_and_site_inspection_are_required_optional_or_open_as_the_texts_say()
    {
        Assert.Equal(ExpertReviewRule.PerCall, P("beijing-base").Procedure.ExpertReview.Mode);     // 第十一条 认定评价工作
        Assert.All(new[] { "kunming-base-2022", "liaocheng-base-2021", "xizang-base-2017", "xizang-platform-2022" },
            id => Assert.Equal(ExpertReviewRule.Required, P(id).Procedure.ExpertReview.Mode));
        Assert.Equal(("yes", "expertReview"), (P("kunming-base-2022").Procedure.SiteInspection.Mode, P("kunming-base-2022").Procedure.SiteInspection.After));
        Assert.Equal("ifNeeded", P("liaocheng-base-2021").Procedure.SiteInspection.Mode);
        Assert.Equal("unspecified", P("beijing-base").Procedure.SiteInspection.Mode);
    }

    [Fact]
    public void Beijings_two_year_ban_follows_the_article_15_grounds_only()
    {
        var m = P("beijing-base").Management;
        Assert.Equal(["false-materials", "penalised", "serious-dishonesty"], Assert.Single(m.ReapplicationBans).Grounds);
        Assert.All(m.RevocationGrounds.Where(g => g.Citation.StartsWith("第十五条", StringComparison.Ordinal)), g => Assert.Equal(2, m.BanAfter(g.Id)!.Years));
        Assert.Null(m.BanAfter("evaluation-failed"));   // 第十四条: revoked, no ban
        Assert.Null(m.BanAfter("major-change"));        // 第十七条: no ban
        Assert.All(m.RevocationGrounds, g => Assert.NotNull(g.Consequence));
        // 第十七条: 视情况作出示范基地变更或撤销的处理决定，并向社会公示 — not a revocation in every case.
        Assert.Equal((RevocationConsequence.ChangeOrRevoke, true), (m.Ground("major-change")!.Consequence!.Action, m.Ground("major-change")!.Consequence!.Published));
        Assert.All(m.RevocationGrounds.Where(g => g.Id != "major-change"), g => Assert.Equal(RevocationConsequence.Revoke, g.Consequence!.Action));
    }

    [Fact]
    public void Evaluation_outcomes_follow_the_texts()
    {
        var beijing = P("beijing-base").Management.Evaluation!;
        Assert.Equal(["不合格", "一般", "较好"], beijing.Outcomes.Select(o => o.Grade));
        Assert.Equal([EvaluationOutcome.Revoke, EvaluationOutcome.KeepWithoutFunding, EvaluationOutcome.FundingByTier], beijing.Outcomes.Select(o => o.Action));
        Assert.Equal("不合格", beijing.NonParticipationGrade);   // 第十三条 视同为绩效评价结果不合格
        Assert.True(beijing.StarRating);
        var kunming = Assert.Single(P("kunming-base-2022").Management.Evaluation!.Outcomes);
        Assert.True(P("kunming-base-2022").Management.Ground(kunming.Ground!)!.Consequence!.PlaqueRecall); // 第十八条 收回牌匾
        Assert.Equal("irregular", P("kunming-base-2022").Management.Evaluation!.Frequency);
        Assert.Equal(EvaluationOutcome.Revoke, Assert.Single(P("xizang-base-2017").Management.Evaluation!.Outcomes).Action);
        Assert.Null(P("liaocheng-base-2021").Management.Evaluation);
    }

    [Fact]
    public void Change_filings_name_the_changes_recipients_window_and_event()
    {
        var liaocheng = P("liaocheng-base-2021").Management.ChangeFiling!;
        Assert.Equal(["名称", "地址", "法定代表人"], liaocheng.MajorChanges);
        Assert.Equal((10, ChangeFilingRule.Completion), (liaocheng.WorkingDays, liaocheng.CountsFrom));
        Assert.Equal("localAuthority", liaocheng.Via!.Kind);   // 通过所属辖区的中小企业主管部门
        var beijing = P("beijing-base").Management.ChangeFiling!;
        Assert.Equal(["名称", "地址", "主营业务"], beijing.MajorChanges);
        Assert.Equal((30, ChangeFilingRule.Occurrence), (beijing.WorkingDays, beijing.CountsFrom));
        Assert.Equal(["change", "revoke"], beijing.Outcome!.Actions);
        Assert.True(beijing.Outcome.Published);
        var kunming = P("kunming-base-2022").Management.ChangeFiling!;
        Assert.Equal(["名称", "运营主体", "法定代表人"], kunming.MajorChanges);
        Assert.Equal(["localAuthority", "designatingAuthority"], kunming.FileTo.Select(t => t.Kind)); // 县区和市局
        Assert.Null(P("xizang-base-2017").Management.ChangeFiling);
    }

    [Fact]
    public void Validity_reapplication_reporting_and_transitional_rules_follow_the_texts()
    {
        Assert.Null(P("beijing-base").Management.Validity.Years);
        Assert.Contains("动态管理", P("beijing-base").Management.Validity.Note, StringComparison.Ordinal);
        Assert.Equal(ReapplicationRule.ExpiryYearOnly, P("kunming-base-2022").Management.Reapplication.WhileValid);
        Assert.Equal(ReapplicationRule.Forbidden, P("liaocheng-base-2021").Management.Reapplication.WhileValid);
        var reporting = Assert.Single(P("beijing-base").Management.PeriodicReporting);
        Assert.Equal(("北京市中小企业公共服务平台", "第十六条"), (reporting.To, reporting.Citation));
        Assert.Equal("已认定示范基地的管理按本办法执行", P("beijing-base").Transitional!.Text);
        Assert.True(P("kunming-base-2022").Procedure.PublicNotice.AuthorityMayExtend); // 不少于10个工作日
        Assert.Equal(["上年度工作总结", "当年工作计划"], P("kunming-base-2022").Management.AnnualSummaryDue!.Items);
    }
}
