using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The warnings a submission records from an eligibility result: every quantitative condition (and every measure of a
/// k-of-n group) not met or missing data, and every group not met. Read from the result as frozen
/// (<see cref="PolicyEvaluationDto"/>), so a locked report's result gives the same warnings as the live one it was made from.
/// </summary>
public static class SubmissionWarnings
{
    public static List<string> Of(PolicyEvaluationDto evaluation)
    {
        var all = Flatten(evaluation.Conditions).ToList();
        var warnings = new List<string>();
        foreach (var r in all.Where(r => r.Quantitative && (r.Children is null || r.Children.Count == 0) && r.Group is null))
        {
            if (r.State == ResultState.NotMet) warnings.Add($"{r.Citation}：{r.Requirement}——不符合（{r.Actual ?? "—"}{(r.Shortfall is null ? "" : "，" + r.Shortfall)}）。");
            else if (r.State == ResultState.MissingData) warnings.Add($"{r.Citation}：{r.Requirement}——缺少数据。");
        }
        foreach (var g in all.Where(r => r.Group is not null && r.State != ResultState.Met))
            warnings.Add($"{g.Citation}：{g.Requirement}——{EvaluationJson.StateText(g.State)}（计入{g.Group!.Counting.Count}项，需{g.Group.K}项）。");
        return warnings;
    }

    /// <summary>In the order of <see cref="PolicyEvaluation.AllResults"/>: each result, its children, then its group's measures.</summary>
    private static IEnumerable<ConditionResultDto> Flatten(IEnumerable<ConditionResultDto> results)
    {
        foreach (var r in results)
        {
            yield return r;
            foreach (var c in Flatten(r.Children ?? [])) yield return c;
            if (r.Group is { } g)
                foreach (var m in g.Functions.SelectMany(f => f.Measures)) yield return m;
        }
    }
}
