using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Account;

[EnableRateLimiting(SecuritySetup.SignInRateLimit)]
public sealed class RegisterModel(RegisterOrganizationHandler handler, JurisdictionTreeCache trees, UserSessions sessions) : PageModel, IFormPage
{
    [BindProperty] public string OrganizationName { get; set; } = "";
    [BindProperty] public string Uscc { get; set; } = "";
    [BindProperty] public string JurisdictionCode { get; set; } = "";
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string ContactName { get; set; } = "";
    [BindProperty] public string ContactPhone { get; set; } = "";
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string ConfirmPassword { get; set; } = "";

    public JurisdictionTree Tree { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Tree = await trees.GetAsync(ct);

    public Task LoadFormAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tree = await trees.GetAsync(ct);
        var (errors, user) = await handler.HandleAsync(new RegisterOrganizationCommand(
            OrganizationName, Uscc, JurisdictionCode, Address, ContactName, ContactPhone, UserName, Password, ConfirmPassword), ct);
        if (user is null)
        {
            foreach (var (field, messages) in errors)
                foreach (var m in messages) ModelState.AddModelError(field, m);
            Password = ConfirmPassword = "";
            return Page();
        }
        await sessions.SignInAsync(HttpContext, user, twoFactor: false, ct);
        TempData["Flash"] = $"注册成功，欢迎您，{user.DisplayName}。本单位的注册须经所在地主管部门确认后方可申报；确认前可以先维护基地信息和服务台账。";
        return Redirect("/Workbench");
    }
}
