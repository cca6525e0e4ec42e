using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Decisions;

/// <summary>认定公告 for anyone, printable: document number and date, the designated bases, the validity the policy gives.</summary>
public sealed class AnnouncementModel(ExemplarDbContext db, DecisionLoader loader, AnnouncementDocument documents) : PageModel
{
    /// <summary>下载公告（Word）: for anyone, like the page; only once announced.</summary>
    public async Task<IActionResult> OnGetWordAsync(Guid noticeId, CancellationToken ct) =>
        await documents.ForAsync(noticeId, ct) is { } d ? File(d.Bytes, d.ContentType, d.FileName) : NotFound();

    public DecisionFile Case { get; private set; } = null!;
    public DesignationDecision Decision { get; private set; } = null!;
    public IReadOnlyList<(Notices.NoticeEntry Entry, Designation Designation)> Designated { get; private set; } = [];
    public DesignationTerm Term { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid noticeId, CancellationToken ct)
    {
        var f = await loader.LoadAsync(noticeId, tracked: false, ct);
        if (f?.Decision is not { AnnouncedOn: not null } d) return NotFound();
        Case = f;
        Decision = d;
        Term = DesignationTerm.Of(f.Policy);
        var ids = d.Lines.Where(l => l.DesignationId != null).Select(l => l.DesignationId!.Value).ToList();
        var designations = await db.Set<Designation>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct);
        Designated = d.Lines.Where(l => l.DesignationId != null)
            .Select(l => (f.Notice.Entries.Single(e => e.Id == l.EntryId), designations.Single(x => x.Id == l.DesignationId)))
            .OrderBy(x => x.Item1.Order).ToList();
        return Page();
    }
}
