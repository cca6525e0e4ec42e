using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Revocations;

/// <summary>
/// 撤销称号: the designating authority's cases and the revocations the product proposes (to confirm, never applied by
/// themselves); a base its own cases; local officers those in their jurisdiction (read); administrators all.
/// </summary>
[Authorize(Roles = "Applicant,CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer,Administrator")]
public sealed class IndexModel(ExemplarDbContext db, CaseAccess access, SummaryRevocationProposals proposals, TimeProvider clock) : PageModel
{
    public sealed record Row(Revocation Revocation, string BaseName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<RevocationProposal> Proposals { get; private set; } = [];
    public bool IsAuthority => User.Role() == Role.DesignatingOfficer;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await (from r in db.Set<Revocation>().AsNoTracking() join c in db.Set<Carrier>().AsNoTracking() on r.CarrierId equals c.Id
                         orderby r.StartedAt descending select new { r, c }).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var x in all)
            if (await access.PartyAsync(User, x.c, x.r.ProgrammeId, ct) != CaseParty.None) rows.Add(new Row(x.r, x.c.Name));
        Rows = [.. rows.OrderBy(r => r.Revocation.IsOpen ? 0 : 1).ThenByDescending(r => r.Revocation.StartedAt)];
        if (IsAuthority) Proposals = await proposals.ForAsync(User, ChinaTime.Today(clock), ct);
    }
}
