using Exemplar.Web.Features.Notices;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Decisions;

/// <summary>书面告知 to an applicant not designated: the result, its reasons and the remedies; printable.</summary>
[Authorize(Roles = nameof(Role.Applicant) + "," + nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[NoticeScope(NoticeScopeKind.Outcome)]
public sealed class OutcomeModel(ExemplarDbContext db) : PageModel
{
    public WrittenOutcome Outcome { get; private set; } = null!;
    public DesignationDecision Decision { get; private set; } = null!;
    public PublicNotice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var w = await db.Set<WrittenOutcome>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return NotFound();
        if (User.Role() == Role.Applicant && w.OrganizationId != User.OrganizationId()) return NotFound();
        Outcome = w;
        Decision = await db.Set<DesignationDecision>().AsNoTracking().SingleAsync(d => d.Id == w.DecisionId, ct);
        Notice = await db.Set<PublicNotice>().AsNoTracking().SingleAsync(n => n.Id == Decision.NoticeId, ct);
        if (User.Role() != Role.Applicant && !NoticeAccess.MayRead(User, Notice.JurisdictionCode)) return NotFound();
        return Page();
    }
}
