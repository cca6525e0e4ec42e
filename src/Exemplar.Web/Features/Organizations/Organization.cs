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

/// <summary>Whether anyone has vouched for a registration (issue 8 item 7).</summary>
public enum OrganizationStatus
{
    /// <summary>Registered online, not yet confirmed by the local authority: may keep records, may not apply.</summary>
    Pending = 1,
    /// <summary>Confirmed by the local authority of its jurisdiction or an administrator.</summary>
    Confirmed = 2,
    /// <summary>Not confirmed (the facts did not check out); the code is free for a correct registration.</summary>
    Rejected = 3,
    /// <summary>Found to have registered someone else's code (a contest upheld); its accounts are disabled, the code is free.</summary>
    Revoked = 4,
}

public sealed class Organization : IHasJurisdiction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>统一社会信用代码; required for applicants, unique among pending and confirmed organisations.</summary>
    public string? Uscc { get; set; }
    public OrganizationKind Kind { get; init; }
    public required string JurisdictionCode { get; set; }
    public string? Address { get; set; }
    [Infrastructure.Security.PersonalData]
    public string? ContactName { get; set; }
    [Infrastructure.Security.PersonalData]
    public string? ContactPhone { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public OrganizationStatus Status { get; set; } = OrganizationStatus.Pending;
    /// <summary>When and by whom the registration was confirmed, not confirmed or revoked.</summary>
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>The reason given when not confirmed or revoked (shown to the organisation).</summary>
    public string? DecisionNote { get; set; }
    public uint Version { get; set; }

    public static string KindLabel(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Applicant => "申报单位",
        OrganizationKind.Authority => "主管部门",
        OrganizationKind.ExpertInstitution => "专家单位",
        _ => "未知",
    };

    public static string StatusLabel(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Pending => "待所在地主管部门确认",
        OrganizationStatus.Confirmed => "已确认",
        OrganizationStatus.Rejected => "未予确认",
        OrganizationStatus.Revoked => "注册已撤销",
        _ => "未知",
    };
}
