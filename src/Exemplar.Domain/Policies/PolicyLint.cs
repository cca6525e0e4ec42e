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

        return findings;
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

        for (var i = 0; i < policy.Materials.Count; i++)
        {
            yield return ($"$.materials[{i}].text", policy.Materials[i].Citation, policy.Materials[i].Text);
        }
    }
}
