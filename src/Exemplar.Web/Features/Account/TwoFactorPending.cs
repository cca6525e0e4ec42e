using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Exemplar.Web.Features.Account;

/// <summary>
/// Between a correct password and the second factor: a short-lived cookie of its own scheme (10 minutes, path /Account)
/// that names the user but signs nobody in — no page other than the two-factor ones accepts it.
/// </summary>
public static class TwoFactorPending
{
    public const string Scheme = "Exemplar.TwoFactor";
    private const string ReturnUrlItem = "returnUrl";

    public static Task BeginAsync(HttpContext http, UserAccount user, string? returnUrl)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim("exemplar:username", user.UserName)], Scheme);
        var properties = new AuthenticationProperties { IsPersistent = false };
        if (!string.IsNullOrEmpty(returnUrl)) properties.Items[ReturnUrlItem] = returnUrl;
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity), properties);
    }

    public static async Task<(Guid UserId, string? ReturnUrl)?> ReadAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        if (!result.Succeeded || !Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return null;
        return (id, result.Properties?.Items.TryGetValue(ReturnUrlItem, out var r) == true ? r : null);
    }

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(Scheme);
}
