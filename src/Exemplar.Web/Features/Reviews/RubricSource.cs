using Exemplar.Domain.Policies;
using Exemplar.Domain.Review;

namespace Exemplar.Web.Features.Reviews;

/// <summary>
/// The one place that reads a policy for the rubric: every condition that needs a reviewer's judgement (the policy
/// file's <c>review</c> conditions, with their checklists) becomes a scored item; one whose requirement is 鼓励 … (北京办法
/// 第八条: encouraged, never a failing condition) becomes a bonus item that can only add.
/// </summary>
public static class RubricSource
{
    public const decimal ConditionMax = 10;
    public const decimal ConditionWeight = 10;
    public const decimal BonusMax = 2;

    public static List<ReviewRubricItem> From(PolicyVersion policy)
    {
        var items = new List<ReviewRubricItem>();
        foreach (var c in policy.AllConditions().OfType<ReviewCondition>().DistinctBy(c => c.Id))
        {
            var bonus = IsEncouraged(c);
            items.Add(new ReviewRubricItem
            {
                Order = items.Count + 1, Key = c.Id, Label = c.Requirement, Citation = c.Citation, Checklist = [.. c.Checklist],
                Kind = bonus ? RubricItemKind.Bonus : RubricItemKind.Condition,
                MaxScore = bonus ? BonusMax * Math.Max(1, c.Checklist.Count) : ConditionMax, Weight = bonus ? 0 : ConditionWeight,
            });
        }
        return items;
    }

    public static bool IsEncouraged(Condition c) => c.Requirement.StartsWith("鼓励", StringComparison.Ordinal);
}
