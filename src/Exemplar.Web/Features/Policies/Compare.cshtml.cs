using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Policies;

public sealed class CompareModel(PolicyCatalogue catalogue) : PageModel
{
    public IReadOnlyList<CataloguedPolicy> Policies { get; private set; } = [];

    public IReadOnlyList<ComparisonGroup> Groups { get; private set; } = [];

    public IReadOnlyList<IReadOnlyList<string>> ReviewItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Policies = await catalogue.GetAsync(ct);
        var versions = Policies.Select(p => p.Policy).ToList();
        Groups = PolicyComparison.Build(versions);
        ReviewItems = PolicyComparison.ReviewItems(versions);
    }
}
