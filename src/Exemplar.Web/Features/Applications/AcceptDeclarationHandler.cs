using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Applications;

public sealed record AcceptDeclarationCommand(Guid ApplicationId, Guid OrganizationId, Guid UserId, string UserName, uint Version, bool Confirmed);

/// <summary>
/// The applicant's authorised user accepts the declaration of truthfulness in the product, beside the stamped copy
/// uploaded into the declaration slot: who and when are kept with the submission.
/// </summary>
public sealed class AcceptDeclarationHandler(ExemplarDbContext db, ApplicationLoader loader, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(AcceptDeclarationCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ApplicationId, tracked: true, ct);
        if (!DraftGuard.Owns(f, c.OrganizationId)) return SaveResult.NotFound;
        var p = new Problems();
        var slot = f!.Call.Slots.FirstOrDefault(s => s.IsDeclaration);
        if (!f.IsDraft) p.Add("", "该版本已提交，不能再修改。");
        else if (slot is not null && !ReturnItems.MayEdit(f.Current, slot.Id.ToString()) && f.Current.DeclarationAcceptedAt is not null)
            p.Add("", "本次退回补正未要求重新声明。");
        if (!c.Confirmed) p.Add("Confirmed", "请勾选确认后再提交声明。");
        if (p.Any) return p.Result();
        db.Entry(f.Current).Property(x => x.Version).OriginalValue = c.Version;
        f.Current.DeclarationAcceptedBy = c.UserId;
        f.Current.DeclarationAcceptedByName = c.UserName;
        f.Current.DeclarationAcceptedAt = clock.GetUtcNow();
        db.Actor.Operation = "申报.确认真实性声明";
        return await Problems.SaveAsync(db, f.Application.Id, ct);
    }
}
