using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Account;

public sealed record RegisterOrganizationCommand(
    string OrganizationName, string Uscc, string JurisdictionCode, string? Address,
    string ContactName, string ContactPhone, string UserName, string Password, string ConfirmPassword);

/// <summary>An applicant organisation registers itself and its first user, in one transaction.</summary>
public sealed class RegisterOrganizationHandler(
    ExemplarDbContext db, IPasswordHasher<UserAccount> hasher, JurisdictionTreeCache trees, RegistrationHandlers registrations, TimeProvider clock)
{
    /// <returns>Errors keyed by field (empty key = whole form); the new user when there are none.</returns>
    public async Task<(Dictionary<string, List<string>> Errors, UserAccount? User)> HandleAsync(RegisterOrganizationCommand c, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(message);

        var name = c.OrganizationName?.Trim() ?? "";
        if (name.Length is < 2 or > 200) Add(nameof(c.OrganizationName), "单位名称应为2至200个字。");
        if (!UnifiedSocialCreditCode.TryParse(c.Uscc, out var uscc, out var usccError)) Add(nameof(c.Uscc), usccError);
        var tree = await trees.GetAsync(ct);
        var jurisdiction = tree.Find(c.JurisdictionCode);
        if (jurisdiction is null || jurisdiction.Kind == JurisdictionKind.Province)
            Add(nameof(c.JurisdictionCode), "请选择所在的县（市、区）、地市或开发区。");
        if (string.IsNullOrWhiteSpace(c.ContactName)) Add(nameof(c.ContactName), "请填写联系人。");
        if (!IsPhone(c.ContactPhone)) Add(nameof(c.ContactPhone), "请填写有效的联系电话（手机或带区号的固定电话）。");
        var userName = (c.UserName ?? "").Trim().ToLowerInvariant();
        if (!IsUserName(userName)) Add(nameof(c.UserName), "用户名应为4至32位的英文字母、数字、点或下划线，并以字母开头。");
        foreach (var e in PasswordRules.Check(c.Password, userName)) Add(nameof(c.Password), e);
        if (c.Password != c.ConfirmPassword) Add(nameof(c.ConfirmPassword), "两次输入的密码不一致。");

        if (errors.Count == 0)
        {
            if (await db.Set<Organization>().AnyAsync(o => o.Uscc == uscc.Value && (o.Status == OrganizationStatus.Pending || o.Status == OrganizationStatus.Confirmed), ct))
                Add(nameof(c.Uscc), "该统一社会信用代码已注册。如需新增用户，请联系本单位已有账户或管理员；如果本单位从未注册过，可提出代码归属异议。");
            if (await db.Set<UserAccount>().AnyAsync(u => u.UserName == userName, ct))
                Add(nameof(c.UserName), "该用户名已被使用，请换一个。");
        }
        if (errors.Count > 0) return (errors, null);

        var now = clock.GetUtcNow();
        var org = new Organization
        {
            Name = name, Uscc = uscc.Value, Kind = OrganizationKind.Applicant, JurisdictionCode = jurisdiction!.Code,
            Address = c.Address?.Trim(), ContactName = c.ContactName.Trim(), ContactPhone = c.ContactPhone.Trim(), CreatedAt = now,
            Status = OrganizationStatus.Pending,
        };
        var user = new UserAccount
        {
            UserName = userName, DisplayName = c.ContactName.Trim(), Role = Role.Applicant, OrganizationId = org.Id,
            JurisdictionCode = jurisdiction.Code, Phone = c.ContactPhone.Trim(), CreatedAt = now, PasswordChangedAt = now,
        };
        user.PasswordHash = hasher.HashPassword(user, c.Password);
        db.Actor.Operation = "单位.注册";
        db.AddRange(org, user);
        await registrations.NotifyAuthorityAsync(org.JurisdictionCode, "新的申报单位注册待确认",
            $"“{org.Name}”（{org.Uscc}）已在线注册，请核对其营业执照后在“单位注册确认”中确认或说明理由不予确认。确认前该单位不能申报。", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent registration took the code or the name between the check and the insert.
            Add(string.Empty, "注册未完成：统一社会信用代码或用户名刚刚已被注册，请核对后重试。");
            return (errors, null);
        }
        return (errors, user);
    }

    public static bool IsPhone(string? s) =>
        s is not null && System.Text.RegularExpressions.Regex.IsMatch(s.Trim(), @"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$");

    private static bool IsUserName(string s) =>
        System.Text.RegularExpressions.Regex.IsMatch(s, @"^[a-z][a-z0-9._]{3,31}$");
}
