using System.Security.Claims;
using System.Text.RegularExpressions;
using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews.Experts;

/// <summary>What a person types for an expert (form or import row).</summary>
public sealed record ExpertInput(string? Name, IReadOnlyList<string> Specialties, string? EmployerName, string? EmployerUscc, string? RegionCode,
    string? Mobile, string? Email, bool IsActive, string? AccountUserName);

/// <summary>
/// Who maintains which experts: administrators all; a designating officer those of his region (its subtree).
/// </summary>
public static partial class ExpertScope
{
    public static bool MayMaintain(ClaimsPrincipal user) => user.Role() is Role.Administrator or Role.DesignatingOfficer;

    public static bool Covers(ClaimsPrincipal user, JurisdictionTree tree, string regionCode) => JurisdictionScope.For(user, tree).Covers(regionCode);

    /// <summary>Checks the input; field names are the form's. <paramref name="field"/> maps a property name to the form's field (or the import's column).</summary>
    public static void Check(ExpertInput x, Problems p, JurisdictionTree tree, ClaimsPrincipal user, Func<string, string> field)
    {
        p.Required(field("Name"), x.Name, "姓名");
        p.MaxLength(field("Name"), x.Name?.Trim(), ExpertLimits.Name, "姓名");
        if (x.Specialties.Count == 0) p.Add(field("Specialties"), "请至少选择一个专业领域。");
        foreach (var s in x.Specialties.Where(s => !ExpertSpecialties.All.Contains(s)))
            p.Add(field("Specialties"), $"专业领域“{Short(s)}”不在列表中（可选：{string.Join("、", ExpertSpecialties.All)}）。");
        p.Required(field("EmployerName"), x.EmployerName, "工作单位");
        p.MaxLength(field("EmployerName"), x.EmployerName?.Trim(), ExpertLimits.Employer, "工作单位");
        if (string.IsNullOrWhiteSpace(x.EmployerUscc)) p.Add(field("EmployerUscc"), "请填写工作单位的统一社会信用代码。");
        else if (!UnifiedSocialCreditCode.TryParse(x.EmployerUscc, out _, out var error)) p.Add(field("EmployerUscc"), $"工作单位的统一社会信用代码有误：{error}");
        if (string.IsNullOrWhiteSpace(x.RegionCode)) p.Add(field("RegionCode"), "请选择所在地区。");
        else if (tree.Find(x.RegionCode.Trim()) is null) p.Add(field("RegionCode"), $"所在地区代码“{Short(x.RegionCode)}”不存在。");
        else if (!Covers(user, tree, x.RegionCode.Trim())) p.Add(field("RegionCode"), "只能维护本地区的专家。");
        if (string.IsNullOrWhiteSpace(x.Mobile)) p.Add(field("Mobile"), "请填写手机号码。");
        else if (!MobilePattern().IsMatch(x.Mobile.Trim())) p.Add(field("Mobile"), "手机号码应为1开头的11位数字。");
        p.MaxLength(field("Email"), x.Email?.Trim(), ExpertLimits.Email, "电子邮箱");
        if (!string.IsNullOrWhiteSpace(x.Email) && !EmailPattern().IsMatch(x.Email.Trim())) p.Add(field("Email"), "电子邮箱格式不正确。");
        p.MaxLength(field("AccountUserName"), x.AccountUserName?.Trim(), 50, "专家账户");
    }

    private static string Short(string s) => s.Length > 20 ? s[..20] + "…" : s;

    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

public sealed record SaveExpertCommand(Guid? Id, uint? Version, ExpertInput Input, ClaimsPrincipal User);

/// <summary>Adds or changes an expert of the pool (administrators; designating officers in their region).</summary>
public sealed class SaveExpertHandler(ExemplarDbContext db, JurisdictionTreeCache trees, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveExpertCommand c, CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        Expert? expert = null;
        if (c.Id is { } id)
        {
            expert = await db.Set<Expert>().FirstOrDefaultAsync(e => e.Id == id, ct);
            if (expert is null || !ExpertScope.Covers(c.User, tree, expert.RegionCode)) return SaveResult.NotFound;
        }
        var p = new Problems();
        var x = c.Input;
        ExpertScope.Check(x, p, tree, c.User, f => f);
        var userId = await LinkedAccountAsync(db, x.AccountUserName, expert?.Id, p, "AccountUserName", ct);
        if (!p.Any && await db.Set<Expert>().AnyAsync(e => e.Id != c.Id && e.Name == x.Name!.Trim() && e.Mobile == x.Mobile!.Trim(), ct))
            p.Add("Name", "专家库中已有同名且手机号码相同的专家。");
        if (p.Any) return p.Result();
        if (expert is null)
        {
            expert = new Expert { Name = "", EmployerName = "", EmployerUscc = "", RegionCode = "", Mobile = "", CreatedAt = clock.GetUtcNow() };
            db.Add(expert);
        }
        else if (c.Version is { } v) db.Entry(expert).Property(e => e.Version).OriginalValue = v;
        Apply(expert, x, userId);
        db.Actor.Operation = c.Id is null ? "专家库.新增" : "专家库.修改";
        return await Problems.SaveAsync(db, expert.Id, ct);
    }

    public static void Apply(Expert e, ExpertInput x, Guid? userId)
    {
        e.Name = x.Name!.Trim();
        e.Specialties = [.. x.Specialties.Distinct()];
        e.EmployerName = x.EmployerName!.Trim();
        e.EmployerUscc = UnifiedSocialCreditCode.Parse(x.EmployerUscc).Value;
        e.RegionCode = x.RegionCode!.Trim();
        e.Mobile = x.Mobile!.Trim();
        e.Email = string.IsNullOrWhiteSpace(x.Email) ? null : x.Email.Trim();
        e.IsActive = x.IsActive;
        e.UserId = userId;
    }

    /// <summary>The expert account named by its user name, if one is given: it must exist, be an expert account and be linked to nobody else.</summary>
    public static async Task<Guid?> LinkedAccountAsync(ExemplarDbContext db, string? userName, Guid? expertId, Problems p, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName)) return null;
        var name = userName.Trim().ToLowerInvariant();
        var account = await db.Set<UserAccount>().AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, ct);
        if (account is null || account.Role != Role.Expert) { p.Add(field, $"专家账户“{(name.Length > 20 ? name[..20] + "…" : name)}”不存在或不是评审专家账户。"); return null; }
        if (await db.Set<Expert>().AnyAsync(e => e.UserId == account.Id && e.Id != expertId, ct)) { p.Add(field, $"专家账户“{name}”已关联其他专家。"); return null; }
        return account.Id;
    }
}
