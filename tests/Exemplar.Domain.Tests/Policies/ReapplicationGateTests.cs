using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

public class ReapplicationGateTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static ReapplicationDecision Decide(string id, DateOnly date, params PastDesignation[] history) =>
        ReapplicationGate.Decide(PolicyFiles.Get(id), history, date);

    [Fact]
    public void Beijing_bans_two_years_after_an_article_15_revocation_counted_from_the_next_day()
    {
        var revoked = new PastDesignation(D(2024, 1, 10), D(2025, 3, 15), "false-materials");
        var last = Decide("beijing-base", D(2027, 3, 15), revoked);
        Assert.False(last.MayApply);
        Assert.Equal(D(2027, 3, 16), last.EarliestDate);
        Assert.Equal("第十五条", last.Citation);
        Assert.True(Decide("beijing-base", D(2027, 3, 16), revoked).MayApply);
    }

    [Fact]
    public void Beijing_has_no_ban_after_an_evaluation_revocation()
    {
        var revoked = new PastDesignation(D(2024, 1, 10), D(2025, 3, 15), "evaluation-failed");
        Assert.True(Decide("beijing-base", D(2025, 3, 16), revoked).MayApply);
    }

    [Fact]
    public void Liaocheng_forbids_repeating_while_valid_and_asks_for_re_review_in_the_expiry_year()
    {
        var designated = new PastDesignation(D(2022, 6, 30));   // valid to 2027-06-30
        var during = Decide("liaocheng-base-2021", D(2026, 5, 1), designated);
        Assert.False(during.MayApply);
        Assert.Equal(D(2027, 1, 1), during.EarliestDate);
        var expiryYear = Decide("liaocheng-base-2021", D(2027, 1, 1), designated);
        Assert.True(expiryYear.MayApply);
        Assert.Equal(ApplicationPurpose.ReReview, expiryYear.Purpose);
        Assert.True(Decide("liaocheng-base-2021", D(2027, 7, 1), designated).MayApply);
    }

    [Fact]
    public void Kunming_allows_a_new_application_only_in_the_expiry_year()
    {
        var designated = new PastDesignation(D(2023, 11, 20));   // three years: valid to 2026-11-20
        Assert.False(Decide("kunming-base-2022", D(2025, 12, 31), designated).MayApply);
        var inYear = Decide("kunming-base-2022", D(2026, 1, 1), designated);
        Assert.True(inYear.MayApply);
        Assert.Equal((ApplicationPurpose.Application, "第十五条"), (inYear.Purpose, inYear.Citation));
    }

    [Fact]
    public void Without_any_designation_anyone_may_apply()
    {
        Assert.True(Decide("xizang-base-2017", D(2026, 1, 1)).MayApply);
    }
}
