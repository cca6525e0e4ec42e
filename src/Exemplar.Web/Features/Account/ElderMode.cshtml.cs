using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Account;

/// <summary>长者模式 (适老化): larger text, higher contrast; a preference cookie, not account state.</summary>
public sealed class ElderModeModel : PageModel
{
    public void OnGet() { }

    public IActionResult OnPost()
    {
        var on = Request.Cookies["exemplar.elder"] != "1";
        Response.Cookies.Append("exemplar.elder", on ? "1" : "0",
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        var back = Request.Headers.Referer.ToString();
        return Uri.TryCreate(back, UriKind.Absolute, out var uri) && uri.Host == Request.Host.Host
            ? LocalRedirect(uri.PathAndQuery) : Redirect("/");
    }
}
