using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Applications;

public sealed record LockReportCommand(Guid ApplicationId, Guid OrganizationId, uint Version, bool Lock);

/// <summary>
/// 生成申请报告: reads the report's data as of now and locks it, so the report printed and stamped shows exactly what will
/// be submitted (the submission carries the locked data, and its stamped upload must come after the lock). Unlocking
/// allows edits again; the stamped report then has to be generated, stamped and uploaded anew.
/// </summary>
public sealed class LockReportHandler(ExemplarDbContext db, ApplicationLoader loader, ReportDataBuilder reports, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(LockReportCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ApplicationId, tracked: true, ct);
        if (!DraftGuard.Owns(f, c.OrganizationId)) return SaveResult.NotFound;
        var p = new Problems();
        if (!f!.IsDraft) p.Add("", "该版本已提交，不能再修改。");
        var editable = f.Current.EditableItems is null || f.Current.EditableItems.Intersect([ReturnItems.Details, ReturnItems.Profile, ReturnItems.Narratives]).Any();
        if (!c.Lock && !editable) p.Add("", "本次退回补正未要求修改申报数据，申请报告无需重新生成。");
        if (p.Any) return p.Result();
        db.Entry(f.Current).Property(x => x.Version).OriginalValue = c.Version;
        if (c.Lock)
        {
            var json = ApplicationJson.Write(await reports.BuildAsync(f.Policy, f.Call, f.Carrier, f.Current, ct));
            f.Current.LockedJson = json;
            f.Current.LockedHash = ApplicationJson.Sha256(json);
            f.Current.LockedAt = clock.GetUtcNow();
            db.Actor.Operation = "申报.生成申请报告并锁定";
        }
        else
        {
            f.Current.LockedJson = null;
            f.Current.LockedHash = null;
            f.Current.LockedAt = null;
            db.Actor.Operation = "申报.解除锁定";
        }
        return await Problems.SaveAsync(db, f.Application.Id, ct);
    }
}
