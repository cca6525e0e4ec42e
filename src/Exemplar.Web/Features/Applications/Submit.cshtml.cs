using System.Security.Claims;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Applications;

/// <summary>The last check before submission: what blocks it, what will be kept as a warning; then submit.</summary>
[ApplicationScope(ApplicantOnly = true)]
public sealed class SubmitModel(SubmissionCheck check, ApplicationProfile profiles, SubmitApplicationHandler handler) : ApplicationPageModel
{
    public SubmissionReport? Report { get; private set; }

    /// <summary>For a locked report: the facts that today's ledger gives otherwise (submission goes by the locked ones).</summary>
    public IReadOnlyList<DriftedFact>? Drift { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!Record.IsDraft) return;
        Report = await check.RunAsync(Record, ct);
        if (Record.Current.LockedJson is { } locked)
        {
            var (_, facts, _) = await profiles.BuildAsync(Record.Policy, Record.Call, Record.Carrier, Record.Current, ct, Report.Materials);
            Drift = LockedDrift.Of(locked, facts);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(new SubmitApplicationCommand(Application.Id, OrganizationId, User.UserId()!.Value,
            User.FindFirstValue(ClaimTypes.Name) ?? "?"), ct);
        if (outcome.Result.IsNotFound) return NotFound();
        if (!outcome.Result.Ok)
        {
            foreach (var m in outcome.Result.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("", m);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"已提交，受理编号 {outcome.ReceiptNumber}。";
        return Redirect($"{BaseUrl}/Receipt/{Application.CurrentVersion}");
    }
}
