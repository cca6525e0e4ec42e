using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews.Experts;

/// <summary>The expert pool of the officer's region (all regions for administrators).</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
public sealed class IndexModel(ExemplarDbContext db, JurisdictionTreeCache trees) : PageModel
{
    public IReadOnlyList<Expert> Experts { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Accounts { get; private set; } = new Dictionary<Guid, string>();
    public JurisdictionTree Tree { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await trees.GetAsync(ct);
        var scope = JurisdictionScope.For(User, Tree);
        var q = db.Set<Expert>().AsNoTracking();
        if (!scope.All)
        {
            var codes = scope.CoveredCodes.ToList();
            q = q.Where(e => codes.Contains(e.RegionCode));
        }
        Experts = await q.OrderByDescending(e => e.IsActive).ThenBy(e => e.RegionCode).ThenBy(e => e.Name).ToListAsync(ct);
        var ids = Experts.Where(e => e.UserId != null).Select(e => e.UserId!.Value).ToList();
        Accounts = await db.Set<UserAccount>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
    }
}
