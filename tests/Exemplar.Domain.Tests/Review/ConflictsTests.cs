using Exemplar.Domain.Review;

namespace Exemplar.Domain.Tests.Review;

public sealed class ConflictsTests
{
    private static readonly Guid E = Guid.NewGuid();

    private static readonly ConflictSubject Subject = new(
        new LinkedOrganization("昆明五华创新创业园运营管理有限公司", "91530102MA6K4XXX0A"),
        [new LinkedOrganization("云南青禾科技有限公司", "91530102MA6N123456"), new LinkedOrganization("昆明小禾文化传播有限公司", null)],
        [new LinkedOrganization("云南明信会计师事务所（特殊普通合伙）", null)],
        "530102");

    private static Exclusion? Of(string employer, string? uscc, string region = "530111", bool sameCounty = false) =>
        Conflicts.Of(new ExpertEmployer(E, employer, uscc, region), Subject, sameCounty);

    [Fact]
    public void An_expert_of_the_applicant_organisation_is_excluded_by_its_code_even_under_another_name() =>
        Assert.Equal(ExclusionGround.ApplicantEmployee, Of("五华创新创业园", "91530102MA6K4XXX0A")?.Ground);

    [Fact]
    public void An_expert_of_a_resident_enterprise_is_excluded_by_code() =>
        Assert.Equal("工作单位是该基地的入驻企业（云南青禾科技有限公司）", Of("青禾科技", "91530102MA6N123456")?.Reason);

    [Fact]
    public void Without_a_code_on_one_side_the_name_decides_with_spaces_and_bracket_widths_ignored()
    {
        Assert.Equal(ExclusionGround.ResidentEnterpriseEmployee, Of("昆明小禾文化传播有限公司", "91530100MA6P000001")?.Ground);
        Assert.Equal(ExclusionGround.PartnerAgencyEmployee, Of("云南明信会计师事务所 (特殊普通合伙)", null)?.Ground);
    }

    [Fact]
    public void The_same_name_with_a_different_code_is_another_organisation() =>
        Assert.Null(Of("云南青禾科技有限公司", "91530100MA6P000001"));

    [Fact]
    public void The_same_county_excludes_only_when_the_call_asks_for_it()
    {
        Assert.Null(Of("云南大学", null, region: "530102"));
        Assert.Equal("与基地同在一个县（市、区）", Of("云南大学", null, region: "530102", sameCounty: true)?.Reason);
        Assert.Null(Of("云南大学", null, region: "530103", sameCounty: true));
        Assert.Null(Of("云南大学", null, region: "530100", sameCounty: true)); // city level: not in the county
    }

    [Fact]
    public void A_carrier_in_no_county_has_no_same_county_exclusion() =>
        Assert.Null(Conflicts.Of(new ExpertEmployer(E, "云南大学", null, "530102"), Subject with { CarrierCounty = null }, true));
}
