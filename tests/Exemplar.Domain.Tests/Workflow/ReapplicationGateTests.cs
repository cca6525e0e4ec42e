using Exemplar.Domain.Tests.Policies;
using Exemplar.Domain.Workflow;

namespace Exemplar.Domain.Tests.Workflow;

/// <summary>
/// The one re-application rule (<see cref="ReapplicationGate"/>, used by <see cref="Admission"/>): bans recorded at
/// revocation, 聊城第十六条 (no repeat while valid, 复核 in the expiry year), 昆明第十五条 (expiry year only), and the texts
/// that say nothing (西藏, 北京).
/// </summary>
public class ReapplicationGateTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static ReapplicationDecision Decide(string id, DateOnly date, ApplicationKind kind = ApplicationKind.New, params DesignationStanding[] history) =>
        ReapplicationGate.Decide(PolicyFiles.Get(id), history, kind, date);

    [Fact]
    public void Beijing_bans_two_years_after_an_article_15_revocation_counted_from_the_next_day()
    {
        // Revoked 2025-03-15 on 第十五条第（一）项: 两年内 → the ban's last day is 2027-03-15 (the revocation day not counted).
        var revoked = new DesignationStanding("beijing-base", D(2024, 1, 10), null, D(2025, 3, 15), D(2027, 3, 15), "第十五条第（一）项");
        var last = Decide("beijing-base", D(2027, 3, 15), history: revoked);
        Assert.False(last.MayApply);
        Assert.Equal(D(2027, 3, 16), last.EarliestDate);
        Assert.Equal("第十五条", last.Citation);
        Assert.True(Decide("beijing-base", D(2027, 3, 16), history: revoked).MayApply);
    }

    [Fact]
    public void Beijing_has_no_ban_after_an_evaluation_revocation()
    {
        // 第十四条 carries no ban, so the revocation recorded none.
        var revoked = new DesignationStanding("beijing-base", D(2024, 1, 10), null, D(2025, 3, 15), null, "第十四条");
        Assert.True(Decide("beijing-base", D(2025, 3, 16), history: revoked).MayApply);
    }

    [Fact]
    public void Liaocheng_forbids_repeating_while_valid_and_asks_for_re_review_in_the_expiry_year()
    {
        // Announced 2022-06-30, five years (第十六条): valid through 2027-06-30.
        var designated = new DesignationStanding("liaocheng-base-2021", D(2022, 6, 30), D(2027, 6, 30), null, null, null);
        var during = Decide("liaocheng-base-2021", D(2026, 5, 1), history: designated);
        Assert.False(during.MayApply);
        Assert.Equal(D(2027, 1, 1), during.EarliestDate);
        Assert.Null(during.Instead);
        var expiryYear = Decide("liaocheng-base-2021", D(2027, 1, 1), history: designated);
        Assert.False(expiryYear.MayApply);
        Assert.Equal(ApplicationKind.ReReview, expiryYear.Instead);
        Assert.True(Decide("liaocheng-base-2021", D(2027, 1, 1), ApplicationKind.ReReview, designated).MayApply);
        Assert.True(Decide("liaocheng-base-2021", D(2027, 7, 1), history: designated).MayApply);
    }

    [Fact]
    public void Kunming_allows_a_new_application_only_in_the_expiry_year()
    {
        // Announced 2023-11-20, three years (第十五条): valid through 2026-11-20.
        var designated = new DesignationStanding("kunming-base-2022", D(2023, 11, 20), D(2026, 11, 20), null, null, null);
        Assert.False(Decide("kunming-base-2022", D(2025, 12, 31), history: designated).MayApply);
        var inYear = Decide("kunming-base-2022", D(2026, 1, 1), history: designated);
        Assert.True(inYear.MayApply);
        Assert.Equal("第十五条", inYear.Citation);
        Assert.False(Decide("kunming-base-2022", D(2026, 1, 1), ApplicationKind.ReReview, designated).MayApply); // no 复核 in the text
    }

    [Fact]
    public void Without_any_designation_anyone_may_apply()
    {
        Assert.True(Decide("xizang-base-2017", D(2026, 1, 1)).MayApply);
    }
}
