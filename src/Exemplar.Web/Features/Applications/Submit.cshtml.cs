using System.Security.Claims;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Applications;

/// <summary>The last check before submission: what blocks it, what will be kept as a warning; then submit.</summary>
[ApplicationScope(ApplicantOnly = true)]
public sealed class SubmitModel(SubmissionCheck check, SubmitApplicationHandler handler) : ApplicationPageModel
{
    public SubmissionReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Record.IsDraft) Report = await check.RunAsync(Record, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(new SubmitApplicationCommand(Application.Id, OrganizationId, User.UserId()!.Value,
            User.FindFirstValue(ClaimTypes.Name) ?? "?"), ct);
        if (outcome.Result.IsNotFound) return NotFound();
        if (!outcome.Result.Ok)
        {
            foreach (var m in outcome.Result.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("", m);
            if (Record.IsDraft) Report = await check.RunAsync(Record, ct);
            return Page();
        }
        TempData["Flash"] = $"已提交，受理编号 {outcome.ReceiptNumber}。";
        return Redirect($"{BaseUrl}/Receipt/{Application.CurrentVersion}");
    }
}
