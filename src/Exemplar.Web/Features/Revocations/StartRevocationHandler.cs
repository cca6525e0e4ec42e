using System.Security.Claims;
using System.Text.Json;
using Exemplar.Domain.Designations;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Revocations;

public sealed record StartRevocationCommand(Guid? DesignationId, IReadOnlyList<string> Grounds, string? Facts, int? StatementDays,
    IReadOnlyList<CaseUpload> Evidence, Guid? ChangeFilingId, string? ProposedFrom, ClaimsPrincipal User);

/// <summary>
/// Starts a revocation: only the designating authority that keeps the designation, for a title not already revoked and
/// with no case open; grounds from the designation's own policy, the facts, evidence files and the statement period in
/// days (<see cref="StatementPeriod"/>). The base is sent the notice (告知书) in the same transaction; the period runs
/// from its delivery. A case started from a 北京 change filing (第十七条 撤销的处理决定) closes that filing.
/// </summary>
public sealed class StartRevocationHandler(ExemplarDbContext db, CaseAccess access, UploadInspector inspector, FileStore store, Messenger messenger,
    TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(StartRevocationCommand c, CancellationToken ct)
    {
        var p = new Problems();
        if (c.DesignationId is not { } designationId) { p.Add("DesignationId", "请选择要撤销称号的示范基地。"); return p.Result(); }
        var subject = await access.SubjectAsync(designationId, ct);
        if (subject is null || await access.PartyAsync(c.User, subject.Carrier, subject.Designation.ProgrammeId, ct) != CaseParty.DesignatingAuthority)
        {
            p.Add("DesignationId", "未找到该认定，或该认定不由您所在的认定机关管理。");
            return p.Result();
        }
        var d = subject.Designation;
        var today = ChinaTime.Today(clock);
        if (DesignationStatuses.On(today, d.ValidUntil, d.RevokedOn) == DesignationStatus.Revoked) p.Add("DesignationId", "该认定已被撤销。");
        if (await db.Set<Revocation>().AnyAsync(r => r.DesignationId == d.Id && (r.Stage == RevocationStage.AwaitingStatement || r.Stage == RevocationStage.StatementReceived), ct))
            p.Add("DesignationId", "该认定已有正在办理的撤销程序。");
        var grounds = c.Grounds.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct().ToList();
        var consequences = RevocationConsequences.For(subject.Policy, grounds, today);
        if (grounds.Count == 0) p.Add("Grounds", "请至少选择一项撤销情形。");
        else if (consequences is null)
            p.Add("Grounds", $"所选撤销情形不是《{subject.Policy.Title}》规定的情形（可选：{string.Join("、", subject.Policy.Management.RevocationGrounds.Select(g => g.Citation))}）。");
        p.Required("Facts", c.Facts, "事实和理由");
        p.MaxLength("Facts", c.Facts?.Trim(), Revocation.FactsMax, "事实和理由");
        p.Check("StatementDays", StatementPeriod.DaysProblem(c.StatementDays));
        p.MaxLength("ProposedFrom", c.ProposedFrom, 200, "系统提示来源");
        var files = CaseUploads.Inspect(inspector, c.Evidence, Revocation.EvidenceMax, "Evidence", "证据材料", p);
        ChangeFiling? filing = null;
        if (c.ChangeFilingId is { } filingId)
        {
            filing = await db.Set<ChangeFiling>().FirstOrDefaultAsync(f => f.Id == filingId && f.DesignationId == d.Id, ct);
            if (filing is not { Stage: ChangeFilingStage.WithAuthority }) p.Add("", "该重大变更备案不存在或已办结。");
            else if (subject.Policy.Management.ChangeFiling?.Outcome?.Actions.Contains("revoke") != true)
                p.Add("", "该办法未规定对重大变更作出撤销决定。");
        }
        if (p.Any) return p.Result();

        var name = c.User.FindFirstValue(ClaimTypes.Name) ?? "认定机关";
        var ids = files.Select(f => store.Add(f.File, f.Content, "撤销称号证据材料", c.User.UserId()).Id).ToList();
        var notice = messenger.Queue($"revocation:{d.Id}", $"拟撤销“{subject.Title}”称号告知书（{subject.Carrier.Name}）",
            $"{subject.Carrier.Name}：经查，{c.Facts!.Trim()}依据《{subject.Policy.Title}》{consequences!.Citation}（{string.Join("；", consequences.Grounds.Select(g => g.Text))}），" +
            $"拟撤销你单位“{subject.Title}”称号。你单位可自本告知书送达之日起{c.StatementDays}日内登录系统进行陈述、申辩；逾期未陈述申辩的，视为放弃。",
            await access.BaseRecipientsAsync(subject.Carrier.OrganizationId, ct));
        var revocation = new Revocation
        {
            DesignationId = d.Id, CarrierId = subject.Carrier.Id, ProgrammeId = d.ProgrammeId, GroundsJson = JsonSerializer.Serialize(consequences.Grounds.Select(g => g.Id)),
            Citation = consequences.Citation, Facts = c.Facts.Trim(), EvidenceJson = CaseAccess.FilesJson(ids), StatementDays = c.StatementDays!.Value,
            ChangeFilingId = filing?.Id, ProposedFrom = string.IsNullOrWhiteSpace(c.ProposedFrom) ? null : c.ProposedFrom.Trim(), StartedAt = clock.GetUtcNow(),
            StartedByName = name, NoticeId = notice.Id, Stage = RevocationStage.AwaitingStatement,
        };
        db.Add(revocation);
        if (filing is not null)
        {
            filing.Stage = ChangeFilingStage.RevocationStarted;
            (filing.DecidedAt, filing.DecidedByName, filing.RevocationId) = (clock.GetUtcNow(), name, revocation.Id);
        }
        db.Actor.Operation = "撤销称号.启动";
        try
        {
            return await Problems.SaveAsync(db, revocation.Id, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            p.Add("DesignationId", "该认定已有正在办理的撤销程序。");
            return p.Result();
        }
    }
}
