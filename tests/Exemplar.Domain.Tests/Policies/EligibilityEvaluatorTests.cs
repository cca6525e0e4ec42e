using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

public class EligibilityEvaluatorTests
{
    private static Fact N(decimal v, string source = "form") => new(v, source);

    private static PolicyEvaluation Evaluate(string id, Profile profile) => EligibilityEvaluator.Evaluate(PolicyFiles.Get(id), profile);

    [Theory]
    [InlineData(DateRoundingRule.LastDayOfMonth, "2023-02-28")]
    [InlineData(DateRoundingRule.FirstDayOfNextMonth, "2023-03-01")]
    public void Adding_years_to_a_leap_day_follows_the_stated_rule(DateRoundingRule rule, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DateArithmetic.AddYears(new DateOnly(2020, 2, 29), 3, rule));
        Assert.Equal(new DateOnly(2024, 2, 29), DateArithmetic.AddYears(new DateOnly(2020, 2, 29), 4, rule));
    }

    [Fact]
    public void Every_policy_states_the_civil_code_rounding_rule()
    {
        Assert.All(PolicyFiles.All, p =>
        {
            Assert.Equal(DateRoundingRule.LastDayOfMonth, p.DateRounding);
            Assert.Contains("第二百零一条", p.DateRoundingBasis, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("2023-02-27", ResultState.NotMet)]
    [InlineData("2023-02-28", ResultState.Met)]
    [InlineData("2023-03-01", ResultState.Met)]
    public void Tibet_base_registered_on_a_leap_day_is_three_years_old_on_28_february(string reference, ResultState expected)
    {
        var profile = PolicyFiles.BaseProfile("xizang-base-2017")
            .With("baseFoundedOn", new Fact(new DateOnly(2020, 2, 29), "form"))
            .WithDates(DateOnly.Parse(reference), null);
        Assert.Equal(expected, Evaluate("xizang-base-2017", profile).Find("operating-years")!.State);
    }

    [Theory]
    [InlineData("2024-04-29", ResultState.Met)]
    [InlineData("2024-04-30", ResultState.NotMet)]
    [InlineData("2026-04-30", ResultState.NotMet)]
    [InlineData("2026-05-01", ResultState.Met)]
    public void Beijing_look_back_covers_the_two_years_up_to_and_including_the_deadline(string penaltyDate, ResultState expected)
    {
        var profile = PolicyFiles.BaseProfile("beijing-base")
            .With("penalties", new Fact(new List<Penalty> { new(DateOnly.Parse(penaltyDate), "seriousAdministrative", null) }, "hand-entered"));
        var result = Evaluate("beijing-base", profile).Find("no-penalty")!;
        Assert.Equal(expected, result.State);
        Assert.Equal("hand-entered", result.Source);
    }

    [Fact]
    public void Beijing_look_back_from_a_leap_day_deadline_starts_on_28_february()
    {
        var profile = PolicyFiles.BaseProfile("beijing-base").WithDates(new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29))
            .With("penalties", new Fact(new List<Penalty> { new(new DateOnly(2026, 2, 28), "criminal", null) }, "form"));
        Assert.Equal(ResultState.NotMet, Evaluate("beijing-base", profile).Find("no-penalty")!.State);
        profile = profile.With("penalties", new Fact(new List<Penalty> { new(new DateOnly(2026, 2, 27), "criminal", null) }, "form"));
        Assert.Equal(ResultState.Met, Evaluate("beijing-base", profile).Find("no-penalty")!.State);
    }

    [Theory]
    [InlineData(200, 220, ResultState.Met, "增长 10%")]
    [InlineData(200, 219, ResultState.NotMet, "增长 9.5%")]
    [InlineData(0, 10, ResultState.MissingData, null)]
    public void Kunming_growth_is_computed_from_the_series(int previous, int latest, ResultState expected, string? actualPart)
    {
        var profile = PolicyFiles.BaseProfile("kunming-base-2022")
            .With("employeeSeries", new Fact(new List<YearValue> { new(2024, previous), new(2025, latest) }, "ledger"));
        var result = Evaluate("kunming-base-2022", profile).Find("employee-growth")!;
        Assert.Equal(expected, result.State);
        if (actualPart is not null)
        {
            Assert.Contains(actualPart, result.Actual, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Growth_uses_the_two_latest_consecutive_years_and_a_gap_is_missing_data()
    {
        var profile = PolicyFiles.BaseProfile("kunming-base-2022")
            .With("residentSmallMicroSeries", new Fact(new List<YearValue> { new(2022, 10), new(2023, 50), new(2025, 60) }, "ledger"));
        var result = Evaluate("kunming-base-2022", profile).Find("resident-growth")!;
        Assert.Equal(ResultState.MissingData, result.State);
        Assert.Equal(["residentSmallMicroSeries"], result.MissingFacts);
    }

    [Fact]
    public void Missing_is_never_zero_and_names_the_fact_needed()
    {
        var profile = PolicyFiles.BaseProfile("kunming-base-2022").With("residentSmallMicroCount", null);
        var evaluation = Evaluate("kunming-base-2022", profile);
        var result = evaluation.Find("resident-count")!;
        Assert.Equal(ResultState.MissingData, result.State);
        Assert.Null(result.Actual);
        Assert.Equal(["residentSmallMicroCount"], result.MissingFacts);
        Assert.Contains("入驻小微企业数", result.Shortfall, StringComparison.Ordinal);
        Assert.Equal(Verdict.MissingData, evaluation.Verdict);
    }

    [Fact]
    public void A_failed_threshold_explains_article_required_actual_shortfall_and_source()
    {
        var profile = PolicyFiles.BaseProfile("kunming-base-2022").With("residentSmallMicroCount", N(37, "ledger"));
        var result = Evaluate("kunming-base-2022", profile).Find("resident-count")!;
        Assert.Equal("第六条第（三）项", result.Citation);
        Assert.Equal("基地入驻小微企业不少于40家", result.Requirement);
        Assert.Equal("≥ 40家（不少于）", result.Required);
        Assert.Equal("37家", result.Actual);
        Assert.Equal("还差 3 家", result.Shortfall);
        Assert.Equal("ledger", result.Source);
    }

    [Fact]
    public void A_k_of_n_group_names_the_counting_functions_and_the_closest_failures()
    {
        var profile = PolicyFiles.BaseProfile("kunming-base-2022")
            .With("functions.training.personTimes", N(150))
            .With("functions.financing.enterpriseVisits", N(19));
        var group = Evaluate("kunming-base-2022", profile).Find("service-functions")!;
        Assert.Equal(ResultState.NotMet, group.State);
        Assert.Equal(["信息服务", "创业辅导", "创新支持"], group.Group!.Counting);
        Assert.StartsWith("投融资服务：还差 1 家次", group.Group.Closest[0], StringComparison.Ordinal);
        Assert.Equal("还差 1 项服务功能", group.Shortfall);
    }

    [Fact]
    public void A_k_of_n_group_with_undecided_functions_is_not_failed_while_they_could_reach_k()
    {
        var profile = PolicyFiles.BaseProfile("kunming-base-2022")
            .With("functions.training.personTimes", null)
            .With("functions.innovationSupport.events", null);
        var group = Evaluate("kunming-base-2022", profile).Find("service-functions")!;
        Assert.Equal(ResultState.MissingData, group.State);
        Assert.Equal(2, group.Group!.Undecided.Count);
        Assert.Contains("functions.training.personTimes", group.MissingFacts);

        // With coaching failed too only one is met: even both unknown functions could not reach K=4.
        profile = profile.With("functions.entrepreneurshipCoaching.enterpriseVisits", N(0));
        Assert.Equal(ResultState.NotMet, Evaluate("kunming-base-2022", profile).Find("service-functions")!.State);
    }

    [Fact]
    public void Beijing_functions_without_volumes_go_to_review_never_a_silent_pass()
    {
        var evaluation = Evaluate("beijing-base", PolicyFiles.BaseProfile("beijing-base"));
        var group = evaluation.Find("service-functions")!;
        Assert.Equal(ResultState.PendingReview, group.State);
        Assert.NotEmpty(group.Group!.Functions.First(f => f.Function == "entrepreneurshipCoaching").Measures[0].Checklist);
        Assert.Equal(Verdict.PendingReview, evaluation.Verdict);
    }

    [Fact]
    public void Qualitative_items_are_pending_review_with_a_checklist()
    {
        foreach (var policy in PolicyFiles.All)
        {
            var evaluation = EligibilityEvaluator.Evaluate(policy, PolicyFiles.BaseProfile(policy.Id));
            var reviews = policy.AllConditions().OfType<ReviewCondition>().ToList();
            Assert.NotEmpty(reviews);
            Assert.All(reviews, r =>
            {
                var result = evaluation.Find(r.Id)!;
                Assert.Equal(ResultState.PendingReview, result.State);
                Assert.NotEmpty(result.Checklist);
                Assert.False(result.IsQuantitative);
            });
        }
    }

    [Fact]
    public void Evaluating_all_programmes_at_once_carries_id_version_and_hash()
    {
        var evaluator = new EligibilityEvaluator(PolicyFiles.All);
        var results = evaluator.EvaluateAll(PolicyFiles.BaseProfile("kunming-base-2022"));
        Assert.Equal(5, results.Count);
        Assert.All(results, r =>
        {
            var policy = PolicyFiles.Get(r.PolicyId);
            Assert.Equal((policy.Version, policy.ContentHash), (r.PolicyVersion, r.PolicyHash));
        });
        Assert.Equal(Verdict.MeetsAllQuantitative, results.Single(r => r.PolicyId == "kunming-base-2022").Verdict);
        // The Kunming base has no registration in Liaocheng and too few residents for Tibet.
        Assert.Equal(ResultState.MissingData, results.Single(r => r.PolicyId == "liaocheng-base-2021").Find("registered-in-city")!.State);
        Assert.Equal(ResultState.NotMet, results.Single(r => r.PolicyId == "xizang-base-2017").Find("resident-count")!.State);
    }

    [Fact]
    public void Beijing_in_force_is_unknown_until_an_administrator_sets_the_date()
    {
        var beijing = PolicyFiles.Get("beijing-base");
        var profile = PolicyFiles.BaseProfile("beijing-base");
        Assert.Null(EligibilityEvaluator.Evaluate(beijing, profile).InForce);
        Assert.True(EligibilityEvaluator.Evaluate(beijing.WithEffectiveFrom(new DateOnly(2023, 1, 1)), profile).InForce);
        Assert.False(EligibilityEvaluator.Evaluate(beijing.WithEffectiveFrom(new DateOnly(2026, 4, 1)), profile).InForce);
    }

    [Theory]
    [InlineData("以上", 50, 50, true)]
    [InlineData("以下", 50, 50, true)]
    [InlineData("以内", 2, 2, true)]
    [InlineData("届满", 3, 3, true)]
    [InlineData("不满", 3, 3, false)]
    [InlineData("超过", 3, 3, false)]
    [InlineData("超过", 3.01, 3, true)]
    [InlineData("不少于", 7, 7, true)]
    [InlineData("不低于", 79.99, 80, false)]
    [InlineData("不超过", 3, 3, true)]
    [InlineData("不超过", 4, 3, false)]
    public void Legal_counting_words_include_or_exclude_the_stated_number(string word, double actual, double required, bool holds)
    {
        Assert.True(Qualifier.TryParse(word, out var comparison));
        Assert.Equal(holds, Qualifier.Holds(comparison, (decimal)actual, (decimal)required));
    }
}
