namespace Exemplar.Domain.Review;

public enum RubricItemKind
{
    /// <summary>A condition of the policy that needs a reviewer's judgement, scored against its checklist.</summary>
    Condition = 1,
    /// <summary>鼓励 (北京办法第八条): points that can only add to the total, never a failing condition.</summary>
    Bonus = 2,
    /// <summary>A scored item the designating authority adds for its call.</summary>
    Added = 3,
}

/// <summary>One scored item: scores run from 0 to <see cref="MaxScore"/>; <see cref="Weight"/> is its share among the non-bonus items.</summary>
public sealed record RubricItem(string Key, string Label, RubricItemKind Kind, decimal MaxScore, decimal Weight);

/// <summary>One expert's mark on one item: a score, or 不适用 (null).</summary>
public sealed record ItemMark(string Key, decimal? Score);

/// <summary>
/// An expert's total for one application. Non-bonus items are weighted and put on a 100-point scale over the items that
/// apply: 100 × Σ wᵢ·sᵢ/maxᵢ ÷ Σ wᵢ. An item marked 不适用 leaves both sums (the remaining weights are rescaled; it never
/// counts as 0). Bonus items add their points on top (不适用 adds nothing) — so they can only raise a total.
/// </summary>
public static class RubricScoring
{
    public const decimal MaxItemScore = 100;
    public const decimal MaxWeight = 100;

    /// <summary>Problems with the marks (Chinese, naming the item), empty when they can be totalled.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<RubricItem> items, IReadOnlyList<ItemMark> marks)
    {
        var problems = new List<string>();
        foreach (var item in items)
        {
            var mark = marks.FirstOrDefault(m => m.Key == item.Key);
            if (mark is null) { problems.Add($"“{item.Label}”：请打分或标记为不适用。"); continue; }
            if (mark.Score is { } s && (s < 0 || s > item.MaxScore)) problems.Add($"“{item.Label}”：分数应在0至{item.MaxScore:0.##}之间。");
            if (mark.Score is { } d && decimal.Round(d, 1) != d) problems.Add($"“{item.Label}”：分数最多保留一位小数。");
        }
        var scored = items.Where(i => i.Kind != RubricItemKind.Bonus);
        if (scored.Any() && scored.All(i => marks.FirstOrDefault(m => m.Key == i.Key) is { Score: null }))
            problems.Add("评分项不能全部标记为不适用，至少要对一项打分。");
        return problems;
    }

    public static decimal Total(IReadOnlyList<RubricItem> items, IReadOnlyList<ItemMark> marks)
    {
        decimal weighted = 0, weights = 0, bonus = 0;
        foreach (var item in items)
        {
            if (marks.FirstOrDefault(m => m.Key == item.Key)?.Score is not { } s) continue;
            if (item.Kind == RubricItemKind.Bonus) bonus += s;
            else { weighted += item.Weight * s / item.MaxScore; weights += item.Weight; }
        }
        var basePart = weights == 0 ? 0 : 100 * weighted / weights;
        return decimal.Round(basePart + bonus, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Problems with an item's definition.</summary>
    public static IReadOnlyList<string> CheckItem(string label, RubricItemKind kind, decimal maxScore, decimal weight)
    {
        var p = new List<string>();
        if (maxScore <= 0 || maxScore > MaxItemScore) p.Add($"“{label}”：满分应大于0且不超过{MaxItemScore:0}。");
        if (kind != RubricItemKind.Bonus && (weight <= 0 || weight > MaxWeight)) p.Add($"“{label}”：权重应大于0且不超过{MaxWeight:0}。");
        if (kind == RubricItemKind.Bonus && maxScore > 10) p.Add($"“{label}”：加分项满分不超过10分。");
        return p;
    }
}
