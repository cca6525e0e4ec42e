using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Account;

public sealed class SignOutModel(UserSessions sessions) : PageModel
{
    public void OnGet() { }

    /// <summary>Ends the session on the server too: a copy of the cookie no longer works.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sessions.SignOutAsync(HttpContext, ct);
        TempData["Flash"] = "您已安全退出。";
        return Redirect("/");
    }
}
