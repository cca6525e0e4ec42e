using System.Security.Claims;
using Exemplar.Domain.Designations;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.ChangeFilings;

public sealed record FileChangeCommand(Guid DesignationId, string? ChangeKind, string? Description, DateOnly? EventOn,
    IReadOnlyList<CaseUpload> Evidence, ClaimsPrincipal User);

/// <summary>
/// 重大变更备案 by the base: only for its own valid designation and only where its policy has a change filing; the kind
/// must be one the policy lists (其他 where the list ends in 等); the event day lies between the announcement and
/// today; at least one evidence file. The due date (working days after the event, on the product's calendar) and the
/// lateness are fixed now; the filing goes to the local authority first where the text routes it through one (聊城),
/// else straight to the designating authority, and the officers it goes to are notified.
/// </summary>
public sealed class FileChangeHandler(ExemplarDbContext db, CaseAccess access, CalendarService calendars, UploadInspector inspector,
    FileStore store, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(FileChangeCommand c, CancellationToken ct)
    {
        var subject = await access.SubjectAsync(c.DesignationId, ct);
        if (subject is null || await access.PartyAsync(c.User, subject.Carrier, subject.Designation.ProgrammeId, ct) != CaseParty.Base) return SaveResult.NotFound;
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        var d = subject.Designation;
        if (subject.Policy.Management.ChangeFiling is not { } rule)
        {
            p.Add("", $"《{subject.Policy.Title}》未规定重大变更备案。");
            return p.Result();
        }
        if (DesignationStatuses.On(today, d.ValidUntil, d.RevokedOn) != DesignationStatus.Valid)
        {
            p.Add("", "该认定已撤销或期满，无需再报送重大变更备案。");
            return p.Result();
        }
        p.Check("ChangeKind", ChangeFilingDeadline.KindProblem(rule, c.ChangeKind));
        p.Required("Description", c.Description, "变更内容");
        p.MaxLength("Description", c.Description?.Trim(), ChangeFiling.DescriptionMax, "变更内容");
        if (c.EventOn is not { } eventOn) p.Add("EventOn", $"请填写{rule.EventWording}日期。");
        else if (eventOn < d.AnnouncedOn || eventOn > today)
            p.Add("EventOn", $"{rule.EventWording}日期应在认定公告之日（{ChinaTime.Format(d.AnnouncedOn)}）至今天（{ChinaTime.Format(today)}）之间。");
        if (c.Evidence.Count == 0) p.Add("Evidence", "请上传变更的证明材料（如变更登记通知书、新的营业执照），至少一个。");
        var files = CaseUploads.Inspect(inspector, c.Evidence, ChangeFiling.EvidenceMax, "Evidence", "证明材料", p);
        if (!p.Any && c.ChangeKind!.Trim() is var kind && await db.Set<ChangeFiling>().AnyAsync(f => f.DesignationId == d.Id && f.ChangeKind == kind
                && f.EventOn == c.EventOn && f.Stage != ChangeFilingStage.Returned, ct))
            p.Add("EventOn", $"该认定于{ChinaTime.Format(c.EventOn!.Value)}的“{kind}”变更已经报送备案，请勿重复报送。");
        if (p.Any) return p.Result();

        var due = ChangeFilingDeadline.Compute(rule, c.EventOn!.Value, today, await calendars.GetAsync(ct));
        var ids = files.Select(f => store.Add(f.File, f.Content, "重大变更备案证明材料", c.User.UserId()).Id).ToList();
        var viaLocal = rule.Via?.Kind == "localAuthority";
        var filing = new ChangeFiling
        {
            DesignationId = d.Id, CarrierId = subject.Carrier.Id, ProgrammeId = d.ProgrammeId, ChangeKind = c.ChangeKind!.Trim(),
            Description = c.Description!.Trim(), EventOn = due.EventOn, EventWording = rule.EventWording, WorkingDays = rule.WorkingDays, DueOn = due.DueOn,
            DueProvisional = due.IsProvisional, FiledOn = today, FiledAt = clock.GetUtcNow(), FiledBy = c.User.UserId(),
            FiledByName = c.User.FindFirstValue(ClaimTypes.Name) ?? "申报单位", DaysLate = due.DaysLate, EvidenceJson = CaseAccess.FilesJson(ids),
            Stage = viaLocal ? ChangeFilingStage.AtLocalAuthority : ChangeFilingStage.WithAuthority,
        };
        db.Add(filing);
        var toLocal = viaLocal || rule.FileTo.Any(t => t.Kind == "localAuthority");
        var to = await access.OfficersAsync(subject.Carrier, d.ProgrammeId, local: toLocal, designating: !viaLocal, ct);
        var late = due.IsLate ? $"，逾期{due.DaysLate}天（应于{ChinaTime.Format(due.DueOn)}前报送）" : "";
        messenger.Queue($"change-filing:{filing.Id}", $"{subject.Carrier.Name}报送重大变更备案（{filing.ChangeKind}）",
            $"{subject.Carrier.Name}报送重大变更备案：{filing.ChangeKind}，{filing.Description}；{rule.EventWording}于{ChinaTime.Format(due.EventOn)}{late}。" +
            (viaLocal ? $"依{rule.Citation}，请所属辖区主管部门审核后转报{string.Join("、", rule.FileTo.Select(t => t.Label))}。" : ""), to);
        db.Actor.Operation = "重大变更备案.报送";
        return await Problems.SaveAsync(db, filing.Id, ct);
    }
}
