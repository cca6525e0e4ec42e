using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Calls;

public sealed class IndexModel(CallQuery query, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Call> Calls { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool MayCreate => User.Role() == Role.DesignatingOfficer;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Calls = await query.ListAsync(User, ct);
    }
}
