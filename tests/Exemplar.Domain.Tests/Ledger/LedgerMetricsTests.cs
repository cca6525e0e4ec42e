using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Ledger;

public sealed class LedgerMetricsTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static EntryFact Entry(int n, ServiceFunction f, string date, ServiceForm form, int persons, FeeClass fee, params Participant[] ps) =>
        new(new Guid(n, 0, 0, new byte[8]), f, DateOnly.Parse(date), form, EventTopic.None, persons, fee, ps, "路演厅", true);

    private static Participant R(Guid id) => new(id, id.ToString()[^1..]);

    // Hand-made ledger for 2025 (plus one 2024 entry that must not count):
    //  1 信息服务 event    A,B,"外企"  30 人 free
    //  2 信息服务 one2one  A           2 人 market
    //  3 信息服务 event    —           15 人 lowFee
    //  4 人员培训 training A,C         40 人 free
    //  5 信息服务 one2one  B           1 人 free (2024)
    private static readonly EntryFact[] Ledger =
    [
        Entry(1, ServiceFunction.InformationService, "2025-03-01", ServiceForm.Event, 30, FeeClass.Free, R(A), R(B), new Participant(null, "外企")),
        Entry(2, ServiceFunction.InformationService, "2025-03-02", ServiceForm.OneToOne, 2, FeeClass.Market, R(A)),
        Entry(3, ServiceFunction.InformationService, "2025-06-01", ServiceForm.Event, 15, FeeClass.LowFee),
        Entry(4, ServiceFunction.Training, "2025-07-01", ServiceForm.Training, 40, FeeClass.Free, R(A), R(C)),
        Entry(5, ServiceFunction.InformationService, "2024-12-31", ServiceForm.OneToOne, 1, FeeClass.Free, R(B)),
    ];

    [Fact]
    public void Information_service_2025_counts_visits_events_and_person_times()
    {
        var v = LedgerMetrics.Volume(Ledger, ServiceFunction.InformationService, 2025);
        Assert.Equal(4, v.EnterpriseVisits);   // 3 (entry 1) + 1 (entry 2) + 0 (entry 3)
        Assert.Equal(3, v.EnterprisesServed);  // A, B, 外企
        Assert.Equal(2, v.Events);             // entries 1 and 3
        Assert.Equal(47, v.PersonTimes);       // 30 + 2 + 15
    }

    [Fact]
    public void Training_sessions_are_events_and_their_heads_are_person_times()
    {
        var v = LedgerMetrics.Volume(Ledger, ServiceFunction.Training, 2025);
        Assert.Equal((2, 2, 1, 40), (v.EnterpriseVisits, v.EnterprisesServed, v.Events, v.PersonTimes));
    }

    [Fact]
    public void Free_or_low_fee_share_is_counted_in_enterprise_visits()
    {
        var share = LedgerMetrics.FreeOrLowFeeShare(Ledger, 2025);
        Assert.Equal(5, share.FreeOrLowFeeVisits); // entry 1 (3) + entry 3 (0) + entry 4 (2)
        Assert.Equal(6, share.TotalVisits);
        Assert.Equal(83.33m, share.Percent);       // 5/6 = 83.333… truncated
    }

    [Fact]
    public void Drill_down_returns_exactly_the_entries_behind_a_number()
    {
        var behind = LedgerMetrics.Behind(Ledger, ServiceFunction.InformationService, Measure.Events, 2025);
        Assert.Equal([1, 3], behind.Select(e => e.Id.ToByteArray()[0]).Select(b => (int)b));
        Assert.Equal(3, LedgerMetrics.Behind(Ledger, null, Measure.EnterpriseVisits, 2025).Count); // 1, 2, 4
    }

    [Fact]
    public void Satisfaction_rate_is_satisfied_over_answers_truncated()
    {
        var answers = new[] { true, true, false }.Select(s => new SatisfactionAnswer(A, null, s));
        Assert.Equal(66.66m, LedgerMetrics.Satisfaction(answers).Percent);
        Assert.Null(LedgerMetrics.Satisfaction([]).Percent);
    }

    private static readonly ResidentFact[] Residents =
    [
        new(A, "甲", new DateOnly(2020, 1, 1), null, SizeClass.Micro, true, [new(2024, 10, 100, 1), new(2025, 12, 120, 2)]),
        new(B, "乙", new DateOnly(2025, 2, 1), null, SizeClass.Small, false, [new(2025, 20, 300, 3)]),
        new(C, "丙", new DateOnly(2021, 5, 1), new DateOnly(2025, 6, 30), SizeClass.Other, true, [new(2024, 50, 900, 0), new(2025, 50, 900, 0)]),
    ];

    [Fact]
    public void Residents_at_a_date_respect_entry_and_exit()
    {
        var end = LedgerMetrics.Residents(Residents, new DateOnly(2025, 12, 31));
        Assert.Equal((2, 2, 1, 32), (end.Total, end.SmallMicro, end.LeadingIndustry, end.Employees));
        var mid = LedgerMetrics.Residents(Residents, new DateOnly(2025, 6, 30)); // exit date is the last day
        Assert.Equal(3, mid.Total);
        Assert.Equal(82, mid.Employees);
    }

    [Fact]
    public void Year_on_year_growth_of_small_micro_residents_employees_and_innovation()
    {
        var y24 = LedgerMetrics.YearEnd(Residents, 2024);
        var y25 = LedgerMetrics.YearEnd(Residents, 2025);
        Assert.Equal((1, 10, 1), y24);
        Assert.Equal((2, 32, 5), y25);
        Assert.Equal(100m, LedgerMetrics.Growth(y24.SmallMicro, y25.SmallMicro));
        Assert.Equal(220m, LedgerMetrics.Growth(y24.Employees, y25.Employees));
        Assert.Equal(10m, LedgerMetrics.Growth(100, 110));   // 昆明办法第六条第（九）项 boundary: exactly 10%
        Assert.Null(LedgerMetrics.Growth(0, 5));
    }

    [Fact]
    public void Staff_ratio_counts_full_time_staff_with_a_degree_or_an_intermediate_title()
    {
        StaffFact[] staff =
        [
            new(A, "1", true, Education.Bachelor, TitleLevel.None, true),
            new(B, "2", true, Education.JuniorCollege, TitleLevel.Intermediate, false),
            new(C, "3", true, Education.JuniorCollege, TitleLevel.Junior, true),
            new(Guid.NewGuid(), "4", false, Education.Master, TitleLevel.Senior, false),
        ];
        var kunming = LedgerMetrics.Staff(staff, QualificationRule.Kunming);
        Assert.Equal((3, 2, 2), (kunming.FullTime, kunming.Qualified, kunming.Mentors));
        Assert.Equal(66.66m, kunming.Percent);
        Assert.Equal(3, LedgerMetrics.Staff(staff, QualificationRule.TibetPlatform).Qualified); // 大专及以上
    }

    [Fact]
    public void Profile_facts_come_from_the_ledger_and_hand_figures_are_marked()
    {
        var records = new CarrierRecords(
            new CarrierFacts("园", Exemplar.Domain.Ledger.CarrierKind.Base, "530102", CarrierPrimaryType.ProducerServices, 2, 5000, 800, new DateOnly(2019, 1, 1)),
            Residents, [], [new PartnerFact(A, "所", new DateOnly(2024, 1, 1), null)], Ledger, [new SatisfactionAnswer(A, null, true)]);
        var profile = LedgerProfile.Build(records, 2025, new DateOnly(2026, 3, 1), null,
            new Dictionary<string, object> { ["totalAssets"] = 150m });
        Assert.Equal(2m, profile.Get("residentSmallMicroCount")!.AsNumber);
        Assert.Equal("台账", profile.Get("residentSmallMicroCount")!.Source);
        Assert.Equal(4m, profile.Get(FactCatalogue.FunctionKey("informationService", "enterpriseVisits"))!.AsNumber);
        Assert.Equal(40m, profile.Get(FactCatalogue.FunctionKey("training", "personTimes"))!.AsNumber);
        Assert.Equal(5m, profile.Get("freeOrLowFeeServiceVolume")!.AsNumber);
        Assert.Equal(100m, profile.Get("userSatisfactionPercent")!.AsNumber);
        Assert.Equal(100m, profile.Get("residentSmallMicroSatisfactionPercent")!.AsNumber); // A is a micro resident
        Assert.Equal("手工填报", profile.Get("totalAssets")!.Source);
        Assert.All(profile.Facts.Keys, k => Assert.True(FactCatalogue.TryGet(k, out _), k));
    }
}
