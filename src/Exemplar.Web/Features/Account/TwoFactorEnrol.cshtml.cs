using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Account;

/// <summary>
/// Binding an authenticator app: after the password when the role requires a second factor (nothing else is open
/// until then), or from "账户安全" by choice. The recovery codes are shown once, in the POST response itself.
/// </summary>
[EnableRateLimiting(SecuritySetup.SignInRateLimit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TwoFactorEnrolModel(ExemplarDbContext db, TwoFactorService twoFactor, TwoFactorHandler handler, UserSessions sessions) : PageModel
{
    [BindProperty] public string EnrolmentToken { get; set; } = "";
    [BindProperty] public string Code { get; set; } = "";

    public string UserName { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public string ManualKey { get; private set; } = "";
    public bool Forced { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string ContinueUrl { get; private set; } = "/Workbench";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await WhoAsync(ct) is not { } who) return Redirect("/Account/SignIn");
        if (who.User.HasTwoFactor) return Redirect("/Account/Security");
        Show(who.User, TwoFactorService.NewSecret());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await WhoAsync(ct) is not { } who) return Redirect("/Account/SignIn");
        var (error, codes) = await handler.EnrolAsync(new TwoFactorEnrolCommand(who.User.Id, EnrolmentToken, Code), ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Code), error);
            Show(who.User, twoFactor.UnprotectEnrolment(EnrolmentToken, who.User.Id) ?? TwoFactorService.NewSecret());
            Code = "";
            return Page();
        }
        RecoveryCodes = codes;
        if (who.Pending is { } pending)
        {
            await TwoFactorPending.EndAsync(HttpContext);
            await sessions.SignInAsync(HttpContext, who.User, twoFactor: true, ct);
            ContinueUrl = Url.IsLocalUrl(pending.ReturnUrl) ? pending.ReturnUrl! : "/Workbench";
        }
        else ContinueUrl = "/Account/Security";
        return Page();
    }

    private sealed record Who(UserAccount User, (Guid UserId, string? ReturnUrl)? Pending);

    /// <summary>The signed-in user, or the one waiting after the password.</summary>
    private async Task<Who?> WhoAsync(CancellationToken ct)
    {
        var pending = User.Identity?.IsAuthenticated == true ? null : await TwoFactorPending.ReadAsync(HttpContext);
        var id = User.UserId() ?? pending?.UserId;
        if (id is null) return null;
        var user = await db.Set<UserAccount>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.IsActive, ct);
        Forced = pending is not null;
        return user is null ? null : new Who(user, pending);
    }

    private void Show(UserAccount user, byte[] secret)
    {
        UserName = user.UserName;
        EnrolmentToken = twoFactor.ProtectForEnrolment(secret, user.Id);
        QrCode = TwoFactorService.QrDataUri(twoFactor.OtpAuthUri(secret, user.UserName));
        ManualKey = TwoFactorService.Grouped(secret);
    }
}
