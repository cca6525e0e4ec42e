using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

/// <summary>Confirmation page before deleting any record of a carrier (or the carrier itself).</summary>
public sealed class DeleteModel(ExemplarDbContext db, DeleteRecordHandler handler) : CarrierPageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] [Display(Name = "记录类别")] public RecordKind Kind { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "记录编号")] public Guid ItemId { get; set; }
    [BindProperty] [Display(Name = "版本")] public uint Version { get; set; }
    public string? Description { get; private set; }

    private sealed record Found(string Description, uint Version);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanWrite) return Forbid();
        var id = Carrier.Id;
        // Projected to an anonymous type: Npgsql cannot read a ValueTuple built in SQL (a PostgreSQL record).
        var found = Kind switch
        {
            RecordKind.Carrier when ItemId == id => new Found(Carrier.Name, Carrier.Version),
            RecordKind.Enterprise => await db.Set<ResidentEnterprise>().Where(x => x.Id == ItemId && x.CarrierId == id).Select(x => new Found(x.Name, x.Version)).FirstOrDefaultAsync(ct),
            RecordKind.Staff => await db.Set<ServiceStaff>().Where(x => x.Id == ItemId && x.CarrierId == id).Select(x => new Found(x.Name, x.Version)).FirstOrDefaultAsync(ct),
            RecordKind.Partner => await db.Set<PartnerAgency>().Where(x => x.Id == ItemId && x.CarrierId == id).Select(x => new Found(x.Name, x.Version)).FirstOrDefaultAsync(ct),
            RecordKind.Entry => await db.Set<LedgerEntry>().Where(x => x.Id == ItemId && x.CarrierId == id)
                .Select(x => new Found(x.Date.ToString() + " " + x.Place, x.Version)).FirstOrDefaultAsync(ct),
            RecordKind.Attachment => await (from a in db.Set<LedgerAttachment>() join e in db.Set<LedgerEntry>() on a.EntryId equals e.Id
                                            where a.Id == ItemId && e.CarrierId == id select new Found(a.FileName, 0u)).FirstOrDefaultAsync(ct),
            _ => null,
        };
        (Description, Version) = found is null ? (null, 0u) : (found.Description, found.Version);
        return Description is null ? NotFound() : Page();
    }

    public Task LoadFormAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new DeleteRecordCommand(Carrier.Id, Kind, ItemId, Version), ct);
        if (!result.Ok)
        {
            AddErrors(result.Errors);
            await OnGetAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"已删除{DeleteRecordHandler.Label(Kind)}。";
        return Redirect(Kind switch
        {
            RecordKind.Carrier => "/Base",
            RecordKind.Enterprise => $"{BaseUrl}/Enterprises",
            RecordKind.Staff => $"{BaseUrl}/Staff",
            RecordKind.Partner => $"{BaseUrl}/Partners",
            _ => $"{BaseUrl}/Ledger",
        });
    }
}
