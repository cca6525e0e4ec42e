using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Account;

/// <summary>The second step of signing in: the 6-digit code of the authenticator app, or a recovery code.</summary>
[EnableRateLimiting(SecuritySetup.SignInRateLimit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TwoFactorModel(TwoFactorHandler handler, UserSessions sessions) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync() =>
        await TwoFactorPending.ReadAsync(HttpContext) is null ? Redirect("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await TwoFactorPending.ReadAsync(HttpContext) is not { } pending)
        {
            TempData["Flash"] = "登录已超时，请重新输入用户名和密码。";
            return Redirect("/Account/SignIn");
        }
        if (string.IsNullOrWhiteSpace(Code)) { ModelState.AddModelError(nameof(Code), "请填写验证码。"); return Page(); }
        var (error, user) = await handler.SignInAsync(new TwoFactorSignInCommand(pending.UserId, Code), ct);
        if (user is null)
        {
            ModelState.AddModelError(nameof(Code), error!);
            Code = "";
            return Page();
        }
        await TwoFactorPending.EndAsync(HttpContext);
        await sessions.SignInAsync(HttpContext, user, twoFactor: true, ct);
        return LocalRedirect(Url.IsLocalUrl(pending.ReturnUrl) ? pending.ReturnUrl! : "/Workbench");
    }
}
