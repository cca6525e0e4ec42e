using Exemplar.Domain.Designations;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.ChangeFilings;

/// <summary>
/// 重大变更备案: a base sees its designated bases (with the rule and a link to file) and its filings; officers the filings
/// of their jurisdiction, the open ones first; administrators all.
/// </summary>
[Authorize(Roles = "Applicant,CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer,Administrator")]
public sealed class IndexModel(ExemplarDbContext db, CaseAccess access, TimeProvider clock) : PageModel
{
    public sealed record Row(ChangeFiling Filing, string BaseName, CaseParty Party);
    public sealed record Fileable(Guid DesignationId, string BaseName, string Title, ChangeFilingRule Rule);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Fileable> MayFile { get; private set; } = [];
    public bool IsBase => User.Role() == Role.Applicant;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var all = await (from f in db.Set<ChangeFiling>().AsNoTracking() join c in db.Set<Carrier>().AsNoTracking() on f.CarrierId equals c.Id
                         orderby f.FiledAt descending select new { f, c }).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var x in all)
        {
            var party = await access.PartyAsync(User, x.c, x.f.ProgrammeId, ct);
            if (party != CaseParty.None) rows.Add(new Row(x.f, x.c.Name, party));
        }
        Rows = [.. rows.OrderBy(r => r.Filing.IsOpen ? 0 : 1).ThenByDescending(r => r.Filing.FiledAt)];
        if (IsBase)
        {
            var org = User.OrganizationId();
            var mine = await (from d in db.Set<Designation>().AsNoTracking() join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                              where c.OrganizationId == org orderby c.Name select new { d, c }).ToListAsync(ct);
            MayFile = [.. mine.Where(x => DesignationStatuses.On(today, x.d.ValidUntil, x.d.RevokedOn) == DesignationStatus.Valid)
                .Select(x => (x, policy: access.PolicyOf(x.d)))
                .Where(x => x.policy?.Management.ChangeFiling is not null)
                .Select(x => new Fileable(x.x.d.Id, x.x.c.Name, DesignationTitle.Of(x.policy!.Title), x.policy.Management.ChangeFiling!))];
        }
    }
}
