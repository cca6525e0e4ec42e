using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Applications;

public sealed record WithdrawApplicationCommand(Guid ApplicationId, Guid OrganizationId, uint Version, string? Reason, bool Confirmed);

/// <summary>撤回: the applicant withdraws before the applicants' deadline; the application stays on record as withdrawn.</summary>
public sealed class WithdrawApplicationHandler(ExemplarDbContext db, ApplicationLoader loader, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(WithdrawApplicationCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ApplicationId, tracked: true, ct);
        if (!DraftGuard.Owns(f, c.OrganizationId)) return SaveResult.NotFound;
        var p = new Problems();
        var a = f!.Application;
        if (a.Status == ApplicationStatus.Withdrawn) p.Add("", "该申报已撤回。");
        else if (a.Status == ApplicationStatus.Recommended) p.Add("", "该申报已由主管部门签署推荐（已推荐），不能再撤回；如确需退出，请书面联系认定机关。");
        else if (ChinaTime.Today(clock) > f.Call.ApplicationDeadline) p.Add("", $"申报截止日期（{ChinaTime.Format(f.Call.ApplicationDeadline)}）已过，不能撤回。");
        if (!c.Confirmed) p.Add("Confirmed", "请勾选确认撤回。撤回后本批次不能再次申报该载体。");
        p.MaxLength("Reason", c.Reason, 500, "撤回原因");
        if (p.Any) return p.Result();
        db.Entry(a).Property(x => x.Version).OriginalValue = c.Version;
        a.Status = ApplicationStatus.Withdrawn;
        // A withdrawn 复核 no longer keeps the title standing past its end date.
        foreach (var held in await db.Set<Designations.Designation>().Where(d => d.ReReviewApplicationId == a.Id).ToListAsync(ct))
            held.ReReviewApplicationId = null;
        a.WithdrawnAt = clock.GetUtcNow();
        a.WithdrawalReason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
        db.Actor.Operation = "申报.撤回";
        return await Problems.SaveAsync(db, a.Id, ct);
    }
}
