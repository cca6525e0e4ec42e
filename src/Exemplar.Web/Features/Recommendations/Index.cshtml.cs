using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Recommendations;

/// <summary>推荐（初审）: the recommending officer's queue, or the designating authority's list of what was recommended to it.</summary>
[Authorize(Roles = Roles)]
public sealed class IndexModel(RecommendationListQuery query) : PageModel
{
    public const string Roles = "CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer";
    public IReadOnlyList<RecommendationRow> Rows { get; private set; } = [];
    public bool Designating => User.Role() == Role.DesignatingOfficer;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await query.ListAsync(User, ct);
}
