using Exemplar.Web.Features.Notices;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Decisions;

/// <summary>The minutes of a collective decision, for the authority.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[NoticeScope(NoticeScopeKind.Notice)]
public sealed class MinutesModel(ExemplarDbContext db, FileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid noticeId, CancellationToken ct)
    {
        var fileId = await db.Set<DesignationDecision>().AsNoTracking().Where(d => d.NoticeId == noticeId).Select(d => d.MinutesFileId).FirstOrDefaultAsync(ct);
        if (fileId is null) return NotFound();
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        return file is null ? NotFound() : await store.DownloadAsync(file, ct);
    }
}
