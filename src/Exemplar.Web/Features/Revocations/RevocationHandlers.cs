using System.Security.Claims;
using System.Text.Json;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Revocations;

public sealed record StateCaseCommand(Guid RevocationId, string? Statement, IReadOnlyList<CaseUpload> Evidence, ClaimsPrincipal User);

/// <summary>陈述申辩: the base states its case once, within the period counted from delivery.</summary>
public sealed class StateCaseHandler(ExemplarDbContext db, CaseAccess access, CalendarService calendars, UploadInspector inspector, FileStore store,
    Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(StateCaseCommand c, CancellationToken ct)
    {
        var r = await db.Set<Revocation>().FirstOrDefaultAsync(x => x.Id == c.RevocationId, ct);
        if (r is null || await access.SubjectAsync(r.DesignationId, ct) is not { } subject
            || await access.PartyAsync(c.User, subject.Carrier, r.ProgrammeId, ct) != CaseParty.Base) return SaveResult.NotFound;
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        var window = await StatementWindow.ForAsync(db, calendars, r, ct);
        if (r.Stage != RevocationStage.AwaitingStatement) p.Add("", r.Statement is null ? "该撤销程序已办结。" : "已提交陈述申辩，不能重复提交。");
        else if (window.HasEndedBy(today)) p.Add("", $"陈述申辩期限已于{ChinaTime.Format(window.LastDay!.Value)}届满。");
        p.Required("Statement", c.Statement, "陈述申辩意见");
        p.MaxLength("Statement", c.Statement?.Trim(), Revocation.TextMax, "陈述申辩意见");
        var files = CaseUploads.Inspect(inspector, c.Evidence, Revocation.EvidenceMax, "Evidence", "陈述申辩材料", p);
        if (p.Any) return p.Result();
        var ids = files.Select(f => store.Add(f.File, f.Content, "陈述申辩材料", c.User.UserId()).Id).ToList();
        r.Statement = c.Statement!.Trim();
        r.StatementEvidenceJson = CaseAccess.FilesJson(ids);
        r.StatementAt = clock.GetUtcNow();
        r.StatementByName = c.User.FindFirstValue(ClaimTypes.Name) ?? "示范基地";
        r.Stage = RevocationStage.StatementReceived;
        messenger.Queue($"revocation:{r.DesignationId}", $"{subject.Carrier.Name}已提交陈述申辩", $"{subject.Carrier.Name}对拟撤销称号提交了陈述申辩，请审查后作出决定。",
            await access.OfficersAsync(subject.Carrier, r.ProgrammeId, local: false, designating: true, ct));
        db.Actor.Operation = "撤销称号.陈述申辩";
        return await Problems.SaveAsync(db, r.Id, ct);
    }
}

public sealed record RecordDeliveryCommand(Guid RevocationId, DateOnly? DeliveredOn, ClaimsPrincipal User);

/// <summary>The authority records a delivery outside the product (a paper notice handed over on a day).</summary>
public sealed class RecordDeliveryHandler(ExemplarDbContext db, CaseAccess access, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(RecordDeliveryCommand c, CancellationToken ct)
    {
        var r = await db.Set<Revocation>().FirstOrDefaultAsync(x => x.Id == c.RevocationId, ct);
        if (r is null || await access.SubjectAsync(r.DesignationId, ct) is not { } subject
            || await access.PartyAsync(c.User, subject.Carrier, r.ProgrammeId, ct) != CaseParty.DesignatingAuthority) return SaveResult.NotFound;
        var p = new Problems();
        var started = ChinaTime.DateOf(r.StartedAt);
        var today = ChinaTime.Today(clock);
        if (r.Stage != RevocationStage.AwaitingStatement) p.Add("", "该撤销程序已不在陈述申辩阶段。");
        if (c.DeliveredOn is not { } on) p.Add("DeliveredOn", "请填写送达日期。");
        else if (on < started || on > today) p.Add("DeliveredOn", $"送达日期应在告知之日（{ChinaTime.Format(started)}）至今天之间。");
        if (p.Any) return p.Result();
        r.DeliveryRecordedOn = c.DeliveredOn;
        db.Actor.Operation = "撤销称号.记录送达";
        return await Problems.SaveAsync(db, r.Id, ct);
    }
}

public enum RevocationOutcome { Revoke = 1, Drop = 2 }

public sealed record DecideRevocationCommand(Guid RevocationId, uint? Version, RevocationOutcome? Outcome, string? DecisionNumber, string? Reasons,
    bool? StatementAccepted, string? StatementHandlingReason, bool Confirmed, ClaimsPrincipal User);

/// <summary>
/// The designating authority decides, only after the base stated its case or the period ended: 撤销 (文号, reasons,
/// remedies, confirmed) or 不予撤销 (reasons); a statement is 采纳 or 不予采纳 with reasons. Revoking sets the
/// designation's revocation day (today: certificate and registry say 已撤销 at once), its citation, the ban only where
/// a ban names one of the grounds, and the plaque recall where the ground orders it; the base is sent the decision
/// with the remedies (<see cref="Remedies"/>).
/// </summary>
public sealed class DecideRevocationHandler(ExemplarDbContext db, CaseAccess access, CalendarService calendars, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(DecideRevocationCommand c, CancellationToken ct)
    {
        var r = await db.Set<Revocation>().FirstOrDefaultAsync(x => x.Id == c.RevocationId, ct);
        if (r is null || await access.SubjectAsync(r.DesignationId, ct) is not { } subject
            || await access.PartyAsync(c.User, subject.Carrier, r.ProgrammeId, ct) is CaseParty.None or CaseParty.Base) return SaveResult.NotFound;
        var p = new Problems();
        if (await access.PartyAsync(c.User, subject.Carrier, r.ProgrammeId, ct) != CaseParty.DesignatingAuthority)
        {
            p.Add("", "只有认定机关可以作出撤销决定。");
            return p.Result();
        }
        var today = ChinaTime.Today(clock);
        var window = await StatementWindow.ForAsync(db, calendars, r, ct);
        if (!r.IsOpen) p.Add("", "该撤销程序已办结。");
        else if (r.Stage == RevocationStage.AwaitingStatement && window.DeliveredOn is null)
            p.Add("", "告知书尚未送达，陈述申辩期限尚未起算，不能作出决定。可在送达后记录送达日期。");
        else if (r.Stage == RevocationStage.AwaitingStatement && !window.HasEndedBy(today))
            p.Add("", $"陈述申辩期限至{ChinaTime.Format(window.LastDay!.Value)}，期限届满或示范基地提交陈述申辩后方可作出决定。");
        var reasons = c.Reasons?.Trim();
        p.Required("Reasons", reasons, "决定理由");
        p.MaxLength("Reasons", reasons, Revocation.TextMax, "决定理由");
        if (c.Outcome is not (RevocationOutcome.Revoke or RevocationOutcome.Drop)) p.Add("Outcome", "请选择决定：撤销称号或不予撤销。");
        if (c.Outcome == RevocationOutcome.Revoke)
        {
            p.Required("DecisionNumber", c.DecisionNumber, "决定文号");
            p.MaxLength("DecisionNumber", c.DecisionNumber?.Trim(), Revocation.DecisionNumberMax, "决定文号");
            if (!c.Confirmed) p.Add("Confirmed", "撤销称号后证书和名录立即显示“已撤销”，请勾选确认。");
        }
        if (r.Stage == RevocationStage.StatementReceived)
        {
            if (c.StatementAccepted is null) p.Add("StatementAccepted", "请选择对陈述申辩意见的处理：采纳或不予采纳。");
            p.Required("StatementHandlingReason", c.StatementHandlingReason, "陈述申辩处理理由");
            p.MaxLength("StatementHandlingReason", c.StatementHandlingReason?.Trim(), Revocation.TextMax, "陈述申辩处理理由");
        }
        if (p.Any) return p.Result();

        db.Entry(r).Property(x => x.Version).OriginalValue = c.Version ?? r.Version;
        r.Stage = c.Outcome == RevocationOutcome.Revoke ? RevocationStage.Revoked : RevocationStage.Dropped;
        (r.DecisionReasons, r.DecisionNumber, r.DecidedOn, r.DecidedAt) = (reasons, c.Outcome == RevocationOutcome.Revoke ? c.DecisionNumber!.Trim() : null, today, clock.GetUtcNow());
        r.DecidedByName = c.User.FindFirstValue(ClaimTypes.Name) ?? "认定机关";
        if (r.Statement is not null)
        {
            r.StatementAccepted = c.StatementAccepted;
            r.StatementHandlingReason = c.StatementHandlingReason!.Trim();
        }
        var baseUsers = await access.BaseRecipientsAsync(subject.Carrier.OrganizationId, ct);
        if (c.Outcome == RevocationOutcome.Revoke)
        {
            var grounds = JsonSerializer.Deserialize<List<string>>(r.GroundsJson) ?? [];
            var consequences = RevocationConsequences.For(subject.Policy, grounds, today)!;
            var d = await db.Set<Designation>().FirstAsync(x => x.Id == r.DesignationId, ct);
            d.RevokedOn = today;
            d.RevocationCitation = r.Citation.Length <= 60 ? r.Citation : r.Citation[..59] + "…";
            d.ReapplyBannedUntil = consequences.BannedUntil;
            r.PlaqueRecall = consequences.PlaqueRecall && d.PlaqueAwardedOn is not null;
            r.ReapplyBannedUntil = consequences.BannedUntil;
            var ban = consequences.Ban is { } b ? $"依据{b.Citation}，{b.Years}年内不得再次申请，至{ChinaTime.Format(consequences.BannedUntil!.Value)}。" : "";
            var plaque = r.PlaqueRecall ? "已颁发的牌匾予以收回。" : "";
            messenger.Queue($"revocation:{r.DesignationId}", $"撤销“{subject.Title}”称号决定（{r.DecisionNumber}）",
                $"{subject.Carrier.Name}：依据《{subject.Policy.Title}》{r.Citation}，决定撤销你单位“{subject.Title}”称号（{r.DecisionNumber}），自{ChinaTime.Format(today)}起生效。理由：{reasons}{plaque}{ban}{Remedies.Text}",
                baseUsers);
            db.Actor.Operation = "撤销称号.决定撤销";
        }
        else
        {
            messenger.Queue($"revocation:{r.DesignationId}", $"不予撤销“{subject.Title}”称号", $"{subject.Carrier.Name}：经审查，决定不予撤销你单位“{subject.Title}”称号。理由：{reasons}", baseUsers);
            db.Actor.Operation = "撤销称号.不予撤销";
        }
        return await Problems.SaveAsync(db, r.Id, ct);
    }
}
