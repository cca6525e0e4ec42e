using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Evaluation;

/// <summary>One grade of an evaluation and what follows from it, worst first.</summary>
public sealed record GradeStep(string Grade, string Action, string? Ground, string Citation, string Quote, string? Note, bool Implied)
{
    /// <summary>The title stays and nothing else follows (the implied 合格 of a text that names only 不合格).</summary>
    public const string Keep = "keep";
}

/// <summary>A grade's lowest score (以上: the score itself reaches the grade).</summary>
public sealed record Cutoff(string Grade, decimal MinScore);

/// <summary>A star count and its lowest score.</summary>
public sealed record StarStep(int Stars, decimal MinScore);

/// <summary>A funding tier (分级分档): its name, lowest score and amount in 万元.</summary>
public sealed record FundingTier(string Name, decimal MinScore, decimal AmountWan);

/// <summary>
/// The grades of a programme's evaluation, from its policy data: the outcomes in the order the file lists them, worst
/// first (北京 不合格、一般、较好). A text that names only failing grades (西藏第十九条, 昆明第十八条 测评不合格) implies a
/// passing one: 合格 is added, with no consequence. Totals are on a 100-point scale (<see cref="Review.RubricScoring"/>);
/// the authority fixes the lowest score of every grade but the worst, strictly increasing.
/// </summary>
public static class EvaluationGrades
{
    public const string ImpliedPass = "合格";
    public const decimal MaxScore = 100;
    public const int MaxStars = 5;
    public const int MaxTiers = 5;
    public const decimal MaxTierAmountWan = 10000;

    public static IReadOnlyList<GradeStep> Ladder(EvaluationRule rule)
    {
        var steps = rule.Outcomes.Select(o => new GradeStep(o.Grade, o.Action, o.Ground, o.Citation, o.Quote, o.Note, false)).ToList();
        if (steps.Count > 0 && steps.All(s => s.Action == EvaluationOutcome.Revoke))
            steps.Add(new GradeStep(ImpliedPass, GradeStep.Keep, null, rule.Citation, rule.Quote,
                "文本只规定了测评不合格的后果；达到合格分数线的为合格，保留称号", true));
        return steps;
    }

    /// <summary>Problems with the cut-offs (Chinese, naming the grade and the range): one per grade above the worst, 0–100, strictly increasing.</summary>
    public static IReadOnlyList<string> CheckCutoffs(IReadOnlyList<GradeStep> ladder, IReadOnlyList<Cutoff> cutoffs)
    {
        var problems = new List<string>();
        decimal? previous = null;
        string? previousGrade = null;
        foreach (var step in ladder.Skip(1))
        {
            var c = cutoffs.FirstOrDefault(x => x.Grade == step.Grade);
            if (c is null) { problems.Add($"“{step.Grade}”的分数线：请填写（0至{MaxScore:0}分）。"); previous = null; continue; }
            if (c.MinScore is <= 0 or > MaxScore) problems.Add($"“{step.Grade}”的分数线应大于0且不超过{MaxScore:0}分。");
            else if (decimal.Round(c.MinScore, 1) != c.MinScore) problems.Add($"“{step.Grade}”的分数线最多保留一位小数。");
            else if (previous is { } p && c.MinScore <= p) problems.Add($"“{step.Grade}”的分数线应高于“{previousGrade}”的分数线（{p:0.#}分）。");
            previous = c.MinScore;
            previousGrade = step.Grade;
        }
        if (cutoffs.Any(c => !ladder.Skip(1).Any(s => s.Grade == c.Grade))) problems.Add("分数线中有本办法没有的等次。");
        return problems;
    }

    /// <summary>The grade a total reaches: the best grade whose cut-off it reaches (以上 includes the cut-off); below all, the worst.</summary>
    public static GradeStep GradeFor(IReadOnlyList<GradeStep> ladder, IReadOnlyList<Cutoff> cutoffs, decimal score)
    {
        var reached = ladder[0];
        foreach (var step in ladder.Skip(1))
            if (cutoffs.FirstOrDefault(c => c.Grade == step.Grade) is { } c && score >= c.MinScore) reached = step;
        return reached;
    }

    /// <summary>Problems with a star scale: 1 to 5 steps, stars 1, 2, … in order, lowest scores 0–100 strictly increasing.</summary>
    public static IReadOnlyList<string> CheckStars(IReadOnlyList<StarStep> scale)
    {
        var problems = new List<string>();
        if (scale.Count is < 1 or > MaxStars) { problems.Add($"星级标准：请至少设定一星的分数线，最多{MaxStars}星。"); return problems; }
        decimal? previous = null;
        for (var i = 0; i < scale.Count; i++)
        {
            var s = scale[i];
            if (s.Stars != i + 1) { problems.Add($"星级标准：请从一星起依次设定，不能跳过{i + 1}星。"); break; }
            if (s.MinScore is <= 0 or > MaxScore) problems.Add($"{Stars(s.Stars)}的分数线应大于0且不超过{MaxScore:0}分。");
            else if (decimal.Round(s.MinScore, 1) != s.MinScore) problems.Add($"{Stars(s.Stars)}的分数线最多保留一位小数。");
            else if (previous is { } p && s.MinScore <= p) problems.Add($"{Stars(s.Stars)}的分数线应高于{Stars(s.Stars - 1)}的分数线（{p:0.#}分）。");
            previous = s.MinScore;
        }
        return problems;
    }

    /// <summary>Stars a total earns (0 below one star).</summary>
    public static int StarsFor(IReadOnlyList<StarStep> scale, decimal score) => scale.Where(s => score >= s.MinScore).Select(s => s.Stars).DefaultIfEmpty(0).Max();

    public static string Stars(int n) => n switch { 1 => "一星", 2 => "二星", 3 => "三星", 4 => "四星", 5 => "五星", _ => "无星级" };

    /// <summary>
    /// Problems with funding tiers: 1–5 tiers with names, the first starting at the funded grade's cut-off (every base of
    /// that grade falls in a tier), lowest scores strictly increasing up to 100, amounts above 0 and at most 10 000 万元.
    /// </summary>
    public static IReadOnlyList<string> CheckTiers(IReadOnlyList<FundingTier> tiers, string grade, decimal? gradeCutoff)
    {
        var problems = new List<string>();
        if (tiers.Count is < 1 or > MaxTiers) { problems.Add($"资金奖励档次：“{grade}”分级分档给予资金奖励，请设定1至{MaxTiers}档。"); return problems; }
        decimal? previous = null;
        for (var i = 0; i < tiers.Count; i++)
        {
            var t = tiers[i];
            var label = string.IsNullOrWhiteSpace(t.Name) ? $"第{i + 1}档" : $"“{t.Name}”";
            if (string.IsNullOrWhiteSpace(t.Name)) problems.Add($"第{i + 1}档：请填写档次名称。");
            else if (t.Name.Length > 20) problems.Add($"{label}：档次名称不超过20个字。");
            if (t.AmountWan is <= 0 or > MaxTierAmountWan) problems.Add($"{label}的奖励金额应大于0且不超过{MaxTierAmountWan:0}万元。");
            else if (decimal.Round(t.AmountWan, 2) != t.AmountWan) problems.Add($"{label}的奖励金额最多保留两位小数（万元）。");
            if (t.MinScore is < 0 or > MaxScore) problems.Add($"{label}的起始分数应在0至{MaxScore:0}分之间。");
            else if (i == 0 && gradeCutoff is { } g && t.MinScore != g) problems.Add($"{label}的起始分数应等于“{grade}”的分数线（{g:0.#}分），使每个“{grade}”的基地都有档次。");
            else if (previous is { } p && t.MinScore <= p) problems.Add($"{label}的起始分数应高于上一档（{p:0.#}分）。");
            previous = t.MinScore;
        }
        if (tiers.Select(t => t.Name.Trim()).Distinct().Count() != tiers.Count) problems.Add("资金奖励档次的名称不能重复。");
        return problems;
    }

    /// <summary>The tier a total falls in: the highest whose lowest score it reaches; below the first, the first (a grade the authority confirmed by override).</summary>
    public static FundingTier TierFor(IReadOnlyList<FundingTier> tiers, decimal? score) =>
        score is { } s ? tiers.LastOrDefault(t => s >= t.MinScore) ?? tiers[0] : tiers[0];
}
