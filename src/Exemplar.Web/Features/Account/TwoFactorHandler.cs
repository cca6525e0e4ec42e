using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Account;

public sealed record TwoFactorSignInCommand(Guid UserId, string? Code);

public sealed record TwoFactorEnrolCommand(Guid UserId, string? EnrolmentToken, string? Code);

/// <summary>The second step of signing in, enrolment, and the user's own recovery codes; every change audited.</summary>
public sealed class TwoFactorHandler(ExemplarDbContext db, TwoFactorService twoFactor, SignInThrottle throttle, IOptions<SignInOptions> options, TimeProvider clock)
{
    public const string WrongCode = "验证码不正确或已过期，请查看验证器应用中的最新6位数字后重试。";

    /// <summary>A TOTP code or a recovery code for the user waiting after the password; the user when accepted.</summary>
    public async Task<(string? Error, UserAccount? User)> SignInAsync(TwoFactorSignInCommand c, CancellationToken ct)
    {
        var user = await db.Set<UserAccount>().FirstOrDefaultAsync(u => u.Id == c.UserId && u.IsActive, ct);
        if (user is null || !user.HasTwoFactor) return ("登录已失效，请重新输入用户名和密码。", null);
        var key = SignInThrottle.SecondFactorKey(user.Id);
        if (await throttle.BlockedUntilAsync([key], ct) is { } until)
            return ($"验证码错误次数过多，请于{Infrastructure.ChinaTime.Format(until)}后再试。", null);

        if (twoFactor.Verify(user, c.Code) is { } step)
        {
            user.TwoFactorLastStep = step;
            db.Actor.Operation = "账户.两步验证";
            await db.SaveChangesAsync(ct);
        }
        else if (TwoFactorService.LooksLikeRecoveryCode(c.Code) && await UseRecoveryCodeAsync(user, c.Code!, ct))
        {
        }
        else
        {
            await throttle.FailAsync([(key, options.Value.FreeFailuresPerSecondFactor)], ct);
            return (WrongCode, null);
        }
        await throttle.ResetAsync([key], ct);
        return (null, user);
    }

    private async Task<bool> UseRecoveryCodeAsync(UserAccount user, string code, CancellationToken ct)
    {
        var hash = TwoFactorService.HashRecoveryCode(code);
        var row = await db.Set<RecoveryCode>().FirstOrDefaultAsync(r => r.UserId == user.Id && r.CodeHash == hash && r.UsedAt == null, ct);
        if (row is null) return false;
        row.UsedAt = clock.GetUtcNow();
        var left = await db.Set<RecoveryCode>().CountAsync(r => r.UserId == user.Id && r.UsedAt == null, ct) - 1;
        db.Add(new Notification
        {
            UserId = user.Id, CreatedAt = clock.GetUtcNow(), Title = "已使用一个两步验证恢复码",
            Body = $"您的账户刚刚用恢复码登录，还剩 {left} 个未用的恢复码。如果不是您本人所为，请立即修改密码并联系系统管理员；恢复码不足时请在“账户安全”中重新生成。",
        });
        db.Actor.Operation = "账户.使用恢复码";
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // the same code used twice at once: only one wins
        }
    }

    /// <summary>Confirms enrolment with a first code; returns the recovery codes (shown once) or the error.</summary>
    public async Task<(string? Error, IReadOnlyList<string> Codes)> EnrolAsync(TwoFactorEnrolCommand c, CancellationToken ct)
    {
        var user = await db.Set<UserAccount>().FirstOrDefaultAsync(u => u.Id == c.UserId && u.IsActive, ct);
        if (user is null) return ("账户不存在或已停用。", []);
        var secret = twoFactor.UnprotectEnrolment(c.EnrolmentToken, user.Id);
        if (secret is null) return ("本次绑定已超过15分钟，请重新扫描页面上的新二维码。", []);
        if (twoFactor.Verify(secret, c.Code, null) is not { } step) return (WrongCode, []);
        user.TwoFactorSecret = twoFactor.Protect(secret);
        user.TwoFactorEnabledAt = clock.GetUtcNow();
        user.TwoFactorLastStep = step;
        var codes = await ReplaceRecoveryCodesAsync(user.Id, ct);
        db.Actor.Operation = "账户.启用两步验证";
        await db.SaveChangesAsync(ct);
        return (null, codes);
    }

    /// <summary>New recovery codes (the old ones stop working), confirmed with a current code.</summary>
    public async Task<(string? Error, IReadOnlyList<string> Codes)> RegenerateCodesAsync(Guid userId, string? code, CancellationToken ct)
    {
        var user = await db.Set<UserAccount>().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !user.HasTwoFactor) return ("尚未启用两步验证。", []);
        if (twoFactor.Verify(user, code) is not { } step) return (WrongCode, []);
        user.TwoFactorLastStep = step;
        var codes = await ReplaceRecoveryCodesAsync(user.Id, ct);
        db.Actor.Operation = "账户.重新生成恢复码";
        await db.SaveChangesAsync(ct);
        return (null, codes);
    }

    /// <summary>Only accounts that need no second factor may switch it off themselves (with a current code).</summary>
    public async Task<string?> DisableAsync(Guid userId, string? code, CancellationToken ct)
    {
        var user = await db.Set<UserAccount>().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !user.HasTwoFactor) return "尚未启用两步验证。";
        if (TwoFactorService.IsRequiredFor(user.Role)) return "主管部门、评审专家和管理员账户必须使用两步验证，不能关闭；更换手机请联系管理员重置。";
        if (twoFactor.Verify(user, code) is null) return WrongCode;
        await ClearAsync(db, user, ct);
        db.Actor.Operation = "账户.关闭两步验证";
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Removes the secret and the recovery codes (by the user, or an administrator's reset); the caller saves.</summary>
    public static async Task ClearAsync(ExemplarDbContext db, UserAccount user, CancellationToken ct)
    {
        user.TwoFactorSecret = null;
        user.TwoFactorEnabledAt = null;
        user.TwoFactorLastStep = null;
        db.RemoveRange(await db.Set<RecoveryCode>().Where(r => r.UserId == user.Id).ToListAsync(ct));
    }

    private async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(Guid userId, CancellationToken ct)
    {
        db.RemoveRange(await db.Set<RecoveryCode>().Where(r => r.UserId == userId).ToListAsync(ct));
        var codes = TwoFactorService.NewRecoveryCodes();
        var now = clock.GetUtcNow();
        foreach (var code in codes) db.Add(new RecoveryCode { UserId = userId, CodeHash = TwoFactorService.HashRecoveryCode(code), CreatedAt = now });
        return codes;
    }
}
