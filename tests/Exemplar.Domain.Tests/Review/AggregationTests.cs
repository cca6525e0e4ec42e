using Exemplar.Domain.Review;

namespace Exemplar.Domain.Tests.Review;

public sealed class AggregationTests
{
    private static readonly RubricItem[] Items =
    [
        new("facilities", "基础设施", RubricItemKind.Condition, 10, 40),
        new("governance", "治理结构", RubricItemKind.Condition, 20, 40),
        new("city-1", "市级加项", RubricItemKind.Added, 10, 20),
        new("bonus", "鼓励事项", RubricItemKind.Bonus, 5, 0),
    ];

    [Fact]
    public void Not_applicable_items_leave_the_weights_which_are_rescaled()
    {
        // 100 × (40 × 8/10 + 20 × 5/10) ÷ (40 + 20) = 100 × 42 ÷ 60 = 70, plus 3 bonus points = 73 (counting the N/A item as 0 would give 45).
        var marks = new ItemMark[] { new("facilities", 8), new("governance", null), new("city-1", 5), new("bonus", 3) };
        Assert.Empty(RubricScoring.Check(Items, marks));
        Assert.Equal(73m, RubricScoring.Total(Items, marks));
    }

    [Fact]
    public void Bonus_items_only_add()
    {
        // 100 × (40 × 1 + 40 × 0.5 + 20 × 0) ÷ 100 = 60; the bonus marked N/A adds nothing and takes nothing.
        var marks = new ItemMark[] { new("facilities", 10), new("governance", 10), new("city-1", 0), new("bonus", null) };
        Assert.Equal(60m, RubricScoring.Total(Items, marks));
        Assert.Equal(65m, RubricScoring.Total(Items, [.. marks[..3], new ItemMark("bonus", 5)]));
    }

    [Fact]
    public void Marks_out_of_range_missing_or_all_not_applicable_are_refused_by_name()
    {
        var p = RubricScoring.Check(Items, [new("facilities", 11), new("governance", null), new("bonus", 1)]);
        Assert.Contains("“基础设施”：分数应在0至10之间。", p);
        Assert.Contains("“市级加项”：请打分或标记为不适用。", p);
        var all = RubricScoring.Check(Items, [new("facilities", null), new("governance", null), new("city-1", null), new("bonus", 2)]);
        Assert.Contains("评分项不能全部标记为不适用，至少要对一项打分。", all);
    }

    [Fact]
    public void Five_scores_give_mean_trimmed_mean_sd_and_one_outlier()
    {
        Guid E(int i) => new(i, 0, 0, new byte[8]);
        var a = ScoreAggregate.Of([(E(1), 80), (E(2), 85), (E(3), 90), (E(4), 70), (E(5), 95)]);
        Assert.Equal(5, a.Count);
        Assert.Equal(84m, a.Mean);                 // 420 / 5
        Assert.Equal(85m, a.TrimmedMean);          // 95 and 70 dropped: (80 + 85 + 90) / 3
        Assert.Equal(9.62m, a.StandardDeviation);  // √(370 / 4) = 9.617
        // 70 against 80, 85, 90, 95: median 87.5, distance 17.5, their SD √(125/3) = 6.455, twice 12.91 → outlier.
        // 95 against 80, 85, 90, 70: median 82.5, distance 12.5, their SD √(218.75/3) = 8.539, twice 17.08 → not.
        Assert.Equal([E(4)], a.Scores.Where(s => s.IsOutlier).Select(s => s.ExpertId));
        Assert.Equal("该分数与其他4位专家评分的中位数87.5相差17.5分，超过其他专家评分标准差6.45的两倍（12.91分）",
            a.Scores.Single(s => s.IsOutlier).Explanation);
    }

    [Fact]
    public void In_a_panel_of_three_a_score_far_from_the_other_two_is_flagged()
    {
        // 70 against 80 and 90: 15 from their median 85, their SD √50 = 7.07, twice 14.14 → outlier.
        // 90 against 70 and 80: 15 from 75, same SD → outlier too; 80 against 70 and 90: 0 from 80 → not.
        Guid E(int i) => new(i, 0, 0, new byte[8]);
        var a = ScoreAggregate.Of([(E(1), 70), (E(2), 80), (E(3), 90)]);
        Assert.Equal([E(1), E(3)], a.Scores.Where(s => s.IsOutlier).Select(s => s.ExpertId).Order());
        Assert.Equal(80m, a.Mean);
        Assert.Equal(10m, a.StandardDeviation);

        // 76 against 80 and 90: 9 from 85, within 14.14 → not flagged.
        Assert.DoesNotContain(ScoreAggregate.Of([(E(1), 76), (E(2), 80), (E(3), 90)]).Scores, s => s.ExpertId == E(1) && s.IsOutlier);
        // Two scores: one other each, no SD to measure against → never flagged.
        Assert.DoesNotContain(ScoreAggregate.Of([(E(1), 20), (E(2), 95)]).Scores, s => s.IsOutlier);
    }

    [Fact]
    public void Four_scores_are_not_trimmed()
    {
        var a = ScoreAggregate.Of([(Guid.NewGuid(), 70), (Guid.NewGuid(), 80), (Guid.NewGuid(), 90), (Guid.NewGuid(), 100)]);
        Assert.Equal(85m, a.Mean);
        Assert.Null(a.TrimmedMean);
        Assert.Equal(85m, a.RankingScore);
        Assert.Equal(12.91m, a.StandardDeviation); // √(500 / 3) = 12.910
    }

    [Fact]
    public void Ranks_are_shared_on_equal_scores_and_unscored_applications_are_unranked()
    {
        Guid A(int i) => new(i, 0, 0, new byte[8]);
        var r = Ranking.Of(new Dictionary<Guid, decimal?> { [A(1)] = 80, [A(2)] = 90, [A(3)] = 80, [A(4)] = 70, [A(5)] = null });
        Assert.Equal(1, r[A(2)]);
        Assert.Equal(2, r[A(1)]);
        Assert.Equal(2, r[A(3)]);
        Assert.Equal(4, r[A(4)]);
        Assert.Null(r[A(5)]);
    }
}
