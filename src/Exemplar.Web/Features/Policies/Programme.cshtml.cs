using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Policies;

public sealed class ProgrammeModel(PolicyCatalogue catalogue) : PageModel
{
    public CataloguedPolicy Entry { get; private set; } = null!;

    public IReadOnlyList<RequirementRow> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var entry = await catalogue.FindAsync(id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        Entry = entry;
        Rows = PolicyText.Rows(entry.Policy);
        Today = catalogue.Today;
        return Page();
    }
}
