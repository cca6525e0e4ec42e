using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Account;

public sealed class ChangePasswordModel(ChangePasswordHandler handler) : PageModel
{
    [BindProperty] public string CurrentPassword { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    [BindProperty] public string ConfirmPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (errors, user) = await handler.HandleAsync(
            new ChangePasswordCommand(User.UserId()!.Value, CurrentPassword, NewPassword, ConfirmPassword, User.SessionId()), ct);
        if (user is null)
        {
            foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
            return Page();
        }
        // This session goes on; every other one ended in the same save as the new password.
        TempData["Flash"] = "密码已修改。其他设备上的登录已失效。";
        return Redirect("/Workbench");
    }
}
