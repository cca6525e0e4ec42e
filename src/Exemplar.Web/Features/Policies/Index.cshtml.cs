using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Policies;

public sealed class IndexModel(PolicyCatalogue catalogue) : PageModel
{
    public IReadOnlyList<CataloguedPolicy> Policies { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = catalogue.Today;
        Policies = await catalogue.GetAsync(ct);
    }
}
