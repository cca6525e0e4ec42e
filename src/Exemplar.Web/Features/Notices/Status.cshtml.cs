using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>
/// 异议查询: the filer enters the reference (posted, so it stays out of addresses and logs) and reads the status and,
/// once concluded, the conclusion and reply. The filer's own name and contact are not shown back.
/// </summary>
[EnableRateLimiting(NoticesSetup.RateLimitPolicy)]
public sealed class StatusModel(ExemplarDbContext db) : PageModel
{
    [BindProperty, Display(Name = "查询编号")] public string? Reference { get; set; }
    public Objection? Found { get; private set; }
    public PublicNotice? Notice { get; private set; }
    public NoticeEntry? Entry { get; private set; }
    public bool Searched { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Searched = true;
        var reference = ObjectionReference.Normalise(Reference);
        if (reference is null)
        {
            ModelState.AddModelError(nameof(Reference), "请填写提交异议时获得的查询编号。");
            return Page();
        }
        Found = await db.Set<Objection>().AsNoTracking().FirstOrDefaultAsync(o => o.Reference == reference, ct);
        if (Found is not null)
        {
            Notice = await db.Set<PublicNotice>().AsNoTracking().Include(n => n.Entries).SingleAsync(n => n.Id == Found.NoticeId, ct);
            Entry = Notice.Entries.Single(e => e.Id == Found.EntryId);
        }
        return Page();
    }
}
