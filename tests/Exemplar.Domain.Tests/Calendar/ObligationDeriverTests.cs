using Exemplar.Domain.Calendar;
using static Exemplar.Domain.Tests.Calendar.ShippedCalendar;

namespace Exemplar.Domain.Tests.Calendar;

public class ObligationDeriverTests
{
    private static readonly HolidayCalendar Calendar = Instance;

    private static Obligation Single(IReadOnlyList<Obligation> all, ObligationKind kind, string? discriminator = null) =>
        all.Single(o => o.Kind == kind && (discriminator is null || o.Key.EndsWith("/" + discriminator, StringComparison.Ordinal)));

    [Fact]
    public void TibetBase()
    {
        var facts = new ObligationFacts("base-1", "拉萨示范基地", DesignatedOn: D(2024, 6, 14), CallNoticePublishedOn: D(2025, 9, 26),
            ReportingYears: new YearRange(2024, 2026));
        var all = ObligationDeriver.Derive(ProgrammeRules.TibetBase, facts, Calendar);

        var notice = Single(all, ObligationKind.PublicNoticeEnd);
        Assert.Equal(D(2025, 10, 22), notice.DueDate);
        Assert.Equal(D(2025, 9, 26), notice.OpensOn);
        Assert.StartsWith("拉萨示范基地：公示期结束（公示15个工作日", notice.Title, StringComparison.Ordinal);
        Assert.Contains("第十三条", notice.Citation, StringComparison.Ordinal);

        Assert.Equal(D(2025, 1, 31), Single(all, ObligationKind.AnnualSummary, "2024").DueDate);
        var summary2025 = Single(all, ObligationKind.AnnualSummary, "2025");
        Assert.Equal(D(2026, 1, 31), summary2025.DueDate); // Saturday: stays as written
        Assert.True(summary2025.DueDay.IsDayOff);
        Assert.Equal("报送2025年度工作总结（每年1月底前）", summary2025.Title[(summary2025.Title.IndexOf('：', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(ObligationParty.Base, summary2025.Party);
        Assert.True(Single(all, ObligationKind.AnnualSummary, "2026").IsProvisional); // 2027-01-31 not covered yet

        Assert.Equal(D(2026, 2, 28), Single(all, ObligationKind.AnnualReport, "2025").DueDate);
        Assert.Equal(ObligationParty.LocalAuthority, Single(all, ObligationKind.AnnualReport, "2025").Party);

        var expiry = Single(all, ObligationKind.ValidityExpiry);
        Assert.Equal(D(2027, 6, 14), expiry.DueDate);
        Assert.True(expiry.IsProvisional); // its weekday status in 2027 is not decided yet
        Assert.DoesNotContain(all, o => o.Kind is ObligationKind.ReReview or ObligationKind.ChangeFiling or ObligationKind.PolicyExpiry);
    }

    [Fact]
    public void TibetPlatformNoticeOfSevenWorkingDays()
    {
        var all = ObligationDeriver.Derive(ProgrammeRules.TibetPlatform, new ObligationFacts("call-2024", CallNoticePublishedOn: D(2024, 2, 8)), Calendar);
        Assert.Equal(D(2024, 2, 22), Assert.Single(all).DueDate); // see WorkingDayArithmeticTests: 春节 2024
    }

    [Fact]
    public void Liaocheng()
    {
        var facts = new ObligationFacts("base-7", DesignatedOn: D(2021, 12, 20), ChangesCompletedOn: [D(2025, 9, 26)],
            ReportingYears: new YearRange(2022, 2025));
        var all = ObligationDeriver.Derive(ProgrammeRules.Liaocheng, facts, Calendar);

        Assert.Equal(D(2026, 1, 10), Single(all, ObligationKind.AnnualSummary, "2025").DueDate);
        Assert.Equal(D(2026, 1, 20), Single(all, ObligationKind.AnnualReport, "2025").DueDate);
        Assert.Equal(4, all.Count(o => o.Kind == ObligationKind.AnnualSummary));
        Assert.Equal(D(2025, 10, 16), Single(all, ObligationKind.ChangeFiling).DueDate);

        var reReview = Single(all, ObligationKind.ReReview);
        Assert.Equal(D(2026, 12, 20), reReview.DueDate); // 5 years: last valid day
        Assert.Equal(D(2026, 1, 1), reReview.OpensOn);   // 期满当年
        Assert.Equal(D(2026, 12, 20), Single(all, ObligationKind.ValidityExpiry).DueDate);

        var lapse = Single(all, ObligationKind.PolicyExpiry);
        Assert.Equal(D(2026, 12, 3), lapse.DueDate);
        Assert.Equal(D(2026, 10, 4), lapse.OpensOn); // 60 days' lead set by an administrator
        Assert.Equal("liaocheng-base/PolicyExpiry/2026-12-03", lapse.Key);
        Assert.Contains("不再受理新的申报", lapse.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyExpiryAppearsOnceAcrossBases()
    {
        var all = ObligationDeriver.DeriveAll(ProgrammeRules.Liaocheng,
            [new ObligationFacts("a", DesignatedOn: D(2022, 3, 1)), new ObligationFacts("b", DesignatedOn: D(2023, 3, 1))], Calendar);
        Assert.Single(all, o => o.Kind == ObligationKind.PolicyExpiry);
        Assert.Equal(2, all.Count(o => o.Kind == ObligationKind.ValidityExpiry));
    }

    [Fact]
    public void BeijingChangeWithinThirtyWorkingDays()
    {
        // 9/28(1) 9/29(2) 9/30(3) | 10/1–10/8 off | 10/9(4) 10/10(5) 10/11 Sat(6) 10/13–17(7–11) 10/20–24(12–16)
        // 10/27–31(17–21) 11/3–7(22–26) 11/10(27) 11/11(28) 11/12(29) 11/13(30)
        var all = ObligationDeriver.Derive(ProgrammeRules.Beijing, new ObligationFacts("bj-1", ChangesCompletedOn: [D(2025, 9, 26)]), Calendar);
        var filing = Assert.Single(all);
        Assert.Equal(D(2025, 11, 13), filing.DueDate);
        Assert.Equal("beijing-base/bj-1/ChangeFiling/2025-09-26", filing.Key);
        Assert.Contains("30个工作日内", filing.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Kunming()
    {
        var facts = new ObligationFacts("km-3", DesignatedOn: D(2022, 11, 1), CallNoticePublishedOn: D(2022, 9, 30),
            ChangesCompletedOn: [D(2025, 1, 24)], ReportingYears: new YearRange(2022, 2026));
        var all = ObligationDeriver.Derive(ProgrammeRules.Kunming, facts, Calendar);
        Assert.Equal(D(2022, 10, 18), Single(all, ObligationKind.PublicNoticeEnd).DueDate);
        Assert.Equal(D(2025, 2, 13), Single(all, ObligationKind.ChangeFiling).DueDate);
        Assert.Equal(D(2025, 11, 1), Single(all, ObligationKind.ValidityExpiry).DueDate);
        // Summaries for 2022–2025 only: the designation lapsed on 2025-11-01, so 2026 is not reported.
        Assert.Equal(["2022", "2023", "2024", "2025"], all.Where(o => o.Kind == ObligationKind.AnnualSummary).Select(o => o.Key[^4..]));
        Assert.Equal(D(2023, 1, 31), Single(all, ObligationKind.AnnualSummary, "2022").DueDate);
        Assert.Equal(D(2023, 2, 28), Single(all, ObligationKind.AnnualReport, "2022").DueDate);
    }

    [Fact]
    public void ProvisionalObligationsBecomeFinalAfterTheYearIsAdded()
    {
        var facts = new[]
        {
            new ObligationFacts("base-7", DesignatedOn: D(2021, 12, 20), ChangesCompletedOn: [D(2026, 12, 24), D(2025, 9, 26)],
                ReportingYears: new YearRange(2025, 2026)),
        };
        var before = ObligationDeriver.DeriveAll(ProgrammeRules.Liaocheng, facts, Calendar);
        var filing = before.Single(o => o.Key.EndsWith("ChangeFiling/2026-12-24", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2027, 1, 7), filing.DueDate);
        Assert.True(filing.IsProvisional);

        var changes = ObligationChange.Recompute(ProgrammeRules.Liaocheng, facts, Calendar, Calendar.WithNotice(TestNotices.Hypothetical2027));

        var moved = changes.Single(c => c.Key == filing.Key);
        Assert.True(moved.BecameFinal);
        Assert.True(moved.DueDateMoved);
        Assert.Equal(D(2027, 1, 8), moved.After!.DueDate);
        var summary = changes.Single(c => c.Key.EndsWith("AnnualSummary/2026", StringComparison.Ordinal)); // due 2027-01-10
        Assert.True(summary.BecameFinal);
        Assert.False(summary.DueDateMoved);
        Assert.DoesNotContain(changes, c => c.Key.EndsWith("2025-09-26", StringComparison.Ordinal)); // final before and after
        Assert.All(changes, c => Assert.True(c.BecameFinal));
    }
}
