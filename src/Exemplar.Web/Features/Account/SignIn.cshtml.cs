using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Account;

[EnableRateLimiting(SecuritySetup.SignInRateLimit)]
public sealed class SignInModel(SignInService signIn, TwoFactorService twoFactor, UserSessions sessions) : PageModel
{
    [BindProperty] public string UserName { get; set; } = string.Empty;
    [BindProperty] public string Password { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName)) ModelState.AddModelError(nameof(UserName), "请填写用户名。");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "请填写密码。");
        if (!ModelState.IsValid) return Page();

        var result = await signIn.CheckAsync(HttpContext, UserName, Password, ct);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message);
            Password = string.Empty;
            return Page();
        }
        var user = result.User!;
        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        switch (twoFactor.StepAfterPassword(user))
        {
            case TwoFactorStep.Verify:
                await TwoFactorPending.BeginAsync(HttpContext, user, next);
                return Redirect("/Account/TwoFactor");
            case TwoFactorStep.Enrol:
                await TwoFactorPending.BeginAsync(HttpContext, user, next);
                return Redirect("/Account/TwoFactor/Enrol");
            default:
                await sessions.SignInAsync(HttpContext, user, twoFactor: false, ct);
                return LocalRedirect(next ?? "/Workbench");
        }
    }
}
