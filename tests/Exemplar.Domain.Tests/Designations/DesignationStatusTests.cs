using Exemplar.Domain.Designations;
using Exemplar.Domain.Tests.Policies;

namespace Exemplar.Domain.Tests.Designations;

public class DesignationStatusTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void The_last_valid_day_is_valid_and_the_next_day_is_expired()
    {
        // 昆明办法第十五条: three years from 2023-12-15 → valid through 2026-12-15 (届满 includes the day).
        Assert.Equal(DesignationStatus.Valid, DesignationStatuses.On(D(2026, 12, 15), D(2026, 12, 15), null));
        Assert.Equal(DesignationStatus.Expired, DesignationStatuses.On(D(2026, 12, 16), D(2026, 12, 15), null));
        Assert.Equal(DesignationStatus.Valid, DesignationStatuses.On(D(2023, 12, 15), D(2026, 12, 15), null));
    }

    [Fact]
    public void A_revocation_takes_effect_on_its_date_and_outranks_expiry()
    {
        Assert.Equal(DesignationStatus.Valid, DesignationStatuses.On(D(2025, 2, 28), D(2026, 12, 15), D(2025, 3, 1)));
        Assert.Equal(DesignationStatus.Revoked, DesignationStatuses.On(D(2025, 3, 1), D(2026, 12, 15), D(2025, 3, 1)));
        Assert.Equal(DesignationStatus.Revoked, DesignationStatuses.On(D(2027, 1, 1), D(2026, 12, 15), D(2025, 3, 1)));
    }

    [Fact]
    public void Without_an_end_date_the_title_stays_valid_until_revoked()
    {
        Assert.Equal(DesignationStatus.Valid, DesignationStatuses.On(D(2040, 1, 1), null, null));
        Assert.Equal(DesignationStatus.Revoked, DesignationStatuses.On(D(2040, 1, 1), null, D(2030, 5, 1)));
    }

    [Theory]
    [InlineData("valid", DesignationStatus.Valid)]
    [InlineData("expired", DesignationStatus.Expired)]
    [InlineData("revoked", DesignationStatus.Revoked)]
    public void Status_keys_round_trip(string key, DesignationStatus status)
    {
        Assert.Equal(status, DesignationStatuses.Parse(key));
        Assert.Equal(key, DesignationStatuses.Key(status));
        Assert.Null(DesignationStatuses.Parse("Valid "));
    }
}

public class DesignationTermTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_leap_day_designation_ends_on_the_last_day_of_february()
    {
        // 民法典第二百零二条: no corresponding day → the month's last day. 3 years (西藏第十六条、昆明第十五条).
        var kunming = DesignationTerm.For(PolicyFiles.Get("kunming-base-2022"), D(2024, 2, 29));
        Assert.Equal(D(2027, 2, 28), kunming.ValidUntil);
        Assert.Equal(D(2024, 2, 29), kunming.ValidFrom);
        Assert.Equal("第十五条", kunming.Citation);
        Assert.Equal(D(2027, 2, 28), DesignationTerm.For(PolicyFiles.Get("xizang-base-2017"), D(2024, 2, 29)).ValidUntil);
    }

    [Fact]
    public void Liaocheng_gives_five_years()
    {
        // 聊城办法第十六条: 有效期5年. Announced 2022-01-20 → through 2027-01-20.
        Assert.Equal(D(2027, 1, 20), DesignationTerm.For(PolicyFiles.Get("liaocheng-base-2021"), D(2022, 1, 20)).ValidUntil);
        Assert.Equal(D(2029, 2, 28), DesignationTerm.For(PolicyFiles.Get("liaocheng-base-2021"), D(2024, 2, 29)).ValidUntil);
    }

    [Fact]
    public void Beijing_sets_no_period_and_says_so()
    {
        var term = DesignationTerm.For(PolicyFiles.Get("beijing-base"), D(2024, 6, 1));
        Assert.Null(term.ValidUntil);
        Assert.Contains("动态管理", term.Note);
        Assert.Equal("自2024年6月1日起，不设固定有效期（动态管理）", DesignationTerm.Describe(term.ValidFrom, null, d => $"{d.Year}年{d.Month}月{d.Day}日"));
    }

    [Fact]
    public void The_title_comes_from_the_text()
    {
        Assert.Equal("昆明市小型微型企业创业创新示范基地", DesignationTitle.Of(PolicyFiles.Get("kunming-base-2022").Title));
        Assert.Equal("西藏自治区中小企业公共服务示范平台", DesignationTitle.Of(PolicyFiles.Get("xizang-platform-2022").Title));
        Assert.Equal("北京市小型微型企业创业创新示范基地", DesignationTitle.Of(PolicyFiles.Get("beijing-base").Title));
    }

    [Fact]
    public void An_undecided_re_review_keeps_the_title_standing_after_the_end_date_and_a_revocation_still_wins()
    {
        var end = D(2027, 1, 20);
        Assert.Equal(DesignationStatus.Valid, DesignationStatuses.On(end, end, null, reReviewPending: true));
        Assert.Equal(DesignationStatus.UnderReReview, DesignationStatuses.On(end.AddDays(1), end, null, reReviewPending: true));
        Assert.Equal(DesignationStatus.Expired, DesignationStatuses.On(end.AddDays(1), end, null));
        Assert.Equal(DesignationStatus.Revoked, DesignationStatuses.On(end.AddDays(1), end, D(2027, 1, 21), reReviewPending: true));
        Assert.Equal("复核中", DesignationStatuses.Label(DesignationStatus.UnderReReview));
        Assert.True(DesignationStatuses.Stands(DesignationStatus.UnderReReview));
        Assert.False(DesignationStatuses.Stands(DesignationStatus.Expired));
        Assert.Equal(DesignationStatus.UnderReReview, DesignationStatuses.Parse(DesignationStatuses.Key(DesignationStatus.UnderReReview)));
    }
}
