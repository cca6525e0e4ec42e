using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger;

/// <summary>One ledger entry, read-only: what officers open from the metrics page's anomalies (operators edit from here).</summary>
public sealed class EntryModel(ExemplarDbContext db) : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] [Display(Name = "记录编号")] public Guid EntryId { get; set; }
    public LedgerEntry Entry { get; private set; } = null!;
    public string Participants { get; private set; } = "";
    public string Provider { get; private set; } = "本基地";
    public IReadOnlyList<LedgerAttachment> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var e = await db.Set<LedgerEntry>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == EntryId && x.CarrierId == Carrier.Id, ct);
        if (e is null) return NotFound();
        Entry = e;
        var names = await db.Set<ResidentEnterprise>().AsNoTracking().Where(r => e.ResidentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        Participants = string.Join("、", e.ResidentIds.Select(i => names.GetValueOrDefault(i, "（已删除企业）")).Concat(e.OtherNames));
        if (e.PartnerAgencyId is { } pa)
            Provider = await db.Set<PartnerAgency>().Where(p => p.Id == pa).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "（已删除的合作机构）";
        Attachments = await db.Set<LedgerAttachment>().AsNoTracking().Where(a => a.EntryId == e.Id).OrderBy(a => a.FileName).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachmentId, CancellationToken ct)
    {
        var file = await (from a in db.Set<LedgerAttachment>() join e in db.Set<LedgerEntry>() on a.EntryId equals e.Id
                          join c in db.Set<LedgerAttachmentContent>() on a.Id equals c.AttachmentId
                          where a.Id == attachmentId && e.Id == EntryId && e.CarrierId == Carrier.Id select new { a.FileName, a.ContentType, c.Content }).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : EvidenceFiles.Download(file.FileName, file.ContentType, file.Content);
    }
}
