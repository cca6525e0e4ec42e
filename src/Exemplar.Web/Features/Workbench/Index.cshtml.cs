using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Workbench;

/// <summary>Each role's home page: one URL, the content of the signed-in role.</summary>
public sealed class IndexModel(ExemplarDbContext db, JurisdictionTreeCache trees) : PageModel
{
    public Role Role { get; private set; }
    public string JurisdictionName { get; private set; } = "";
    public Organization? Organization { get; private set; }
    public int OrganizationsInScope { get; private set; }
    public int ApplicantsInScope { get; private set; }
    public int PendingRegistrations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Role = User.Role()!.Value;
        var tree = await trees.GetAsync(ct);
        JurisdictionName = User.JurisdictionCode() is { } code ? tree.FullName(code) : "全部地区";
        if (User.OrganizationId() is { } orgId)
            Organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        var scope = JurisdictionScope.For(User, tree);
        var orgs = db.Set<Organization>().AsNoTracking();
        if (!scope.All) orgs = orgs.Where(o => scope.CoveredCodes.Contains(o.JurisdictionCode));
        OrganizationsInScope = await orgs.CountAsync(ct);
        ApplicantsInScope = await orgs.CountAsync(o => o.Kind == OrganizationKind.Applicant, ct);
        if (Role != Role.Applicant && Role != Role.Expert)
            PendingRegistrations = await orgs.CountAsync(o => o.Kind == OrganizationKind.Applicant && o.Status == OrganizationStatus.Pending, ct);
    }
}
