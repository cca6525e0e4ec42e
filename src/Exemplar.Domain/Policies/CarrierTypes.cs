namespace Exemplar.Domain.Policies;

/// <summary>One kind of carrier a text's 第三条 (or the platform call's 申报条件) names as eligible to apply.</summary>
public sealed record CarrierTypeDefinition(string Id, string Label, CarrierKind Kind);

/// <summary>
/// The carrier types the five texts name, under one id each so a carrier record can hold one and every programme's
/// <c>applicants.carrierTypes</c> can list the ones it admits with the text's own words.
/// </summary>
public static class CarrierTypes
{
    public static readonly IReadOnlyList<CarrierTypeDefinition> All =
    [
        new("startupBase", "创业基地（为小微企业创业创新提供场所和服务的基地）", CarrierKind.Base),
        new("startupPark", "创业园（创业园区）", CarrierKind.Base),
        new("incubator", "孵化器（含科技企业孵化器）", CarrierKind.Base),
        new("hardTechIncubator", "硬科技孵化器", CarrierKind.Base),
        new("overseasReturneePark", "留学人员创业园", CarrierKind.Base),
        new("graduateStartupPark", "大学生创业园", CarrierKind.Base),
        new("makerSpace", "众创空间", CarrierKind.Base),
        new("starInnovationSpace", "星创天地", CarrierKind.Base),
        new("parkWithinPark", "产业集聚区中面向小微企业的园中园（聚集区）", CarrierKind.Base),
        new("universitySciencePark", "依托高校和科研院所的大学科技园", CarrierKind.Base),
        new("leadingEnterpriseBase", "行业龙头骨干企业设立的创业创新基地（空间）", CarrierKind.Base),
        new("smeServiceOrganization", "中小企业服务机构", CarrierKind.Platform),
        new("socialIntermediary", "社会中介机构", CarrierKind.Platform),
        new("technicalServiceOrganization", "技术服务机构", CarrierKind.Platform),
        new("researchInstitute", "科研院所", CarrierKind.Platform),
        new("internetServiceEnterprise", "基于互联网等面向中小企业提供创新创业服务的企业", CarrierKind.Platform),
    ];

    public static CarrierTypeDefinition? Find(string? id) => All.FirstOrDefault(t => t.Id == id);

    public static string LabelOf(string? id) => Find(id)?.Label ?? id ?? "";

    public static IEnumerable<CarrierTypeDefinition> Of(CarrierKind kind) => All.Where(t => t.Kind == kind);
}
