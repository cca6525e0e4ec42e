namespace Exemplar.Domain.Evaluation;

/// <summary>What ranks a valid base for 择优推荐: its latest confirmed evaluation total and its ledger figures for a year.</summary>
public sealed record RecommendationFigures(Guid DesignationId, string Name, decimal? EvaluationScore, int ServiceVolume, decimal? SatisfactionPercent);

/// <summary>
/// The ranking rule, shown on the page as <see cref="Rule"/>: the latest confirmed evaluation total, highest first
/// (bases without one after all that have one); then the year's services in 家次; then satisfaction (none last); then
/// the name. Equal on all three figures shares a rank (1, 1, 3).
/// </summary>
public static class RecommendationRanking
{
    public const string Rule = "排序规则：先按最近一次已确认的测评（绩效评价）总分从高到低（未参加测评的排在后面）；总分相同的，按台账记录的年度服务家次从多到少；再相同的，按入驻小微企业满意度从高到低（无调查结果的排在后面）。三项都相同的并列。";

    public static IReadOnlyList<(RecommendationFigures Figures, int Rank)> Rank(IEnumerable<RecommendationFigures> candidates)
    {
        var ordered = candidates
            .OrderBy(c => c.EvaluationScore is null).ThenByDescending(c => c.EvaluationScore)
            .ThenByDescending(c => c.ServiceVolume)
            .ThenBy(c => c.SatisfactionPercent is null).ThenByDescending(c => c.SatisfactionPercent)
            .ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.DesignationId)
            .ToList();
        var result = new List<(RecommendationFigures, int)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var tied = i > 0 && ordered[i].EvaluationScore == ordered[i - 1].EvaluationScore && ordered[i].ServiceVolume == ordered[i - 1].ServiceVolume
                       && ordered[i].SatisfactionPercent == ordered[i - 1].SatisfactionPercent;
            result.Add((ordered[i], tied ? result[i - 1].Item2 : i + 1));
        }
        return result;
    }
}
