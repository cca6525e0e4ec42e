using Exemplar.Domain.Designations;
using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Documents.Official;

/// <summary>
/// What the 公示, 公告 and 撤销决定 read from a programme's policy file: the issuing authority, the title it confers, the text
/// with its number, and the procedure sentence built from the stages the text actually has — nothing per programme in C#.
/// </summary>
public static class PolicyWording
{
    /// <summary>The designating authority as its documents name it: the policy file's <c>issuer</c>.</summary>
    public static Issuer IssuerOf(PolicyVersion p) => Issuer.Of(p.Issuer);

    /// <summary>
    /// 《title》（number） — the number only where the text states one (北京、西藏基地: “文号未在文本中载明” is not a number).
    /// </summary>
    public static ProgrammeRef Programme(PolicyVersion p) =>
        new(DesignationTitle.Of(p.Title), $"《{p.Title}》" + (HasNumber(p) ? $"（{p.DocumentNumber}）" : ""));

    public static bool HasNumber(PolicyVersion p) => p.DocumentNumber.Contains('〔', StringComparison.Ordinal) && !p.DocumentNumber.Contains("未", StringComparison.Ordinal);

    /// <summary>
    /// 经…推荐、专家评审和现场核查: the recommending authorities the text names, an expert review where the text requires one
    /// (or where the call held one, 北京 “认定评价” otherwise), a site inspection where the text requires one or the call held one.
    /// </summary>
    public static string Procedure(PolicyVersion p, bool reviewHeld, bool inspectionHeld, params string[] after)
    {
        var stages = new List<string>();
        if (p.Procedure.Recommendation is { Required: true, Levels.Count: > 0 } r)
            stages.Add(string.Join("、", r.Levels.SelectMany(l => l.Authorities).Select(a => a.Label).Distinct()) + "推荐");
        var review = p.Procedure.ExpertReview;
        if (review.Mode == ExpertReviewRule.Required || reviewHeld) stages.Add("专家评审");
        else stages.Add("认定评价");
        if (p.Procedure.SiteInspection.Mode == "yes" || inspectionHeld) stages.Add("现场核查");
        stages.AddRange(after);
        return "经" + (stages.Count == 1 ? stages[0] : string.Join("、", stages[..^1]) + "和" + stages[^1]);
    }
}
