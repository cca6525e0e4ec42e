using Exemplar.Domain.Policies;
using Exemplar.Domain.Tests.Policies;
using Exemplar.Domain.Workflow;

namespace Exemplar.Domain.Tests.Workflow;

/// <summary>Admission reads who may apply from each file's 第三条 carrier types and the re-application rules, not from C#.</summary>
public class AdmissionTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static IReadOnlyList<string> Refusals(string programme, string? carrierType, CarrierKind kind = CarrierKind.Base,
        params DesignationStanding[] designations) =>
        Admission.Refusals(PolicyFiles.Get(programme), new ApplicantStanding(kind, carrierType, true, "本市", null), designations, ApplicationKind.New, Today);

    [Fact]
    public void A_maker_space_may_apply_in_Kunming_whose_article_3_names_it_but_not_in_Liaocheng_whose_does_not()
    {
        Assert.Empty(Refusals("kunming-base-2022", "makerSpace"));
        var refusal = Assert.Single(Refusals("liaocheng-base-2021", "makerSpace"));
        Assert.StartsWith("“众创空间”不在第三条所列可申报的载体之内（", refusal);
        Assert.Contains("孵化器", refusal);
    }

    [Fact]
    public void Beijing_lists_its_types_with_等_so_an_unlisted_type_is_left_to_the_designating_authority()
    {
        Assert.Empty(Refusals("beijing-base", "startupBase"));
        Assert.Empty(Refusals("beijing-base", "incubator"));
    }

    [Fact]
    public void A_carrier_without_a_recorded_type_is_asked_for_it()
    {
        var refusal = Assert.Single(Refusals("xizang-base-2017", null));
        Assert.StartsWith("该载体未填写载体类型", refusal);
    }

    [Fact]
    public void A_platform_applying_to_a_base_programme_is_told_the_kind_only()
    {
        var refusal = Assert.Single(Refusals("liaocheng-base-2021", "technicalServiceOrganization", CarrierKind.Platform));
        Assert.Equal("本批次受理示范基地，该载体登记为示范平台。", refusal);
        Assert.Empty(Refusals("xizang-platform-2022", "technicalServiceOrganization", CarrierKind.Platform));
    }

    [Fact]
    public void Liaocheng_forbids_a_repeat_while_valid_and_Kunming_admits_one_in_the_expiry_year_only()
    {
        // 聊城第十六条: 有效期内的示范基地不得重复申报; 昆明第十五条: 在有效期满当年可再次申报.
        var liaocheng = new DesignationStanding("liaocheng-base-2021", new(2023, 1, 1), new(2027, 12, 31), null, null, null);
        Assert.Contains("有效期内的示范基地不得重复申报（第十六条）", Assert.Single(Refusals("liaocheng-base-2021", "incubator", CarrierKind.Base, liaocheng)));

        var kunmingLater = new DesignationStanding("kunming-base-2022", new(2024, 1, 1), new(2027, 1, 1), null, null, null);
        Assert.Contains("有效期满当年方可再次申报（第十五条）", Assert.Single(Refusals("kunming-base-2022", "incubator", CarrierKind.Base, kunmingLater)));
        var kunmingThisYear = kunmingLater with { ValidFrom = new(2023, 7, 1), ValidUntil = new(2026, 6, 30) };
        Assert.Empty(Refusals("kunming-base-2022", "incubator", CarrierKind.Base, kunmingThisYear));
    }
}
