using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>An objection's evidence file, for the authority only (it may name the filer, so the base never gets it).</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[NoticeScope(NoticeScopeKind.Objection)]
public sealed class EvidenceModel(ExemplarDbContext db, FileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var owned = await db.Set<ObjectionEvidence>().AsNoTracking().AnyAsync(e => e.ObjectionId == id && e.FileId == fileId, ct);
        if (!owned) return NotFound();
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        return file is null ? NotFound() : await store.DownloadAsync(file, ct);
    }
}
