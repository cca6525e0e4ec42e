using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;

namespace Exemplar.Web.Features.Carriers;

/// <summary>
/// Loads and removes through EF every row that deleting a record would otherwise remove (or change) by a database
/// cascade, so each one gets its own audit row (before-image included) in the same SaveChanges. Attachment bytes are
/// not audited (their SHA-256 is, on the attachment row), so their rows are removed without loading the content.
/// </summary>
public static class DeleteChildren
{
    public static async Task RemoveAsync(ExemplarDbContext db, object item, CancellationToken ct)
    {
        switch (item)
        {
            case Carrier c:
                await RemoveEnterprisesAsync(db, db.Set<ResidentEnterprise>().Where(e => e.CarrierId == c.Id), ct);
                var samples = await db.Set<SurveySample>().Where(s => s.CarrierId == c.Id).ToListAsync(ct);
                var sampleIds = samples.Select(s => s.Id).ToList();
                db.RemoveRange(await db.Set<SurveySampleAnswer>().Where(a => sampleIds.Contains(a.SampleId)).ToListAsync(ct));
                db.RemoveRange(samples);
                db.RemoveRange(await db.Set<ServiceStaff>().Where(s => s.CarrierId == c.Id).ToListAsync(ct));
                await RemoveEntriesAsync(db, db.Set<LedgerEntry>().Where(e => e.CarrierId == c.Id), ct);
                db.RemoveRange(await db.Set<PartnerAgency>().Where(p => p.CarrierId == c.Id).ToListAsync(ct));
                break;
            case ResidentEnterprise e:
                await RemoveEnterprisesAsync(db, db.Set<ResidentEnterprise>().Where(x => x.Id == e.Id), ct);
                break;
            case LedgerEntry entry:
                await RemoveEntriesAsync(db, db.Set<LedgerEntry>().Where(x => x.Id == entry.Id), ct);
                break;
            case LedgerAttachment a:
                RemoveContent(db, a.Id);
                break;
            case PartnerAgency p:
                // ON DELETE SET NULL would change these entries unaudited: clear the link here instead.
                await db.Set<LedgerEntry>().Where(x => x.PartnerAgencyId == p.Id).ForEachAsync(x => x.PartnerAgencyId = null, ct);
                break;
        }
    }

    private static async Task RemoveEnterprisesAsync(ExemplarDbContext db, IQueryable<ResidentEnterprise> enterprises, CancellationToken ct)
    {
        var list = await enterprises.Include(e => e.Years).ToListAsync(ct);
        var ids = list.Select(e => e.Id).ToList();
        var invitations = await db.Set<SurveyInvitation>().Where(i => ids.Contains(i.EnterpriseId)).ToListAsync(ct);
        var invitationIds = invitations.Select(i => i.Id).ToList();
        db.RemoveRange(await db.Set<SurveyAnswer>().Where(a => invitationIds.Contains(a.InvitationId)).ToListAsync(ct));
        db.RemoveRange(invitations);
        db.RemoveRange(list.SelectMany(e => e.Years));
        db.RemoveRange(list);
    }

    private static async Task RemoveEntriesAsync(ExemplarDbContext db, IQueryable<LedgerEntry> entries, CancellationToken ct)
    {
        var list = await entries.ToListAsync(ct);
        var ids = list.Select(e => e.Id).ToList();
        var attachments = await db.Set<LedgerAttachment>().Where(a => ids.Contains(a.EntryId)).ToListAsync(ct);
        foreach (var a in attachments) RemoveContent(db, a.Id);
        db.RemoveRange(attachments);
        db.RemoveRange(list);
    }

    private static void RemoveContent(ExemplarDbContext db, Guid attachmentId)
    {
        if (db.ChangeTracker.Entries<LedgerAttachmentContent>().Any(x => x.Entity.AttachmentId == attachmentId)) return;
        db.Remove(new LedgerAttachmentContent { AttachmentId = attachmentId, Content = [] });
    }
}
