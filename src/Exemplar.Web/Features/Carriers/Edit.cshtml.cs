using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Carriers;

public sealed class EditModel(SaveCarrierHandler handler, JurisdictionTreeCache trees) : CarrierPageModel, IFormPage
{
    [BindProperty] public CarrierForm Form { get; set; } = new();
    public JurisdictionTree Tree { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanWrite) return Forbid();
        Tree = await trees.GetAsync(ct);
        Form = CarrierForm.From(Carrier);
        return Page();
    }

    public async Task LoadFormAsync(CancellationToken ct) => Tree = await trees.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tree = await trees.GetAsync(ct);
        var result = await handler.HandleAsync(Form.ToCommand(Carrier.OrganizationId, Carrier.Id), ct);
        if (!result.Ok) { AddErrors(result.Errors); return Page(); }
        TempData["Flash"] = "已保存。";
        return Redirect(BaseUrl);
    }
}
