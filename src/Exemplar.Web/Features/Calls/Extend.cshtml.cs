using Exemplar.Web.Infrastructure.Forms;
using System.Security.Claims;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Calls;

[Authorize(Policy = AuthPolicies.Designating)]
[CallScope]
public sealed class ExtendModel(CallQuery query, ExtendCallHandler handler) : PageModel, IFormPage
{
    public Call Call { get; private set; } = null!;
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public DateOnly? ApplicationDeadline { get; set; }
    [BindProperty] public DateOnly? RecommendationDeadline { get; set; }
    [BindProperty] public string? Reason { get; set; }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await query.FindAsync(id, User, ct);
        if (d is null || !CallQuery.MayManage(User, d.Call)) return NotFound();
        Call = d.Call;
        return null;
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (RouteData.Values["id"] is string raw && Guid.TryParse(raw, out var id)) await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        (Version, ApplicationDeadline, RecommendationDeadline) = (Call.Version, Call.ApplicationDeadline, Call.RecommendationDeadline);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var result = await handler.HandleAsync(new ExtendCallCommand(id, Version, ApplicationDeadline, RecommendationDeadline, Reason,
            User.FindFirstValue(ClaimTypes.Name) ?? "?"), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = "已延期，延期理由已记录。";
        return Redirect($"/Calls/{id}");
    }
}
