using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>提出异议: for anyone during the notice; refused (with the reason) when anonymous or late.</summary>
[EnableRateLimiting(NoticesSetup.RateLimitPolicy)]
[RequestFormLimits(MultipartBodyLengthLimit = NoticeLimits.EvidenceBytes + 1024 * 1024)]
[RequestSizeLimit(NoticeLimits.EvidenceBytes + 1024 * 1024)]
public sealed class ObjectModel(ExemplarDbContext db, FileObjectionHandler handler, TimeProvider clock) : PageModel, IFormPage
{
    public PublicNotice Notice { get; private set; } = null!;
    public bool Open { get; private set; }
    [BindProperty, Display(Name = "异议对象")] public Guid? EntryId { get; set; }
    [BindProperty, Display(Name = "提出方式")] public FilerKind? FilerKind { get; set; }
    [BindProperty, Display(Name = "姓名或单位名称")] public string? FilerName { get; set; }
    [BindProperty, Display(Name = "联系方式")] public string? FilerContact { get; set; }
    [BindProperty(Name = "Content"), Display(Name = "异议内容")] public string? Body { get; set; }
    [BindProperty, Display(Name = "证明材料")] public List<IFormFile> Evidence { get; set; } = [];

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var n = await db.Set<PublicNotice>().AsNoTracking().Include(x => x.Entries).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return false;
        n.Entries.Sort((a, b) => a.Order.CompareTo(b.Order));
        Notice = n;
        Open = n.AcceptsObjectionsOn(ChinaTime.Today(clock));
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? entry, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        EntryId = entry;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var files = new List<EvidenceUpload>();
        foreach (var f in Evidence.Take(NoticeLimits.EvidenceFiles + 1))
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            files.Add(new EvidenceUpload(f.FileName, ms.ToArray()));
        }
        var result = await handler.HandleAsync(new FileObjectionCommand(id, EntryId, FilerKind, FilerName, FilerContact, Body, files), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["ObjectionReference"] = await db.Set<Objection>().Where(o => o.Id == result.Id).Select(o => o.Reference).SingleAsync(ct);
        return Redirect("/Notices/Objections/Filed");
    }
}
