using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

public enum RecordKind { Carrier, Enterprise, Staff, Partner, Entry, Attachment }

public sealed record DeleteRecordCommand(Guid CarrierId, RecordKind Kind, Guid ItemId, uint Version);

public sealed class DeleteRecordHandler(ExemplarDbContext db)
{
    public static string Label(RecordKind k) => k switch
    {
        RecordKind.Carrier => "基地（平台）", RecordKind.Enterprise => "入驻企业", RecordKind.Staff => "服务人员",
        RecordKind.Partner => "合作机构", RecordKind.Entry => "台账记录", RecordKind.Attachment => "佐证附件", _ => "",
    };

    /// <summary>The record of <paramref name="kind"/> with this id, only if it belongs to the carrier.</summary>
    public static async Task<object?> FindAsync(ExemplarDbContext db, Guid carrierId, RecordKind kind, Guid itemId, CancellationToken ct) => kind switch
    {
        RecordKind.Carrier => await db.Set<Carrier>().FirstOrDefaultAsync(x => x.Id == itemId && x.Id == carrierId, ct),
        RecordKind.Enterprise => await db.Set<ResidentEnterprise>().FirstOrDefaultAsync(x => x.Id == itemId && x.CarrierId == carrierId, ct),
        RecordKind.Staff => await db.Set<ServiceStaff>().FirstOrDefaultAsync(x => x.Id == itemId && x.CarrierId == carrierId, ct),
        RecordKind.Partner => await db.Set<PartnerAgency>().FirstOrDefaultAsync(x => x.Id == itemId && x.CarrierId == carrierId, ct),
        RecordKind.Entry => await db.Set<LedgerEntry>().FirstOrDefaultAsync(x => x.Id == itemId && x.CarrierId == carrierId, ct),
        RecordKind.Attachment => await (from a in db.Set<LedgerAttachment>() join e in db.Set<LedgerEntry>() on a.EntryId equals e.Id
                                        where a.Id == itemId && e.CarrierId == carrierId select a).FirstOrDefaultAsync(ct),
        _ => null,
    };

    public async Task<SaveResult> HandleAsync(DeleteRecordCommand c, CancellationToken ct)
    {
        var item = await FindAsync(db, c.CarrierId, c.Kind, c.ItemId, ct);
        var p = new Problems();
        if (item is null) { p.Add("", Problems.ConcurrencyMessage); return p.Result(); }
        var entry = db.Entry(item);
        if (entry.Metadata.FindProperty("Version") is not null) entry.Property("Version").OriginalValue = c.Version;
        if (c.Kind == RecordKind.Enterprise)
        {
            // Keep the ledger consistent: the enterprise stays counted under its name.
            var ent = (ResidentEnterprise)item;
            await db.Set<LedgerEntry>().Where(x => x.CarrierId == c.CarrierId && x.ResidentIds.Contains(ent.Id)).ForEachAsync(x =>
            {
                x.ResidentIds = x.ResidentIds.Where(i => i != ent.Id).ToList();
                x.OtherNames = [.. x.OtherNames, ent.Name];
            }, ct);
        }
        await DeleteChildren.RemoveAsync(db, item, ct);
        db.Remove(item);
        db.Actor.Operation = Label(c.Kind) + ".删除";
        return await Problems.SaveAsync(db, c.ItemId, ct);
    }
}
