using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Policies.Admin;

/// <summary>Programme versions: file hash, lint findings, and the dates the texts do not state (administrators only, via the /Admin folder).</summary>
public sealed class IndexModel(PolicyCatalogue catalogue, SetPolicyEffectiveDateHandler setDate, IAuditActor actor) : PageModel, IFormPage
{
    public IReadOnlyList<CataloguedPolicy> Policies { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty] public string PolicyId { get; set; } = "";

    [BindProperty] [Display(Name = "施行日期")] public DateOnly? EffectiveFrom { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var errors = await setDate.HandleAsync(new SetPolicyEffectiveDateCommand(PolicyId, EffectiveFrom, actor.Name), ct);
            if (errors.Count == 0)
            {
                var p = await catalogue.FindAsync(PolicyId, ct);
                TempData["Flash"] = $"已将《{p!.Policy.Title}》的施行日期设为 {PolicyText.Date(EffectiveFrom)}。";
                return RedirectToPage();
            }

            foreach (var e in errors)
            {
                ModelState.AddModelError(string.Empty, e);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public Task LoadFormAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Policies = await catalogue.GetAsync(ct);
        Today = catalogue.Today;
    }
}
