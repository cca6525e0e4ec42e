using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Policies;

/// <summary>The programmes side by side; <c>?p=id&amp;p=id</c> chooses which (none or unknown ids: all).</summary>
public sealed class CompareModel(PolicyCatalogue catalogue) : PageModel
{
    /// <summary>Every programme, for the choice.</summary>
    public IReadOnlyList<CataloguedPolicy> All { get; private set; } = [];

    /// <summary>The programmes shown.</summary>
    public IReadOnlyList<CataloguedPolicy> Policies { get; private set; } = [];

    public IReadOnlyList<ComparisonGroup> Groups { get; private set; } = [];

    public IReadOnlyList<ComparisonGroup> RuleGroups { get; private set; } = [];

    public IReadOnlyList<IReadOnlyList<string>> ReviewItems { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "p")]
    public string[] Selected { get; set; } = [];

    public bool IsSelected(string id) => Policies.Any(p => p.Id == id);

    public async Task OnGetAsync(CancellationToken ct)
    {
        All = await catalogue.GetAsync(ct);
        var chosen = All.Where(p => Selected.Contains(p.Id, StringComparer.Ordinal)).ToList();
        Policies = chosen.Count == 0 ? All : chosen;
        var versions = Policies.Select(p => p.Policy).ToList();
        Groups = PolicyComparison.Build(versions);
        RuleGroups = PolicyRuleComparison.Build(versions);
        ReviewItems = PolicyComparison.ReviewItems(versions);
    }
}
