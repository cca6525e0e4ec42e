using System.Security.Claims;
using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Organizations;

public enum RegistrationDecision { Confirm, Reject }

public sealed record DecideRegistrationCommand(Guid OrganizationId, uint Version, RegistrationDecision Decision, string? Note);

public sealed record ContestRegistrationCommand(string Uscc, string ClaimantName, string ContactName, string ContactPhone, string Statement);

public sealed record DecideClaimCommand(Guid ClaimId, uint Version, bool Uphold, string? Note);

/// <summary>
/// Vouching for applicant organisations (issue 8 item 7): the local authority whose jurisdiction covers the organisation
/// (a county, prefecture, development-zone or designating officer) or an administrator confirms a registration or
/// declines it with a reason; anyone may contest a registered code, and upholding the contest revokes the registration
/// (its accounts disabled, its sessions ended, the code free again). Every decision is audited and told to those concerned.
/// </summary>
public sealed class RegistrationHandlers(ExemplarDbContext db, JurisdictionTreeCache trees, UserSessions sessions, TimeProvider clock)
{
    public const int MaxNote = 500;

    /// <summary>May this user decide on registrations in <paramref name="jurisdictionCode"/>?</summary>
    public static bool MayDecide(ClaimsPrincipal user, string jurisdictionCode, JurisdictionTree tree) =>
        user.Role() is { } role && (role == Role.Administrator || RoleNames.Officers.Contains(role) && JurisdictionScope.For(user, tree).Covers(jurisdictionCode));

    public async Task<SaveResult> DecideAsync(DecideRegistrationCommand c, ClaimsPrincipal officer, CancellationToken ct)
    {
        var p = new Problems();
        var org = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == c.OrganizationId && o.Kind == OrganizationKind.Applicant, ct);
        var tree = await trees.GetAsync(ct);
        if (org is null || !MayDecide(officer, org.JurisdictionCode, tree)) throw new Infrastructure.Requests.RecordNotFoundException("organisation not in scope");
        if (org.Status != OrganizationStatus.Pending) { p.Add("", $"该单位的注册已处理（{Organization.StatusLabel(org.Status)}）。"); return p.Result(); }
        var note = c.Note?.Trim();
        if (c.Decision == RegistrationDecision.Reject && string.IsNullOrEmpty(note)) p.Add("Note", "请填写不予确认的理由（将告知该单位）。");
        p.MaxLength("Note", note, MaxNote, "理由");
        if (p.Any) return p.Result();

        FormVersion.Guard(db, org, c.Version);
        org.Status = c.Decision == RegistrationDecision.Confirm ? OrganizationStatus.Confirmed : OrganizationStatus.Rejected;
        org.DecidedAt = clock.GetUtcNow();
        org.DecidedBy = db.Actor.Name;
        org.DecisionNote = string.IsNullOrEmpty(note) ? null : note;
        await NotifyOrganizationAsync(org.Id, c.Decision == RegistrationDecision.Confirm
            ? ("单位注册已确认", $"{org.DecidedBy}已确认本单位（{org.Name}）的注册，本单位现在可以申报。")
            : ("单位注册未予确认", $"{org.DecidedBy}未确认本单位（{org.Name}）的注册，理由：{note}。本单位不能申报；请核对营业执照信息，如有疑问请联系所在地主管部门。"), ct);
        db.Actor.Operation = c.Decision == RegistrationDecision.Confirm ? "单位.确认注册" : "单位.不予确认注册";
        return await Problems.SaveAsync(db, org.Id, ct);
    }

    /// <summary>Anyone (no account needed) contests a registered code; the authority is told.</summary>
    public async Task<SaveResult> ContestAsync(ContestRegistrationCommand c, CancellationToken ct)
    {
        var p = new Problems();
        if (!UnifiedSocialCreditCode.TryParse(c.Uscc, out var uscc, out var error)) p.Add("Uscc", error);
        p.Required("ClaimantName", c.ClaimantName, "单位名称");
        p.MaxLength("ClaimantName", c.ClaimantName.Trim(), 200, "单位名称");
        p.Required("ContactName", c.ContactName, "联系人");
        p.MaxLength("ContactName", c.ContactName.Trim(), 50, "联系人");
        if (!RegisterOrganizationHandler.IsPhone(c.ContactPhone)) p.Add("ContactPhone", "请填写有效的联系电话（手机或带区号的固定电话）。");
        p.Required("Statement", c.Statement, "情况说明");
        p.MaxLength("Statement", c.Statement.Trim(), 1000, "情况说明");
        if (p.Any) return p.Result();
        var org = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Uscc == uscc.Value && (o.Status == OrganizationStatus.Pending || o.Status == OrganizationStatus.Confirmed), ct);
        if (org is null) { p.Add("Uscc", "该统一社会信用代码目前没有被注册，您可以直接注册本单位。"); return p.Result(); }
        if (await db.Set<OrganizationClaim>().CountAsync(x => x.OrganizationId == org.Id && x.Status == ClaimStatus.Open, ct) >= 5)
        { p.Add("", "该代码已有多份异议正在核实，请等待所在地主管部门联系。"); return p.Result(); }

        var claim = new OrganizationClaim
        {
            OrganizationId = org.Id, Uscc = uscc.Value, ClaimantName = c.ClaimantName.Trim(), ContactName = c.ContactName.Trim(),
            ContactPhone = c.ContactPhone.Trim(), Statement = c.Statement.Trim(), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(claim);
        await NotifyAuthorityAsync(org.JurisdictionCode, "统一社会信用代码归属异议",
            $"“{claim.ClaimantName}”对已注册单位“{org.Name}”（{org.Uscc}）的代码归属提出异议，请在“单位注册确认”中核实处理。", ct);
        db.Actor.Operation = "单位.代码归属异议";
        return await Problems.SaveAsync(db, claim.Id, ct);
    }

    public async Task<SaveResult> DecideClaimAsync(DecideClaimCommand c, ClaimsPrincipal officer, CancellationToken ct)
    {
        var p = new Problems();
        var claim = await db.Set<OrganizationClaim>().FirstOrDefaultAsync(x => x.Id == c.ClaimId, ct);
        var org = claim is null ? null : await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == claim.OrganizationId, ct);
        var tree = await trees.GetAsync(ct);
        if (claim is null || org is null || !MayDecide(officer, org.JurisdictionCode, tree)) throw new Infrastructure.Requests.RecordNotFoundException("claim not in scope");
        if (claim.Status != ClaimStatus.Open) { p.Add("", "该异议已处理。"); return p.Result(); }
        var note = c.Note?.Trim();
        if (string.IsNullOrEmpty(note)) p.Add("Note", "请填写核实情况（将记入审计日志）。");
        p.MaxLength("Note", note, MaxNote, "核实情况");
        if (p.Any) return p.Result();

        FormVersion.Guard(db, claim, c.Version);
        var now = clock.GetUtcNow();
        claim.Status = c.Uphold ? ClaimStatus.Upheld : ClaimStatus.Dismissed;
        claim.DecidedAt = now;
        claim.DecidedBy = db.Actor.Name;
        claim.DecisionNote = note;
        if (c.Uphold)
        {
            org.Status = OrganizationStatus.Revoked;
            org.DecidedAt = now;
            org.DecidedBy = db.Actor.Name;
            org.DecisionNote = "经核实，该统一社会信用代码不属于本注册单位：" + note;
            foreach (var user in await db.Set<UserAccount>().Where(u => u.OrganizationId == org.Id && u.IsActive).ToListAsync(ct))
            {
                user.IsActive = false;
                await sessions.MarkRevokedAsync(user.Id, "单位注册被撤销", ct: ct);
            }
        }
        db.Actor.Operation = c.Uphold ? "单位.异议成立撤销注册" : "单位.驳回代码异议";
        return await Problems.SaveAsync(db, claim.Id, ct);
    }

    /// <summary>Told to the local officers whose jurisdiction covers the organisation (administrators when there are none).</summary>
    public async Task NotifyAuthorityAsync(string jurisdictionCode, string title, string body, CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var ancestors = new List<string>();
        for (var j = tree.Find(jurisdictionCode); j is not null; j = tree.Find(j.ParentCode)) ancestors.Add(j.Code);
        var officers = await db.Set<UserAccount>().AsNoTracking()
            .Where(u => u.IsActive && u.JurisdictionCode != null && ancestors.Contains(u.JurisdictionCode)
                        && (u.Role == Role.CountyOfficer || u.Role == Role.PrefectureOfficer || u.Role == Role.ZoneOfficer))
            .Select(u => u.Id).ToListAsync(ct);
        if (officers.Count == 0)
            officers = await db.Set<UserAccount>().AsNoTracking().Where(u => u.IsActive && u.Role == Role.Administrator).Select(u => u.Id).ToListAsync(ct);
        foreach (var id in officers) db.Add(new Notification { UserId = id, CreatedAt = clock.GetUtcNow(), Title = title, Body = body });
    }

    private async Task NotifyOrganizationAsync(Guid organizationId, (string Title, string Body) message, CancellationToken ct)
    {
        foreach (var id in await db.Set<UserAccount>().AsNoTracking().Where(u => u.OrganizationId == organizationId && u.IsActive).Select(u => u.Id).ToListAsync(ct))
            db.Add(new Notification { UserId = id, CreatedAt = clock.GetUtcNow(), Title = message.Title, Body = message.Body });
    }
}
