using System.Security.Claims;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.ChangeFilings;

public enum ChangeFilingAction
{
    /// <summary>转报: the local authority passes it on (聊城第十五条 通过所属辖区的中小企业主管部门报市工信局备案).</summary>
    Forward = 1,
    /// <summary>退回: back to the base with the reason.</summary>
    Return = 2,
    /// <summary>予以备案 / 作出变更决定 (北京第十七条, published with its 文号).</summary>
    Accept = 3,
}

public sealed record ProcessChangeCommand(Guid FilingId, uint? Version, ChangeFilingAction? Action, string? Reason, string? DecisionNumber, ClaimsPrincipal User);

/// <summary>
/// The authorities' side of a change filing: the local authority the text routes it through forwards or returns it; the
/// designating authority (only it) accepts or returns it. Accepting records the change in the designation's history
/// (<see cref="DesignationChange"/>, shown by the registry at once); where the text makes it a published decision (北京
/// 第十七条 变更或撤销的处理决定，并向社会公示) the decision needs its 文号, which the registry shows with the change.
/// Revocation instead of change is started from the revocation page (<c>/Revocations/Start?filing=</c>).
/// </summary>
public sealed class ProcessChangeHandler(ExemplarDbContext db, CaseAccess access, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(ProcessChangeCommand c, CancellationToken ct)
    {
        var filing = await db.Set<ChangeFiling>().FirstOrDefaultAsync(f => f.Id == c.FilingId, ct);
        if (filing is null) return SaveResult.NotFound;
        var subject = await access.SubjectAsync(filing.DesignationId, ct);
        if (subject is null) return SaveResult.NotFound;
        var party = await access.PartyAsync(c.User, subject.Carrier, filing.ProgrammeId, ct);
        if (party is CaseParty.None or CaseParty.Base) return SaveResult.NotFound;
        var p = new Problems();
        if (subject.Policy.Management.ChangeFiling is not { } rule) { p.Add("", "该办法未规定重大变更备案。"); return p.Result(); }
        var name = c.User.FindFirstValue(ClaimTypes.Name) ?? "?";
        var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
        p.MaxLength("Reason", reason, ChangeFiling.ReasonMax, "意见或理由");
        var mayForward = party == CaseParty.LocalAuthority && filing.Stage == ChangeFilingStage.AtLocalAuthority;
        var mayDecide = party == CaseParty.DesignatingAuthority && filing.Stage == ChangeFilingStage.WithAuthority;
        switch (c.Action)
        {
            case ChangeFilingAction.Forward when mayForward:
                break;
            case ChangeFilingAction.Return when mayForward || mayDecide:
                if (reason is null) p.Add("Reason", "退回的，请写明理由（将告知示范基地）。");
                break;
            case ChangeFilingAction.Accept when mayDecide:
                if (rule.Outcome is { Published: true })
                {
                    p.Required("DecisionNumber", c.DecisionNumber, "处理决定文号");
                    p.MaxLength("DecisionNumber", c.DecisionNumber?.Trim(), ChangeFiling.DecisionNumberMax, "处理决定文号");
                    if (reason is null) p.Add("Reason", $"请写明变更决定的理由（{rule.Outcome.Citation}：作出处理决定并向社会公示）。");
                }
                break;
            case null:
                p.Add("Action", "请选择处理方式。");
                break;
            default:
                p.Add("Action", party == CaseParty.DesignatingAuthority || party == CaseParty.LocalAuthority
                    ? "该备案当前不由您办理，或已办结。" : "只有认定机关可以办理该备案。");
                break;
        }
        if (p.Any) return p.Result();

        db.Entry(filing).Property(x => x.Version).OriginalValue = c.Version ?? filing.Version;
        var now = clock.GetUtcNow();
        var baseUsers = await access.BaseRecipientsAsync(subject.Carrier.OrganizationId, ct);
        switch (c.Action!.Value)
        {
            case ChangeFilingAction.Forward:
                filing.Stage = ChangeFilingStage.WithAuthority;
                (filing.ForwardedAt, filing.ForwardedByName, filing.LocalOpinion) = (now, name, reason);
                messenger.Queue($"change-filing:{filing.Id}", $"{subject.Carrier.Name}的重大变更备案已转报",
                    $"{subject.Carrier.Name}的重大变更备案（{filing.ChangeKind}：{filing.Description}）经所属辖区主管部门审核转报，请办理。" + (reason is null ? "" : $"意见：{reason}"),
                    await access.OfficersAsync(subject.Carrier, filing.ProgrammeId, local: false, designating: true, ct));
                db.Actor.Operation = "重大变更备案.转报";
                break;
            case ChangeFilingAction.Return:
                filing.Stage = ChangeFilingStage.Returned;
                (filing.DecidedAt, filing.DecidedByName, filing.DecisionReason) = (now, name, reason);
                messenger.Queue($"change-filing:{filing.Id}", "重大变更备案被退回", $"您报送的重大变更备案（{filing.ChangeKind}：{filing.Description}）被退回，理由：{reason}。请按要求重新报送。", baseUsers);
                db.Actor.Operation = "重大变更备案.退回";
                break;
            case ChangeFilingAction.Accept:
                var number = string.IsNullOrWhiteSpace(c.DecisionNumber) ? null : c.DecisionNumber.Trim();
                var published = number is null ? "" : $"（变更决定 {number}）";
                var change = new DesignationChange
                {
                    DesignationId = filing.DesignationId, CompletedOn = filing.EventOn,
                    Description = Cap($"{filing.ChangeKind}：{filing.Description}{published}", DesignationChange.DescriptionMax), CreatedAt = now,
                };
                db.Add(change);
                filing.Stage = ChangeFilingStage.Accepted;
                (filing.DecidedAt, filing.DecidedByName, filing.DecisionReason, filing.DecisionNumber, filing.DesignationChangeId) = (now, name, reason, number, change.Id);
                messenger.Queue($"change-filing:{filing.Id}", number is null ? "重大变更备案已予备案" : "重大变更处理决定：予以变更",
                    $"您报送的重大变更（{filing.ChangeKind}：{filing.Description}）{(number is null ? "已予备案" : $"经{rule.Outcome!.DecidedBy}决定予以变更（{number}），并向社会公示")}，示范基地名录的历程已更新。", baseUsers);
                db.Actor.Operation = number is null ? "重大变更备案.予以备案" : "重大变更备案.作出变更决定";
                break;
        }
        return await Problems.SaveAsync(db, filing.Id, ct);
    }

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
