using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Account;

public sealed record ChangePasswordCommand(Guid UserId, string CurrentPassword, string NewPassword, string ConfirmPassword, Guid? CurrentSessionId = null);

/// <summary>Changes the password and ends every other session of the account in the same save.</summary>
public sealed class ChangePasswordHandler(ExemplarDbContext db, IPasswordHasher<UserAccount> hasher, UserSessions sessions, TimeProvider clock)
{
    public async Task<(List<string> Errors, UserAccount? User)> HandleAsync(ChangePasswordCommand c, CancellationToken ct)
    {
        var user = await db.Set<UserAccount>().FirstOrDefaultAsync(u => u.Id == c.UserId, ct);
        if (user is null) return (["账户不存在。"], null);
        var errors = new List<string>();
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, c.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
            errors.Add("当前密码不正确。");
        errors.AddRange(PasswordRules.Check(c.NewPassword, user.UserName));
        if (c.NewPassword == c.CurrentPassword) errors.Add("新密码不能与当前密码相同。");
        if (c.NewPassword != c.ConfirmPassword) errors.Add("两次输入的新密码不一致。");
        if (errors.Count > 0) return (errors, null);

        db.Actor.Operation = "账户.修改密码";
        user.PasswordHash = hasher.HashPassword(user, c.NewPassword);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.PasswordChangedAt = clock.GetUtcNow();
        await sessions.MarkRevokedAsync(user.Id, "修改密码", except: c.CurrentSessionId, ct: ct);
        await db.SaveChangesAsync(ct);
        return (errors, user);
    }
}
