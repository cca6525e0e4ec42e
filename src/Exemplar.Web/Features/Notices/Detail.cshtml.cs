using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>One notice for anyone: the proposed bases, the period with weekdays, what the text says about it, how to object.</summary>
public sealed class DetailModel(ExemplarDbContext db, PolicySnapshots snapshots, NoticeDocument documents, TimeProvider clock) : PageModel
{
    /// <summary>下载公示（Word）: the notice as published, for anyone who may read it (everyone).</summary>
    public async Task<IActionResult> OnGetWordAsync(Guid id, CancellationToken ct) =>
        await documents.ForAsync(id, ct) is { } d ? File(d.Bytes, d.ContentType, d.FileName) : NotFound();

    public PublicNotice Notice { get; private set; } = null!;
    public NoticeTerm Term { get; private set; } = null!;
    public string PolicyTitle { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public bool Announced { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var n = await db.Set<PublicNotice>().AsNoTracking().Include(x => x.Entries).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return NotFound();
        Notice = n;
        n.Entries.Sort((a, b) => a.Order.CompareTo(b.Order));
        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == n.CallId, ct);
        var policy = await snapshots.LoadAsync(call.PolicyHash, ct) ?? throw new InvalidOperationException("政策版本未保存。");
        Term = NoticeTerm.Of(policy);
        PolicyTitle = policy.Title;
        Today = ChinaTime.Today(clock);
        Announced = await db.Set<DesignationDecision>().AsNoTracking().AnyAsync(d => d.NoticeId == id && d.AnnouncedOn != null, ct);
        return Page();
    }
}
