using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Carriers;

[Authorize(Policy = AuthPolicies.Applicant)]
public sealed class CreateModel(SaveCarrierHandler handler, JurisdictionTreeCache trees) : PageModel, IFormPage
{
    [BindProperty] public CarrierForm Form { get; set; } = new();
    public JurisdictionTree Tree { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await trees.GetAsync(ct);
        Form.JurisdictionCode = User.JurisdictionCode() ?? "";
    }

    public async Task LoadFormAsync(CancellationToken ct) => Tree = await trees.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tree = await trees.GetAsync(ct);
        if (User.OrganizationId() is not { } org) return Forbid();
        var result = await handler.HandleAsync(Form.ToCommand(org, null), ct);
        if (!result.Ok)
        {
            foreach (var (k, ms) in result.Errors) foreach (var m in ms) ModelState.AddModelError(k, m);
            return Page();
        }
        TempData["Flash"] = "已新增基地（平台）。";
        return Redirect($"/Base/{result.Id}");
    }
}
