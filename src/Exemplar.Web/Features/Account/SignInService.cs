using System.Security.Claims;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Account;

public enum SignInOutcome { Succeeded, Failed, LockedOut, Disabled }

public sealed record SignInResult(SignInOutcome Outcome, string Message, UserAccount? User = null);

/// <summary>Checks credentials with lockout after repeated failures; every counter change is audited.</summary>
public sealed class SignInService(
    ExemplarDbContext db,
    IPasswordHasher<UserAccount> hasher,
    IOptions<Infrastructure.Security.LockoutOptions> lockout,
    TimeProvider clock)
{
    private static readonly UserAccount Nobody = new() { UserName = "-", DisplayName = "-" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<SignInResult> CheckAsync(string userName, string password, CancellationToken ct)
    {
        var name = (userName ?? string.Empty).Trim().ToLowerInvariant();
        var user = await db.Set<UserAccount>().FirstOrDefaultAsync(u => u.UserName == name, ct);
        const string wrong = "用户名或密码错误。";
        if (user is null)
        {
            // Same work as a real check, so timing does not reveal which user names exist.
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password ?? "");
            return new(SignInOutcome.Failed, wrong);
        }
        var now = clock.GetUtcNow();
        if (!user.IsActive) return new(SignInOutcome.Disabled, "该账户已停用，请联系管理员。");
        if (user.LockoutEnd > now)
            return new(SignInOutcome.LockedOut, $"连续登录失败次数过多，账户已锁定，请于{Local(user.LockoutEnd.Value)}后再试。");

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            db.Actor.Operation = "账户.登录失败";
            user.AccessFailedCount++;
            var max = lockout.Value.MaxFailedAttempts;
            if (user.AccessFailedCount >= max)
            {
                user.LockoutEnd = now.AddMinutes(lockout.Value.Minutes);
                user.AccessFailedCount = 0;
                await db.SaveChangesAsync(ct);
                return new(SignInOutcome.LockedOut, $"连续{max}次登录失败，账户已锁定{lockout.Value.Minutes}分钟。");
            }
            await db.SaveChangesAsync(ct);
            return new(SignInOutcome.Failed, $"{wrong}再失败{max - user.AccessFailedCount}次账户将被锁定。");
        }

        db.Actor.Operation = "账户.登录";
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password!);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.LastSignInAt = now;
        await db.SaveChangesAsync(ct);
        return new(SignInOutcome.Succeeded, "登录成功。", user);
    }

    public static ClaimsPrincipal PrincipalFor(UserAccount user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new("exemplar:username", user.UserName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(ExemplarClaims.SecurityStamp, user.SecurityStamp),
        };
        if (user.JurisdictionCode is { } jurisdiction) claims.Add(new(ExemplarClaims.Jurisdiction, jurisdiction));
        if (user.OrganizationId is { } org) claims.Add(new(ExemplarClaims.Organization, org.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static Task SignInAsync(HttpContext http, UserAccount user) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(user),
            new AuthenticationProperties { IsPersistent = false });

    private static string Local(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, ChinaTime.Zone).ToString("yyyy年M月d日 HH:mm");
}
