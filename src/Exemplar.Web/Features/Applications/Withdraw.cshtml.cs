using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Applications;

[ApplicationScope(ApplicantOnly = true)]
public sealed class WithdrawModel(WithdrawApplicationHandler handler) : ApplicationPageModel
{
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public void OnGet() => Version = Application.Version;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Outcome(await handler.HandleAsync(new WithdrawApplicationCommand(Application.Id, OrganizationId, Version, Reason, Confirmed), ct), "已撤回申报。", BaseUrl);
}
