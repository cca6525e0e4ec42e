using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// What may change in a draft: only the applicant organisation's draft or correction version, only the items a return
/// reopened, and nothing the locked report shows while it is locked.
/// </summary>
public static class DraftGuard
{
    public static bool Owns(ApplicationFile? f, Guid organizationId) => f is not null && f.Application.OrganizationId == organizationId;

    public static bool IsDraft(Application a, ApplicationVersion current) =>
        current.State == VersionState.Draft && a.Status is ApplicationStatus.Draft or ApplicationStatus.Returned;

    public static void Check(ApplicationFile f, string item, Problems p, bool partOfReport) => Check(f.Application, f.Current, item, p, partOfReport);

    public static void Check(Application a, ApplicationVersion current, string item, Problems p, bool partOfReport)
    {
        if (!IsDraft(a, current)) p.Add("", "该版本已提交，不能再修改。");
        else if (!ReturnItems.MayEdit(current, item)) p.Add("", "本次退回补正未要求修改此项，不能修改。");
        else if (partOfReport && current.LockedAt is not null)
            p.Add("", "申请报告已生成并锁定数据，请先“解除锁定”再修改（解除后需重新生成、打印、盖章并上传申请报告）。");
    }
}
