using Exemplar.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Jurisdictions.Admin;

public sealed class IndexModel(JurisdictionTreeCache trees, AddJurisdictionHandler add) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string ParentCode { get; set; } = "";
    [BindProperty] public JurisdictionKind Kind { get; set; } = JurisdictionKind.DevelopmentZone;

    public JurisdictionTree Tree { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Tree = await trees.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = await add.HandleAsync(new AddJurisdictionCommand(Code, Name, ParentCode, Kind), ct);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
            Tree = await trees.GetAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"已新增“{Name.Trim()}”（{Code.Trim().ToUpperInvariant()}）。";
        return RedirectToPage();
    }
}
