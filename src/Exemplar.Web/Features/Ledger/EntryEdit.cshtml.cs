using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger;

public sealed class EntryEditModel(ExemplarDbContext db, SaveEntryHandler handler) : CarrierPageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] [Display(Name = "记录编号")] public Guid? EntryId { get; set; }
    [BindProperty] [Display(Name = "版本")] public uint Version { get; set; }
    [BindProperty] [Display(Name = "服务功能")] public ServiceFunction Function { get; set; } = ServiceFunction.InformationService;
    [BindProperty] [Display(Name = "服务日期")] public DateOnly? Date { get; set; }
    [BindProperty] [Display(Name = "服务地点")] public string Place { get; set; } = "";
    [BindProperty] [Display(Name = "服务形式")] public ServiceForm Form { get; set; } = ServiceForm.OneToOne;
    [BindProperty] [Display(Name = "活动类别")] public EventTopic Topic { get; set; }
    [BindProperty] [Display(Name = "参与的入驻企业")] public List<Guid> ResidentIds { get; set; } = [];
    [BindProperty] [Display(Name = "其他参与企业")] public string OtherNames { get; set; } = "";
    [BindProperty] [Display(Name = "参与人数")] public int PersonCount { get; set; }
    [BindProperty] [Display(Name = "收费类别")] public FeeClass Fee { get; set; } = FeeClass.Free;
    [BindProperty] [Display(Name = "服务提供方")] public Guid? PartnerAgencyId { get; set; }
    [BindProperty] [Display(Name = "服务需求")] public string? RequestText { get; set; }
    [BindProperty] [Display(Name = "服务内容与成果")] public string? OutcomeText { get; set; }
    [BindProperty] [Display(Name = "企业反馈")] public string? Feedback { get; set; }
    [BindProperty] [Display(Name = "佐证材料")] public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Residents { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];
    public IReadOnlyList<LedgerAttachment> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanWrite) return Forbid();
        await LoadAsync(ct);
        if (EntryId is { } eid)
        {
            var e = await db.Set<LedgerEntry>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == eid && x.CarrierId == Carrier.Id, ct);
            if (e is null) return NotFound();
            (Version, Function, Date, Place, Form, Topic, ResidentIds, OtherNames, PersonCount, Fee, PartnerAgencyId, RequestText, OutcomeText, Feedback) =
                (e.Version, e.Function, e.Date, e.Place, e.Form, e.Topic, e.ResidentIds, string.Join("、", e.OtherNames), e.PersonCount, e.Fee, e.PartnerAgencyId, e.RequestText, e.OutcomeText, e.Feedback);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachmentId, CancellationToken ct)
    {
        var file = await (from a in db.Set<LedgerAttachment>() join e in db.Set<LedgerEntry>() on a.EntryId equals e.Id
                          join c in db.Set<LedgerAttachmentContent>() on a.Id equals c.AttachmentId
                          where a.Id == attachmentId && e.CarrierId == Carrier.Id select new { a.FileName, a.ContentType, c.Content }).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : EvidenceFiles.Download(file.FileName, file.ContentType, file.Content);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var uploads = new List<UploadedFile>();
        foreach (var f in Files)
        {
            using var ms = new MemoryStream();
            await f.OpenReadStream().CopyToAsync(ms, ct);
            uploads.Add(new UploadedFile(f.FileName, ms.ToArray()));
        }
        var result = await handler.HandleAsync(new SaveEntryCommand(Carrier.Id, EntryId, Version, Function, Date, Place ?? "", Form, Topic, ResidentIds,
            OtherNames ?? "", PersonCount, Fee, PartnerAgencyId, RequestText, OutcomeText, Feedback, uploads), ct);
        if (!result.Ok) { AddErrors(result.Errors); await LoadAsync(ct); return Page(); }
        TempData["Flash"] = "已保存台账记录。";
        return Redirect($"{BaseUrl}/Ledger");
    }

    public Task LoadFormAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Residents = (await db.Set<ResidentEnterprise>().AsNoTracking().Where(r => r.CarrierId == Carrier.Id).OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        Partners = (await db.Set<PartnerAgency>().AsNoTracking().Where(r => r.CarrierId == Carrier.Id).OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        // Scoped by carrier as well as by entry: nothing of another carrier's entry reaches this page on any path.
        if (EntryId is { } eid)
            Attachments = await db.Set<LedgerAttachment>().AsNoTracking()
                .Where(a => a.EntryId == eid && db.Set<LedgerEntry>().Any(e => e.Id == a.EntryId && e.CarrierId == Carrier.Id)).ToListAsync(ct);
    }
}
