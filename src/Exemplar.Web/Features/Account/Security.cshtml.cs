using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Account;

/// <summary>账户安全: the user's own sessions (sign out the others) and two-factor sign-in (enrol, new recovery codes).</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[Microsoft.AspNetCore.Authorization.Authorize(Policy = AuthPolicies.SignedIn)]
public sealed class SecurityModel(ExemplarDbContext db, UserSessions sessions, TwoFactorHandler twoFactor) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";

    public UserAccount Account { get; private set; } = null!;
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public bool Required => TwoFactorService.IsRequiredFor(Account.Role);
    public Guid? CurrentSession => User.SessionId();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSignOutOthersAsync(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        var n = await sessions.MarkRevokedAsync(userId, "本人退出其他设备", except: User.SessionId(), ct: ct);
        db.Actor.Operation = "账户.退出其他设备";
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = n == 0 ? "没有其他设备上的登录。" : $"已退出其他 {n} 处登录。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct)
    {
        var (error, codes) = await twoFactor.RegenerateCodesAsync(User.UserId()!.Value, Code, ct);
        if (error is not null) ModelState.AddModelError(nameof(Code), error);
        NewRecoveryCodes = codes;
        Code = "";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var error = await twoFactor.DisableAsync(User.UserId()!.Value, Code, ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Code), error);
            Code = "";
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = "已关闭两步验证。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        Account = await db.Set<UserAccount>().AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        Sessions = await sessions.LiveAsync(userId, ct);
        RecoveryCodesLeft = await db.Set<RecoveryCode>().CountAsync(r => r.UserId == userId && r.UsedAt == null, ct);
    }

    public static string Browser(string? userAgent) => userAgent switch
    {
        null or "" => "未知浏览器",
        var ua when ua.Contains("Edg/", StringComparison.Ordinal) => "Edge",
        var ua when ua.Contains("Chrome/", StringComparison.Ordinal) => "Chrome / Chromium",
        var ua when ua.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
        var ua when ua.Contains("Safari/", StringComparison.Ordinal) => "Safari",
        _ => "其他浏览器",
    };
}
