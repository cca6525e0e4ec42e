using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Exemplar.Web.Features.Organizations;

/// <summary>代码归属异议: the real organisation tells the authority that its code was registered by someone else. No account needed.</summary>
[EnableRateLimiting(SecuritySetup.SignInRateLimit)]
public sealed class ContestModel(RegistrationHandlers handlers) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Uscc { get; set; } = "";
    [BindProperty] public string ClaimantName { get; set; } = "";
    [BindProperty] public string ContactName { get; set; } = "";
    [BindProperty] public string ContactPhone { get; set; } = "";
    [BindProperty] public string Statement { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handlers.ContestAsync(new ContestRegistrationCommand(Uscc ?? "", ClaimantName ?? "", ContactName ?? "", ContactPhone ?? "", Statement ?? ""), ct);
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = "已收到您的异议。所在地主管部门将核对营业执照等材料，并通过您留下的电话联系您；异议成立的，原注册将被撤销，您可重新注册本单位。";
        return RedirectToPage();
    }
}
