using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Calls;

[Authorize(Policy = AuthPolicies.Designating)]
public sealed class CreateModel(CreateCallHandler handler, PolicyCatalogue catalogue, JurisdictionTreeCache trees, ProgrammeCallGate gate, TimeProvider clock) : PageModel
{
    [BindProperty] public string? ProgrammeId { get; set; }
    [BindProperty] public int Year { get; set; }
    [BindProperty] public ApplicationKind Kind { get; set; } = ApplicationKind.New;
    /// <summary>Programmes whose text has designated bases re-reviewed in their expiry year (聊城第十六条).</summary>
    public bool AnyReReview => Programmes.Any(p => HasReReview(p.Policy));
    public static bool HasReReview(CataloguedPolicy p) => p.Policy.Management.ReReview is { InExpiryYear: true };
    public IReadOnlyList<(CataloguedPolicy Policy, CallGateDecision Gate)> Programmes { get; private set; } = [];

    private async Task LoadAsync(CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var today = ChinaTime.Today(clock);
        Programmes = (await catalogue.GetAsync(ct)).Where(p => ProgrammePolicies.RegionOf(p.Policy, tree) == User.JurisdictionCode())
            .Select(p => (p, gate.Check(p.Id, today))).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = ChinaTime.Today(clock).Year;
        await LoadAsync(ct);
        ProgrammeId ??= Programmes.FirstOrDefault(p => p.Gate.AcceptsNewCall).Policy?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new CreateCallCommand(ProgrammeId, Year, User.JurisdictionCode() ?? "", User.UserId()!.Value, Kind), ct);
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = "已新建申报批次草稿。材料清单已按管理办法列出，请补充通知正文和日期后发布。";
        return Redirect($"/Calls/{result.Id}/Edit");
    }
}
