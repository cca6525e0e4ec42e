using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Account;

[EnableRateLimiting(SecuritySetup.SignInRateLimit)]
public sealed class SignInModel(SignInService signIn) : PageModel
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

        var result = await signIn.CheckAsync(UserName, Password, ct);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message);
            Password = string.Empty;
            return Page();
        }
        await SignInService.SignInAsync(HttpContext, result.User!);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Workbench");
    }
}
