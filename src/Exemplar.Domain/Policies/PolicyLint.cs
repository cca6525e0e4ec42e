using System.Text.RegularExpressions;

namespace Exemplar.Domain.Policies;

public sealed record LintFinding(string Source, string Path, string Code, string Message)
{
    public override string ToString() => $"{Source} {Path} [{Code}] {Message}";
}

/// <summary>
/// Reports defects in the source documents as encoded (not errors of the file): wording from the other
/// carrier kind in the materials list, Latin words inside Chinese quotes, no effective date in the text.
/// </summary>
public static partial class PolicyLint
{
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    public static IReadOnlyList<LintFinding> Check(PolicyVersion policy)
    {
        var findings = new List<LintFinding>();
        var (ownWord, otherWord) = policy.Kind == CarrierKind.Platform ? ("平台", "基地") : ("基地", "平台");
        for (var i = 0; i < policy.Materials.Count; i++)
        {
            var m = policy.Materials[i];
            if (m.Text.Contains(otherWord, StringComparison.Ordinal) && !m.Text.Contains(ownWord, StringComparison.Ordinal))
            {
                findings.Add(new LintFinding(policy.Source, $"$.materials[{i}].text", "materials-kind-mismatch",
                    $"{(policy.Kind == CarrierKind.Platform ? "示范平台" : "示范基地")}政策的申报材料（{m.Citation}）提到“{otherWord}”：“{m.Text}”，原文可能套用了另一类载体的材料清单"));
            }
        }

        foreach (var (path, citation, text) in Quotes(policy))
        {
            foreach (Match match in LatinWord().Matches(text))
            {
                findings.Add(new LintFinding(policy.Source, path, "latin-word-in-chinese-text",
                    $"{citation}引文中夹有外文“{match.Value}”：“{text}”"));
            }
        }

        if (policy.EffectiveFrom is null)
        {
            findings.Add(new LintFinding(policy.Source, "$.effectiveFrom", "no-effective-date",
                $"《{policy.Title}》文本未载明施行日期（{policy.EffectiveNote ?? "自发布之日起施行"}），须由管理员设定"));
        }

        if (policy.Procedure.PublicNotice.WorkingDays is null)
        {
            findings.Add(new LintFinding(policy.Source, "$.procedure.publicNotice", "notice-length-unspecified",
                $"{policy.Procedure.PublicNotice.Citation}未规定公示期长度"));
        }

        CheckWorkflow(policy, findings);
        return findings;
    }

    /// <summary>Rules the workflow needs that the text leaves open or the file leaves out.</summary>
    private static void CheckWorkflow(PolicyVersion policy, List<LintFinding> findings)
    {
        void Add(string path, string code, string message) => findings.Add(new LintFinding(policy.Source, path, code, message));
        var m = policy.Management;
        var p = policy.Procedure;
        for (var i = 0; i < m.RevocationGrounds.Count; i++)
        {
            var g = m.RevocationGrounds[i];
            if (g.Consequence is null)
            {
                Add($"$.management.revocationGrounds[{i}]", "revocation-ground-without-consequence",
                    $"撤销情形“{g.Text}”（{g.Citation}）没有写明处理后果（consequence）");
            }
        }

        for (var i = 0; i < m.ReapplicationBans.Count; i++)
        {
            var b = m.ReapplicationBans[i];
            if (b.Grounds.Count == 0)
            {
                Add($"$.management.reapplicationBans[{i}]", "ban-without-grounds",
                    $"“{b.Years} 年内不得再次申请”（{b.Citation}）没有指明适用于哪些撤销情形（grounds）");
            }
        }

        if (m.Evaluation is { } e)
        {
            for (var i = 0; i < e.Outcomes.Count; i++)
            {
                if (e.Outcomes[i].Action == EvaluationOutcome.Revoke && e.Outcomes[i].Ground is null)
                {
                    Add($"$.management.evaluation.outcomes[{i}]", "revoking-outcome-without-ground",
                        $"评价结果“{e.Outcomes[i].Grade}”导致撤销，但没有对应的撤销情形（ground）");
                }
            }
        }
        else
        {
            Add("$.management.evaluation", "no-evaluation", "文本未规定对示范载体的评价（测评、绩效评价）及其结果的处理");
        }

        if (m.RevocationGrounds.Count == 0)
        {
            Add("$.management.revocationGrounds", "no-revocation-grounds", "文本未规定撤销（取消）称号的情形");
        }

        if (m.Validity.Years is null)
        {
            Add("$.management.validity", "no-validity", m.Validity.Note is { } note && note.StartsWith("文本未规定", StringComparison.Ordinal) ? note : $"文本未规定有效期：{m.Validity.Note}");
        }

        if (m.ChangeFiling is null)
        {
            Add("$.management.changeFiling", "no-change-filing", "文本未规定重大变更事项的备案");
        }

        for (var i = 0; i < p.Recommendation.Levels.Count; i++)
        {
            if (p.Recommendation.Levels[i].Form is null)
            {
                Add($"$.procedure.recommendation.levels[{i}]", "recommendation-without-form",
                    $"第 {i + 1} 级推荐（{p.Recommendation.Levels[i].Citation}）未规定推荐表格式，由申报通知确定");
            }
        }

        if (p.ExpertReview.Mode == ExpertReviewRule.PerCall)
        {
            Add("$.procedure.expertReview", "expert-review-unspecified",
                $"{p.ExpertReview.Citation}未规定是否组织专家评审，由每个申报批次决定");
        }

        if (p.SiteInspection.Mode == "unspecified")
        {
            Add("$.procedure.siteInspection", "site-inspection-unspecified", "文本未规定认定机关是否现场核查，由每个申报批次决定");
        }

        if (policy.Applicants.OpenEnded)
        {
            Add("$.applicants.openEnded", "open-ended-carrier-types",
                $"{policy.Applicants.Citation}所列载体以“等”结尾，未列明的载体类型须由认定机关判断");
        }
    }

    private static IEnumerable<(string Path, string Citation, string Text)> Quotes(PolicyVersion policy)
    {
        foreach (var c in policy.AllConditions())
        {
            if (c.Quote is not null)
            {
                yield return ($"{c.JsonPath}.quote", c.Citation, c.Quote);
            }

            if (c is KOfNCondition k)
            {
                for (var i = 0; i < k.Functions.Count; i++)
                {
                    if (k.Functions[i].Quote is { } q)
                    {
                        yield return ($"{c.JsonPath}.functions[{i}].quote", k.Functions[i].Citation, q);
                    }
                }
            }
        }

        foreach (var q in PolicyQuotes.Rules(policy).Where(q => !q.IsFormName))
        {
            yield return (q.Path, q.Citation, q.Text);
        }
    }
}
