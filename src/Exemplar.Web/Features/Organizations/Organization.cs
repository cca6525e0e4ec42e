using Exemplar.Web.Features.Jurisdictions;

namespace Exemplar.Web.Features.Organizations;

public enum OrganizationKind
{
    /// <summary>申报单位、运营主体</summary>
    Applicant = 1,
    /// <summary>主管部门（县区、地市、园区、认定机关）</summary>
    Authority = 2,
    /// <summary>专家所在单位</summary>
    ExpertInstitution = 3,
}

public sealed class Organization : IHasJurisdiction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>统一社会信用代码; required for applicants, unique when present.</summary>
    public string? Uscc { get; set; }
    public OrganizationKind Kind { get; init; }
    public required string JurisdictionCode { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public uint Version { get; set; }

    public static string KindLabel(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Applicant => "申报单位",
        OrganizationKind.Authority => "主管部门",
        OrganizationKind.ExpertInstitution => "专家单位",
        _ => "未知",
    };
}
