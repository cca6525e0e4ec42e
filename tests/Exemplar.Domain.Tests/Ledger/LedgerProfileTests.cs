using Exemplar.Domain.Ledger;
using Exemplar.Domain.Organizations;
using Exemplar.Domain.Policies;
using Exemplar.Domain.Tests.Policies;

namespace Exemplar.Domain.Tests.Ledger;

/// <summary>
/// One carrier's records, turned into one profile and evaluated against all five programmes: each programme gets the
/// count its article asks for (issue 10). The expected figures are worked out by hand from the records below.
/// </summary>
public sealed class LedgerProfileTests
{
    private static readonly DateOnly Reference = new(2026, 3, 31);

    /// <summary>A valid 统一社会信用代码 registered with the authority of <paramref name="division"/>.</summary>
    public static string Uscc(string division, int n)
    {
        var first17 = $"91{division}{n:D8}X";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    private static StaffFact Staff(bool fullTime, Education education, TitleLevel title) =>
        new(Guid.NewGuid(), "员工", fullTime, education, title, false);

    /// <summary>9 full-time (7 with 本科 or 中级; 8 with 大专 or 中级) and 3 part-time (2 本科, 1 大专).</summary>
    private static readonly StaffFact[] Team =
    [
        .. Enumerable.Range(0, 6).Select(_ => Staff(true, Education.Bachelor, TitleLevel.None)),
        Staff(true, Education.JuniorCollege, TitleLevel.Intermediate),
        Staff(true, Education.JuniorCollege, TitleLevel.None),
        Staff(true, Education.HighSchool, TitleLevel.None),
        Staff(false, Education.Master, TitleLevel.None),
        Staff(false, Education.Master, TitleLevel.None),
        Staff(false, Education.JuniorCollege, TitleLevel.Junior),
    ];

    /// <summary>
    /// 64 residents at the end of 2025: 60 small/micro (55 registered in Beijing, 5 in 石家庄 130100) and 4 others; leading
    /// industries 软件 30, 医药 20, 材料 10 (60 in all), the other 4 residents outside them.
    /// </summary>
    private static IReadOnlyList<ResidentFact> Residents()
    {
        var list = new List<ResidentFact>();
        for (var i = 0; i < 64; i++)
        {
            var industry = i < 30 ? "软件" : i < 50 ? "医药" : i < 60 ? "材料" : "餐饮";
            var size = i < 60 ? (i % 2 == 0 ? SizeClass.Small : SizeClass.Micro) : SizeClass.Other;
            var division = i is >= 55 and < 60 ? "130100" : "110108";
            list.Add(new ResidentFact(Guid.NewGuid(), $"企业{i}", new DateOnly(2024, 1, 1), null, size, i < 60,
                [new ResidentYear(2025, 10, 100, 0)], Uscc(division, i), industry));
        }

        return list;
    }

    private static CarrierRecords Records(string jurisdiction = "110108") => new(
        new CarrierFacts("测试基地", Exemplar.Domain.Ledger.CarrierKind.Base, jurisdiction, CarrierPrimaryType.ProducerServices, 3, 6000, 600,
            EstablishedOn: new DateOnly(2015, 1, 1), CarrierType: "incubator", OperatorSince: new DateOnly(2025, 9, 1),
            OperatorFoundedOn: new DateOnly(2024, 6, 1), OperatorUscc: Uscc("110108", 99)),
        Residents(), Team, [], [], []);

    private static ConditionResult Result(string policyId, string conditionId)
    {
        var profile = LedgerProfile.Build(Records(), 2025, Reference, new DateOnly(2026, 4, 30));
        return EligibilityEvaluator.Evaluate(PolicyFiles.Get(policyId), profile).Find(conditionId)!;
    }

    [Fact]
    public void Staff_are_counted_as_each_article_counts_them()
    {
        // 昆明第六条第（五）项: 专职 ≥ 10 and 本科/中级 among 专职 ≥ 80%: 9 full-time, 7 of them → 77.77%.
        Assert.Equal(("9人", ResultState.NotMet), (Result("kunming-base-2022", "service-staff").Actual, Result("kunming-base-2022", "service-staff").State));
        Assert.StartsWith("77.77%（7/9）", Result("kunming-base-2022", "qualified-staff-share").Actual, StringComparison.Ordinal);
        // 西藏基地第六条第（三）项 and 聊城第五条第（三）项: 专职 ≥ 7 / ≥ 6.
        Assert.Equal(("9人", ResultState.Met), (Result("xizang-base-2017", "service-staff").Actual, Result("xizang-base-2017", "service-staff").State));
        Assert.Equal("9人", Result("liaocheng-base-2021", "service-staff").Actual);
        // 西藏平台 二（一）: all who serve (12) ≥ 10; 大专/中级 among them 11/12.
        Assert.Equal(("12人", ResultState.Met), (Result("xizang-platform-2022", "service-staff").Actual, Result("xizang-platform-2022", "service-staff").State));
        Assert.StartsWith("91.66%（11/12）", Result("xizang-platform-2022", "qualified-staff-share").Actual, StringComparison.Ordinal);
        // 北京第六条第（八）项: a head-count among all who serve: 本科/中级 9 ≥ 8.
        Assert.Equal(("9人", ResultState.Met), (Result("beijing-base", "qualified-staff").Actual, Result("beijing-base", "qualified-staff").State));
    }

    [Fact]
    public void Founding_operating_and_operator_founding_dates_are_kept_apart()
    {
        // The base was founded 2015; the current operator took over 2025-09-01; the operating unit was founded 2024-06-01.
        Assert.Equal(ResultState.Met, Result("xizang-base-2017", "operating-years").State);     // 基地成立时间3年以上
        Assert.Equal(ResultState.Met, Result("kunming-base-2022", "operating-years").State);    // 基地成立时间两年以上
        Assert.Equal(ResultState.NotMet, Result("liaocheng-base-2021", "operating-years").State); // 运营管理本基地时间一年以上
        Assert.Equal(ResultState.NotMet, Result("xizang-platform-2022", "operating-years").State); // 运营两年以上
        Assert.Equal(ResultState.NotMet, Result("beijing-base", "operating-years").State);      // 运营单位成立时间两年以上
        Assert.Contains("2024年6月1日", Result("beijing-base", "operating-years").Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Beijing_counts_only_residents_registered_in_beijing_and_the_two_largest_leading_industries()
    {
        var residents = Result("beijing-base", "residents-general");
        Assert.Equal(ResultState.NotMet, residents.State);
        Assert.Equal("还差 5 家", residents.Shortfall);
        Assert.StartsWith("55家", residents.Actual, StringComparison.Ordinal);
        // Kunming counts every resident small/micro enterprise wherever registered.
        Assert.Equal("60家", Result("kunming-base-2022", "resident-count").Actual);
        // Two leading industries with most residents: 30 + 20 of 64; Kunming counts all three: 60 of 64.
        Assert.StartsWith("78.12%（50/64）", Result("beijing-base", "concentration-general").Actual, StringComparison.Ordinal);
        Assert.StartsWith("93.75%（60/64）", Result("kunming-base-2022", "leading-industry-share").Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Carrier_type_location_and_registration_come_from_the_records()
    {
        var facts = LedgerProfile.Facts(Records("530100Z01"), 2025);
        Assert.Equal("incubator", facts["carrierType"].AsText);
        Assert.Equal("530100", facts["locationDivisionCode"].AsText); // a zone is in its prefecture
        Assert.Equal("110108", facts["registrationDivisionCode"].AsText); // USCC characters 3–8
        Assert.Equal([new DivisionCount("110108", 55), new DivisionCount("130100", 5)], facts["residentSmallMicroByRegistration"].AsDivisionCounts!);
        Assert.Equal(("台账", 600m), (facts["smallMicroEmployeeCount"].Source, facts["smallMicroEmployeeCount"].AsNumber!.Value));
        var good = Uscc("110108", 1);
        Assert.Null(LedgerProfile.RegistrationCode(good[..17] + (good[17] == '0' ? '1' : '0'))); // wrong check character: not counted
    }

    [Fact]
    public void Free_or_low_fee_service_to_small_micro_and_their_satisfaction_count_resident_small_micro_only()
    {
        Guid small = Guid.NewGuid(), large = Guid.NewGuid();
        ResidentFact[] residents =
        [
            new(small, "小", new DateOnly(2024, 1, 1), null, SizeClass.Micro, false, [], Uscc("110108", 1)),
            new(large, "大", new DateOnly(2024, 1, 1), null, SizeClass.Other, false, [], Uscc("110108", 2)),
        ];
        EntryFact[] entries =
        [
            new(Guid.NewGuid(), ServiceFunction.InformationService, new DateOnly(2025, 5, 1), ServiceForm.Event, EventTopic.None, 10, FeeClass.Free,
                [new Participant(small, "小"), new Participant(large, "大"), new Participant(null, "外单位")]),
            new(Guid.NewGuid(), ServiceFunction.InformationService, new DateOnly(2025, 6, 1), ServiceForm.OneToOne, EventTopic.None, 1, FeeClass.Market,
                [new Participant(small, "小")]),
        ];
        SatisfactionAnswer[] answers = [new(small, null, true), new(large, null, false)];
        var facts = LedgerProfile.Facts(Records() with { Residents = residents, Entries = entries, Satisfaction = answers }, 2025);
        Assert.Equal(4m, facts["totalServiceVolume"].AsNumber);
        Assert.Equal(3m, facts["freeOrLowFeeServiceVolume"].AsNumber);
        Assert.Equal(1m, facts["freeOrLowFeeVolumeToSmallMicro"].AsNumber);
        Assert.Equal(1m, facts["freeOrLowFeeVolumeToResidentSmallMicro"].AsNumber);
        Assert.Equal(50m, facts["userSatisfactionPercent"].AsNumber);
        Assert.Equal(100m, facts["residentSmallMicroSatisfactionPercent"].AsNumber);
    }

    [Fact]
    public void A_date_the_records_do_not_hold_is_missing_never_guessed()
    {
        var records = Records() with { Carrier = Records().Carrier with { OperatorSince = null, OperatorFoundedOn = null, CarrierType = null } };
        var facts = LedgerProfile.Facts(records, 2025);
        Assert.False(facts.ContainsKey("operatorSince"));
        Assert.False(facts.ContainsKey("operatorFoundedOn"));
        Assert.False(facts.ContainsKey("carrierType"));
        var evaluation = EligibilityEvaluator.Evaluate(PolicyFiles.Get("liaocheng-base-2021"), LedgerProfile.Build(records, 2025, Reference, null));
        Assert.Equal(["operatorSince"], evaluation.Find("operating-years")!.MissingFacts);
    }
}
