using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Policies;

/// <summary>The procedure and management rules of the programmes side by side (the rows below the conditions).</summary>
public static class PolicyRuleComparison
{
    private static readonly IReadOnlyList<ComparisonItem> None = [];

    private static IReadOnlyList<ComparisonItem> One(string text, string? citation, string? note = null) =>
        [new ComparisonItem(text, citation ?? "文本未规定", note)];

    private static readonly (string Concept, string Group, string Label, Func<PolicyVersion, IReadOnlyList<ComparisonItem>> Cell)[] Rows =
    [
        ("undertakings", "申报", "申报单位承诺事项", p => p.Undertakings.Count == 0 ? None
            : p.Undertakings.Select(u => new ComparisonItem(u.Text, u.Citation, "签署：" + string.Join("、", u.SignedBy.Select(PolicyText.Subject)))).ToList()),
        ("recommendation", "认定程序", "推荐单位（层级）", p => p.Procedure.Recommendation.Required
            ? p.Procedure.Recommendation.Levels.Select(l => new ComparisonItem($"第 {l.Order} 级：" + string.Join("或", l.Authorities.Select(a => a.Label)), l.Citation,
                "办理角色：" + string.Join("、", l.Roles.Select(PolicyText.Role)))).ToList()
            : One("无推荐环节，直接向认定机关申报", p.Procedure.Application.Citation)),
        ("on-site-audit", "认定程序", "推荐单位现场审核", p => p.Procedure.Recommendation.Levels.Where(l => l.OnSiteAudit is not null)
            .Select(l => new ComparisonItem("推荐单位现场审核", l.OnSiteAudit!.Citation, null)).ToList()),
        ("assessment", "认定程序", "推荐单位测评", p => p.Procedure.Recommendation.Levels.Where(l => l.Assessment is not null)
            .Select(l => new ComparisonItem(string.Join("、", l.Assessment!.Items), l.Assessment.Citation, null)).ToList()),
        ("sampling", "认定程序", "满意度抽查", p => p.Procedure.Recommendation.Levels.Where(l => l.SatisfactionSampling is not null)
            .Select(l => new ComparisonItem($"{l.SatisfactionSampling!.QualifierWord} {PolicyText.Number(l.SatisfactionSampling.MinimumPercent)}% 的{PolicyText.SamplingPopulation(l.SatisfactionSampling)}", l.SatisfactionSampling.Citation, null)).ToList()),
        ("recommendation-form", "认定程序", "推荐表格", p => p.Procedure.Recommendation.Levels.Where(l => l.Form is not null)
            .Select(l => new ComparisonItem(l.Form!.Name + (l.Form.Annex is null ? "" : $"（{l.Form.Annex}）"), l.Form.Citation,
                l.FormScope == RecommendationLevel.Summary ? "汇总表" : "每个推荐对象一张")).ToList()),
        ("expert-review", "认定程序", "专家评审", p => One(PolicyText.ExpertReview(p.Procedure.ExpertReview.Mode), p.Procedure.ExpertReview.Citation)),
        ("site-inspection", "认定程序", "认定机关现场核查", p => One(PolicyText.SiteInspection(p.Procedure.SiteInspection.Mode), p.Procedure.SiteInspection.Citation)),
        ("public-notice", "认定程序", "公示期", p => One(p.Procedure.PublicNotice.WorkingDays is { } d
            ? $"{p.Procedure.PublicNotice.QualifierWord}{(p.Procedure.PublicNotice.QualifierWord is null ? "" : " ")}{d} 个工作日" : "未规定长度", p.Procedure.PublicNotice.Citation,
            p.Procedure.PublicNotice.AuthorityMayExtend ? "认定机关可定更长" : null)),
        ("validity", "管理规定", "有效期", p => One(p.Management.Validity.Years is { } y ? $"{y} 年" : "无固定有效期", p.Management.Validity.Citation,
            p.Management.Validity.Years is null ? p.Management.Validity.Note : null)),
        ("annual-summary", "管理规定", "年度工作总结", p => p.Management.AnnualSummaryDue is { } d ? One(d.Wording, d.Citation) : None),
        ("change-filing", "管理规定", "重大变更备案", p => p.Management.ChangeFiling is { } c
            ? One($"{string.Join("、", c.MajorChanges)}{(c.OpenEnded ? "等" : "")}，{c.EventWording}后 {c.WorkingDays} 个工作日内报{string.Join("、", c.FileTo.Select(t => t.Label))}", c.Citation,
                c.Outcome is { } o ? $"{o.DecidedBy}作出{PolicyText.ChangeActions(o)}" : null)
            : None),
        ("revocation", "管理规定", "撤销情形与处理", p => p.Management.RevocationGrounds
            .Select(g => new ComparisonItem(g.Text, g.Citation, PolicyText.Consequence(g.Consequence))).ToList()),
        ("ban", "管理规定", "撤销后禁止再申请", p => p.Management.ReapplicationBans
            .Select(b => new ComparisonItem($"{b.Years} 年内不得再次申请，仅限：" + string.Join("；", b.Grounds.Select(id => p.Management.Ground(id)?.Citation ?? id)), b.Citation, null)).ToList()),
        ("reapplication", "管理规定", "有效期内再次申报", p => One(PolicyText.Reapplication(p.Management), p.Management.Reapplication.Citation)),
        ("re-review", "管理规定", "期满复核", p => p.Management.ReReview is { } r ? One("期满当年须申请复核", r.Citation) : None),
        ("evaluation", "管理规定", "评价及结果", p => p.Management.Evaluation is { } e
            ? e.Outcomes.Select(o => new ComparisonItem($"{e.Name}{o.Grade}：{PolicyText.EvaluationAction(o)}", o.Citation,
                e.NonParticipationGrade == o.Grade ? "未参加视同" + o.Grade : null)).ToList()
            : None),
        ("periodic-reporting", "管理规定", "定期报送", p => p.Management.PeriodicReporting
            .Select(r => new ComparisonItem($"向{r.To}{r.Frequency}报送{string.Join("、", r.Items)}", r.Citation, null)).ToList()),
    ];

    public static IReadOnlyList<ComparisonGroup> Build(IReadOnlyList<PolicyVersion> policies) =>
        Rows.GroupBy(r => r.Group)
            .Select(g => new ComparisonGroup(g.Key, g.Select(r => new ComparisonRow(r.Concept, r.Label, policies.Select(r.Cell).ToList())).ToList()))
            .ToList();
}
