using Exemplar.Domain.Policies;
using Exemplar.Domain.Tests.Policies;
using Exemplar.Domain.Workflow;

namespace Exemplar.Domain.Tests.Workflow;

/// <summary>
/// Who may apply, from each text: 聊城办法第十六条 (有效期内不得重复申报; 期满当年申请复核), 昆明办法第十五条 (有效期满当年可再次申报),
/// 北京办法第十五条 (撤销后两年内不得再次申请 — only on those grounds, not after a 第十四条 evaluation revocation), and the
/// carrier types each file's 第三条 admits.
/// </summary>
public sealed class AdmissionTests
{
    private static readonly ApplicantStanding Base = new(CarrierKind.Base, "incubator", InCallRegion: true, "昆明市", AccountRefusal: null);

    private static IReadOnlyList<string> Refusals(string programme, ApplicationKind kind, DateOnly today, params DesignationStanding[] designations) =>
        Admission.Refusals(PolicyFiles.Get(programme), Base, designations, kind, today);

    [Fact]
    public void A_base_in_the_region_with_no_designation_may_apply() =>
        Assert.Empty(Refusals("kunming-base-2022", ApplicationKind.New, new DateOnly(2026, 11, 21)));

    [Fact]
    public void A_platform_may_not_apply_to_a_base_programme_nor_a_base_outside_the_region()
    {
        var r = Admission.Refusals(PolicyFiles.Get("kunming-base-2022"), Base with { CarrierKind = CarrierKind.Platform }, [], ApplicationKind.New, new DateOnly(2026, 11, 21));
        Assert.Contains("本批次受理示范基地，该载体登记为示范平台。", r);
        r = Admission.Refusals(PolicyFiles.Get("kunming-base-2022"), Base with { InCallRegion = false }, [], ApplicationKind.New, new DateOnly(2026, 11, 21));
        Assert.Contains("该载体不在本批次的受理范围（昆明市）内。", r);
    }

    [Fact]
    public void Liaocheng_refuses_a_new_application_while_valid_and_accepts_re_review_only_in_the_expiry_year()
    {
        // Designated 2022-01-10 for 5 years (第十六条): valid through 2027-01-10.
        var d = new DesignationStanding("liaocheng-base-2021", new DateOnly(2022, 1, 11), new DateOnly(2027, 1, 10), null, null, null);
        var refusal = Assert.Single(Refusals("liaocheng-base-2021", ApplicationKind.New, new DateOnly(2026, 11, 21), d));
        Assert.Contains("有效期内的示范基地不得重复申报（第十六条）", refusal);
        Assert.NotEmpty(Refusals("liaocheng-base-2021", ApplicationKind.ReReview, new DateOnly(2026, 11, 21), d)); // expiry year is 2027
        Assert.Empty(Refusals("liaocheng-base-2021", ApplicationKind.ReReview, new DateOnly(2027, 1, 5), d));
        Assert.Empty(Refusals("liaocheng-base-2021", ApplicationKind.New, new DateOnly(2027, 1, 11), d)); // expired the day after 2027-01-10
    }

    [Fact]
    public void Kunming_lets_a_valid_base_apply_again_only_in_its_expiry_year()
    {
        // Designated 2023-12-20 for 3 years (第十五条): valid through 2026-12-20.
        var d = new DesignationStanding("kunming-base-2022", new DateOnly(2023, 12, 21), new DateOnly(2026, 12, 20), null, null, null);
        Assert.Empty(Refusals("kunming-base-2022", ApplicationKind.New, new DateOnly(2026, 11, 21), d));
        var refusal = Assert.Single(Refusals("kunming-base-2022", ApplicationKind.New, new DateOnly(2025, 11, 21), d));
        Assert.Contains("有效期满当年方可再次申报（第十五条）", refusal);
        Assert.NotEmpty(Refusals("kunming-base-2022", ApplicationKind.ReReview, new DateOnly(2026, 11, 21), d)); // no 复核 in the text
    }

    [Fact]
    public void Beijing_bans_two_years_after_a_revocation_on_article_15_grounds_only()
    {
        // Revoked 2025-06-30 on 第十五条 grounds: banned through 2027-06-30 (the revocation's handler computes the date).
        var banned = new DesignationStanding("beijing-base", new DateOnly(2023, 1, 1), null, new DateOnly(2025, 6, 30), new DateOnly(2027, 6, 30), "第十五条");
        var refusal = Assert.Single(Refusals("beijing-base", ApplicationKind.New, new DateOnly(2027, 6, 30), banned));
        Assert.Equal("该载体于2025年6月30日被撤销称号（第十五条），2年内不得再次申请（第十五条），禁止申请至2027年6月30日，2027年7月1日起可再次申请。", refusal);
        Assert.Empty(Refusals("beijing-base", ApplicationKind.New, new DateOnly(2027, 7, 1), banned));
        // A 第十四条 revocation for a failed evaluation carries no ban.
        var failed = banned with { ReapplyBannedUntil = null, RevocationCitation = "第十四条" };
        Assert.Empty(Refusals("beijing-base", ApplicationKind.New, new DateOnly(2025, 7, 1), failed));
    }

    [Fact]
    public void Where_the_text_says_nothing_about_applying_while_valid_nothing_is_refused_and_the_authority_decides()
    {
        // 北京办法 sets no validity and no re-application rule; 西藏办法第十六条 a three-year validity and none either.
        var bj = new DesignationStanding("beijing-base", new DateOnly(2024, 3, 1), null, null, null, null);
        Assert.Empty(Refusals("beijing-base", ApplicationKind.New, new DateOnly(2026, 11, 21), bj));
        var xz = new DesignationStanding("xizang-base-2017", new DateOnly(2024, 3, 1), new DateOnly(2027, 3, 1), null, null, null);
        Assert.Empty(Refusals("xizang-base-2017", ApplicationKind.New, new DateOnly(2025, 11, 21), xz));
        var why = ReapplicationGate.Decide(PolicyFiles.Get("xizang-base-2017"), [xz], ApplicationKind.New, new DateOnly(2025, 11, 21));
        Assert.Equal("已认定，称号有效期至2027年3月1日；办法未规定有效期内能否再次申报，由认定机关决定。", why.Reason);
    }

    [Fact]
    public void A_designation_under_another_programme_does_not_count()
    {
        var d = new DesignationStanding("xizang-base-2017", new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1), null, null, null);
        Assert.Empty(Refusals("kunming-base-2022", ApplicationKind.New, new DateOnly(2026, 11, 21), d));
    }

    private static IReadOnlyList<string> TypeRefusals(string programme, string? carrierType, CarrierKind kind = CarrierKind.Base) =>
        Admission.Refusals(PolicyFiles.Get(programme), Base with { CarrierKind = kind, CarrierType = carrierType }, [], ApplicationKind.New, new DateOnly(2026, 11, 21));

    [Fact]
    public void A_maker_space_may_apply_in_Kunming_whose_article_3_names_it_but_not_in_Liaocheng_whose_does_not()
    {
        // 昆明第三条 …孵化器、众创空间、星创天地; 聊城第三条 创业基地、创业园、孵化器；…园中园… (no 众创空间).
        Assert.Empty(TypeRefusals("kunming-base-2022", "makerSpace"));
        var refusal = Assert.Single(TypeRefusals("liaocheng-base-2021", "makerSpace"));
        Assert.StartsWith("“众创空间”不在第三条所列可申报的载体之内（", refusal);
        Assert.Contains("孵化器", refusal);
    }

    [Fact]
    public void Beijing_lists_its_types_with_等_so_an_unlisted_type_is_left_to_the_designating_authority()
    {
        Assert.Empty(TypeRefusals("beijing-base", "startupBase"));
        Assert.Empty(TypeRefusals("beijing-base", "hardTechIncubator"));
    }

    [Fact]
    public void A_carrier_without_a_recorded_type_is_asked_for_it() =>
        Assert.StartsWith("该载体未填写载体类型", Assert.Single(TypeRefusals("xizang-base-2017", null)));

    [Fact]
    public void A_platform_is_told_the_kind_only_and_a_platform_type_is_admitted_by_the_platform_programme()
    {
        Assert.Equal("本批次受理示范基地，该载体登记为示范平台。", Assert.Single(TypeRefusals("liaocheng-base-2021", "technicalServiceOrganization", CarrierKind.Platform)));
        Assert.Empty(TypeRefusals("xizang-platform-2022", "technicalServiceOrganization", CarrierKind.Platform));
    }
}
