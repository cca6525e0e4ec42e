using Exemplar.Domain.Evaluation;
using Exemplar.Domain.Policies;
using Exemplar.Domain.Tests.Policies;

namespace Exemplar.Domain.Tests.Evaluation;

public sealed class EvaluationGradesTests
{
    private static IReadOnlyList<GradeStep> Ladder(string id) => EvaluationGrades.Ladder(PolicyFiles.Get(id).Management.Evaluation!);

    [Fact]
    public void Beijing_has_its_three_grades_worst_first_with_the_outcomes_of_article_14()
    {
        var ladder = Ladder("beijing-base");
        Assert.Equal(["不合格", "一般", "较好"], ladder.Select(s => s.Grade));
        Assert.Equal([EvaluationOutcome.Revoke, EvaluationOutcome.KeepWithoutFunding, EvaluationOutcome.FundingByTier], ladder.Select(s => s.Action));
        Assert.Equal("evaluation-failed", ladder[0].Ground);
        Assert.All(ladder, s => Assert.Equal("第十四条", s.Citation));
    }

    [Theory]
    [InlineData("xizang-base-2017", "第十九条")]
    [InlineData("kunming-base-2022", "第十八条")]
    public void A_text_that_names_only_failure_gets_an_implied_pass_that_keeps_the_title(string id, string article)
    {
        var ladder = Ladder(id);
        Assert.Equal(["不合格", "合格"], ladder.Select(s => s.Grade));
        Assert.Equal(EvaluationOutcome.Revoke, ladder[0].Action);
        Assert.Equal(article, ladder[0].Citation);
        Assert.True(ladder[1].Implied);
        Assert.Equal(GradeStep.Keep, ladder[1].Action);
    }

    [Fact]
    public void A_score_on_the_cut_off_reaches_the_grade_and_one_tenth_below_does_not()
    {
        var ladder = Ladder("beijing-base");
        Cutoff[] cutoffs = [new("一般", 60), new("较好", 80)];
        Assert.Equal("不合格", EvaluationGrades.GradeFor(ladder, cutoffs, 59.9m).Grade);
        Assert.Equal("一般", EvaluationGrades.GradeFor(ladder, cutoffs, 60m).Grade);
        Assert.Equal("一般", EvaluationGrades.GradeFor(ladder, cutoffs, 79.99m).Grade);
        Assert.Equal("较好", EvaluationGrades.GradeFor(ladder, cutoffs, 80m).Grade);
        Assert.Equal("较好", EvaluationGrades.GradeFor(ladder, cutoffs, 100m).Grade);
    }

    [Fact]
    public void Cut_offs_must_be_given_for_every_grade_within_0_to_100_and_increase()
    {
        var ladder = Ladder("beijing-base");
        Assert.Empty(EvaluationGrades.CheckCutoffs(ladder, [new("一般", 60), new("较好", 80)]));
        Assert.Contains("“较好”的分数线应高于“一般”的分数线（80分）。", EvaluationGrades.CheckCutoffs(ladder, [new("一般", 80), new("较好", 80)]));
        Assert.Contains("“较好”的分数线：请填写（0至100分）。", EvaluationGrades.CheckCutoffs(ladder, [new("一般", 60)]));
        Assert.Contains("“一般”的分数线应大于0且不超过100分。", EvaluationGrades.CheckCutoffs(ladder, [new("一般", 101), new("较好", 102)]));
    }

    [Fact]
    public void Stars_follow_the_scale_and_the_scale_must_start_at_one_star_and_increase()
    {
        StarStep[] scale = [new(1, 60), new(2, 75), new(3, 90)];
        Assert.Empty(EvaluationGrades.CheckStars(scale));
        Assert.Equal(0, EvaluationGrades.StarsFor(scale, 59.9m));
        Assert.Equal(2, EvaluationGrades.StarsFor(scale, 75m));
        Assert.Equal(3, EvaluationGrades.StarsFor(scale, 95m));
        Assert.Contains("二星的分数线应高于一星的分数线（70分）。", EvaluationGrades.CheckStars([new(1, 70), new(2, 65)]));
        Assert.NotEmpty(EvaluationGrades.CheckStars([]));
    }

    [Fact]
    public void Tiers_start_at_the_funded_grades_cut_off_and_the_highest_reached_applies()
    {
        FundingTier[] tiers = [new("二档", 80, 20), new("一档", 90, 50)];
        Assert.Empty(EvaluationGrades.CheckTiers(tiers, "较好", 80));
        Assert.Contains("“二档”的起始分数应等于“较好”的分数线（85分），使每个“较好”的基地都有档次。", EvaluationGrades.CheckTiers(tiers, "较好", 85));
        Assert.Contains("“一档”的奖励金额应大于0且不超过10000万元。", EvaluationGrades.CheckTiers([new("二档", 80, 20), new("一档", 90, 0)], "较好", 80));
        Assert.Equal("二档", EvaluationGrades.TierFor(tiers, 89.9m).Name);
        Assert.Equal("一档", EvaluationGrades.TierFor(tiers, 90m).Name);
    }
}

public sealed class RecommendationRankingTests
{
    [Fact]
    public void Evaluation_score_first_then_services_then_satisfaction_unevaluated_last_ties_share_a_rank()
    {
        var a = new RecommendationFigures(Guid.NewGuid(), "甲", 88, 100, 90);
        var b = new RecommendationFigures(Guid.NewGuid(), "乙", 92, 10, null);
        var c = new RecommendationFigures(Guid.NewGuid(), "丙", 88, 300, 70);
        var d = new RecommendationFigures(Guid.NewGuid(), "丁", null, 5000, 100);
        var e = new RecommendationFigures(Guid.NewGuid(), "戊", 88, 100, 90);
        var ranked = RecommendationRanking.Rank([a, b, c, d, e]);
        Assert.Equal(["乙", "丙", "戊", "甲", "丁"], ranked.Select(r => r.Figures.Name));
        Assert.Equal([1, 2, 3, 3, 5], ranked.Select(r => r.Rank));
    }
}
