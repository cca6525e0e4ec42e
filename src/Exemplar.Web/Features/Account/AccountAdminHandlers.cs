using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Account;

public sealed record CreateAccountCommand(string UserName, string DisplayName, Role Role, string? JurisdictionCode,
    Guid? OrganizationId, string? Phone, string Password);

public sealed record AccountStateCommand(Guid UserId, uint Version, AccountAction Action, string? NewPassword = null);

public enum AccountAction { Disable, Enable, ClearSignInDelays, ResetPassword, SignOutEverywhere, ResetTwoFactor }

/// <summary>
/// Administrators open officer, expert and administrator accounts and look after existing ones. Disabling, resetting the
/// password or the second factor and "sign out everywhere" end every session of the account in the same save; each
/// action is audited under its own operation.
/// </summary>
public sealed class AccountAdminHandler(ExemplarDbContext db, IPasswordHasher<UserAccount> hasher, JurisdictionTreeCache trees,
    UserSessions sessions, SignInThrottle throttle, TimeProvider clock)
{
    public async Task<List<string>> CreateAsync(CreateAccountCommand c, CancellationToken ct)
    {
        var errors = new List<string>();
        var userName = (c.UserName ?? "").Trim().ToLowerInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(userName, @"^[a-z][a-z0-9._]{3,31}$"))
            errors.Add("用户名应为4至32位的英文字母、数字、点或下划线，并以字母开头。");
        if (string.IsNullOrWhiteSpace(c.DisplayName) || c.DisplayName.Trim().Length > 100) errors.Add("请填写姓名（不超过100字）。");
        if (!Enum.IsDefined(c.Role)) errors.Add("请选择角色。");
        var tree = await trees.GetAsync(ct);
        var jurisdiction = tree.Find(c.JurisdictionCode);
        if (c.Role != Role.Administrator && jurisdiction is null) errors.Add("请选择管辖区划。");
        if (jurisdiction is not null && !RoleFits(c.Role, jurisdiction.Kind))
            errors.Add($"{RoleNames.Label(c.Role)}不能设在{Jurisdiction.KindLabel(jurisdiction.Kind)}区划“{jurisdiction.Name}”。");
        if (c.OrganizationId is { } orgId)
        {
            var org = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null) errors.Add("所选单位不存在。");
            else if (c.Role == Role.Applicant && org.Kind != OrganizationKind.Applicant) errors.Add("申报单位用户须属于申报单位。");
            else if (jurisdiction is not null && org.JurisdictionCode != jurisdiction.Code && c.Role != Role.Expert)
                errors.Add("所选单位不在所选区划。");
        }
        else if (c.Role == Role.Applicant) errors.Add("申报单位用户须选择所属单位。");
        errors.AddRange(PasswordRules.Check(c.Password, userName));
        if (errors.Count == 0 && await db.Set<UserAccount>().AnyAsync(u => u.UserName == userName, ct))
            errors.Add("该用户名已被使用。");
        if (errors.Count > 0) return errors;

        var now = clock.GetUtcNow();
        var user = new UserAccount
        {
            UserName = userName, DisplayName = c.DisplayName.Trim(), Role = c.Role,
            JurisdictionCode = c.Role == Role.Administrator ? null : jurisdiction!.Code,
            OrganizationId = c.OrganizationId, Phone = c.Phone?.Trim(), CreatedAt = now, PasswordChangedAt = now,
        };
        user.PasswordHash = hasher.HashPassword(user, c.Password);
        db.Actor.Operation = "账户.开设";
        db.Add(user);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return ["该用户名刚刚已被使用。"]; }
        return errors;
    }

    public async Task<List<string>> ChangeStateAsync(AccountStateCommand c, Guid actingAdminId, CancellationToken ct)
    {
        var user = await db.Set<UserAccount>().FirstOrDefaultAsync(u => u.Id == c.UserId, ct);
        if (user is null) return ["账户不存在。"];
        if (user.Version != c.Version) return ["该账户刚被其他管理员修改，请刷新后重试。"];
        if (user.Id == actingAdminId && c.Action == AccountAction.Disable) return ["不能停用自己的账户。"];
        if (user.Id == actingAdminId && c.Action is AccountAction.ResetTwoFactor or AccountAction.SignOutEverywhere)
            return ["不能对自己的账户执行此操作，请在“账户安全”中处理。"];
        // Every action also touches the account row, so two administrators acting on one account are told.
        Infrastructure.Forms.FormVersion.Guard(db, user, c.Version);
        switch (c.Action)
        {
            case AccountAction.Disable:
                db.Actor.Operation = "账户.停用";
                user.IsActive = false;
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                await sessions.MarkRevokedAsync(user.Id, "账户停用", ct: ct);
                break;
            case AccountAction.Enable:
                db.Actor.Operation = "账户.启用";
                user.IsActive = true;
                break;
            case AccountAction.ClearSignInDelays:
                db.Actor.Operation = "账户.解除登录限制";
                await throttle.ClearAccountAsync(user.UserName, ct);
                db.Add(new Infrastructure.Auditing.AuditEntry
                {
                    OccurredAt = clock.GetUtcNow(), ActorId = db.Actor.UserId, ActorName = db.Actor.Name, Operation = "账户.解除登录限制", Action = "Cleared",
                    EntityType = nameof(UserAccount), EntityId = user.Id.ToString(), JurisdictionCode = user.JurisdictionCode,
                    After = $"{{\"UserName\":\"{user.UserName}\"}}", IpAddress = db.Actor.IpAddress,
                });
                break;
            case AccountAction.ResetPassword:
                var errors = PasswordRules.Check(c.NewPassword, user.UserName);
                if (errors.Count > 0) return [.. errors];
                db.Actor.Operation = "账户.重置密码";
                user.PasswordHash = hasher.HashPassword(user, c.NewPassword!);
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                user.PasswordChangedAt = clock.GetUtcNow();
                await sessions.MarkRevokedAsync(user.Id, "管理员重置密码", ct: ct);
                break;
            case AccountAction.SignOutEverywhere:
                db.Actor.Operation = "账户.强制下线";
                await sessions.MarkRevokedAsync(user.Id, "管理员强制下线", ct: ct);
                break;
            case AccountAction.ResetTwoFactor:
                if (!user.HasTwoFactor) return ["该账户尚未启用两步验证。"];
                db.Actor.Operation = "账户.重置两步验证";
                await TwoFactorHandler.ClearAsync(db, user, ct);
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                await sessions.MarkRevokedAsync(user.Id, "管理员重置两步验证", ct: ct);
                db.Add(new Notifications.Notification
                {
                    UserId = user.Id, CreatedAt = clock.GetUtcNow(), Title = "您的两步验证已被管理员重置",
                    Body = "系统管理员已重置您账户的两步验证，原验证器和恢复码均已失效。下次登录时请重新绑定验证器。如非您本人申请，请立即联系管理员。",
                });
                break;
            default:
                return ["未知的操作。"];
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ["该账户刚被其他管理员修改，请刷新后重试。"]; }
        return [];
    }

    private static bool RoleFits(Role role, JurisdictionKind kind) => role switch
    {
        Role.CountyOfficer => kind == JurisdictionKind.County,
        Role.PrefectureOfficer => kind == JurisdictionKind.Prefecture,
        Role.ZoneOfficer => kind == JurisdictionKind.DevelopmentZone,
        Role.DesignatingOfficer => kind is JurisdictionKind.Province or JurisdictionKind.Prefecture,
        _ => true,
    };
}
