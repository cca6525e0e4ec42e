using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Organizations;

/// <summary>Whether an organisation may apply, and if not why (in Chinese, for the applicant).</summary>
public sealed record ApplyVerdict(bool Allowed, string? Reason)
{
    public static readonly ApplyVerdict Yes = new(true, null);
}

/// <summary>
/// The check the applications workflow calls before an application is created or submitted (issue 8 item 7): only an
/// applicant organisation whose registration the local authority of its jurisdiction (or an administrator) confirmed
/// may apply. <see cref="MayApply"/> for a loaded organisation, <see cref="MayApplyAsync"/> by id.
/// </summary>
public static class OrganizationStanding
{
    public static ApplyVerdict MayApply(Organization? org) => org switch
    {
        null => new(false, "未找到申报单位。"),
        { Kind: not OrganizationKind.Applicant } => new(false, "只有申报单位（运营主体）可以申报。"),
        { Status: OrganizationStatus.Confirmed } => ApplyVerdict.Yes,
        { Status: OrganizationStatus.Pending } => new(false, "本单位的注册尚待所在地主管部门确认，确认后方可申报。请联系所在县（市、区）或开发区主管部门。"),
        { Status: OrganizationStatus.Rejected } => new(false, $"本单位的注册未通过所在地主管部门确认（{org.DecisionNote}），不能申报。请核对营业执照信息后重新注册。"),
        _ => new(false, $"本单位的注册已被撤销（{org.DecisionNote}），不能申报。"),
    };

    public static async Task<ApplyVerdict> MayApplyAsync(ExemplarDbContext db, Guid organizationId, CancellationToken ct) =>
        MayApply(await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct));
}
