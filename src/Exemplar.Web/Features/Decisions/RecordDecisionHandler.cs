using System.Security.Claims;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Decisions;

public sealed record DecisionChoice(Guid EntryId, bool Designated, string? Reason);

public sealed record RecordDecisionCommand(Guid NoticeId, ClaimsPrincipal Officer, uint Version, DateOnly? DecidedOn, string? MeetingName,
    string? Attendees, int? MembersExpected, int? MembersPresent, bool QuorumConfirmed, EvidenceUpload? Minutes, IReadOnlyList<DecisionChoice> Choices);

/// <summary>
/// 认定决定: only after the notice has ended and with no objection open about any base on the list; one result per
/// remaining base, a reason where it is not designated. Where the text requires 集体决策程序 (昆明第十四条) the meeting is
/// recorded: its name and date, who attended in which role, members expected and present (confirmed against the
/// authority's own rules of procedure, which the policy text does not state), and the minutes as a file.
/// </summary>
public sealed class RecordDecisionHandler(ExemplarDbContext db, DecisionLoader loader, UploadInspector inspector, FileStore store, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(RecordDecisionCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.NoticeId, tracked: true, ct);
        if (f is null || !NoticeAccess.MayRun(c.Officer, f.Notice.JurisdictionCode)) return SaveResult.NotFound;
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        if (f.Decision is not null) p.Add("", "本次公示已经作出认定决定。");
        else if (!f.Notice.HasEndedBy(today))
            p.Add("", $"公示期至{ChinaTime.Format(f.Notice.EndsOn)}届满，届满前不能作出认定决定。");
        foreach (var e in f.WithOpenObjection)
            p.Add("", $"“{e.CarrierName}”尚有未办结的异议，办结前不能作出认定决定。");
        if (p.Any) return p.Result();

        if (c.DecidedOn is not { } decided) p.Add("DecidedOn", f.Collective ? "请填写会议日期。" : "请填写决定日期。");
        else if (decided <= f.Notice.EndsOn) p.Add("DecidedOn", $"决定日期应在公示期届满（{ChinaTime.Format(f.Notice.EndsOn)}）之后。");
        else if (decided > today) p.Add("DecidedOn", "决定日期不能晚于今天。");
        List<Attendee> attendees = [];
        InspectedFile? minutes = null;
        if (f.Collective)
        {
            p.Required("MeetingName", c.MeetingName, "会议名称");
            p.MaxLength("MeetingName", c.MeetingName, DecisionLimits.MeetingName, "会议名称");
            attendees = ParseAttendees(c.Attendees, p);
            if (c.MembersExpected is not { } expected || expected < 1 || expected > DecisionLimits.MaxAttendees)
                p.Add("MembersExpected", $"应到人数应为1至{DecisionLimits.MaxAttendees}人。");
            else if (c.MembersPresent is not { } present || present < 1 || present > expected)
                p.Add("MembersPresent", "实到人数应为1人以上且不超过应到人数。");
            else if (present > attendees.Count)
                p.Add("Attendees", $"实到{present}人，但参会人员只列了{attendees.Count}人，请逐一列出。");
            if (!c.QuorumConfirmed) p.Add("QuorumConfirmed", "请确认到会人数符合本机关集体决策的议事规则。");
            if (c.Minutes is not { Content.Length: > 0 } m) p.Add("Minutes", "请上传会议纪要。");
            else if (m.Content.LongLength > DecisionLimits.MinutesBytes) p.Add("Minutes", $"会议纪要不能超过{DecisionLimits.MinutesBytes / 1024 / 1024} MB。");
            else
            {
                var verdict = inspector.Inspect(m.FileName, m.Content, UploadKinds.Documents, "会议纪要");
                if (verdict.Accepted) minutes = verdict.File;
                else p.Add("Minutes", verdict.Refusal!);
            }
        }
        var lines = new List<DecisionLine>();
        foreach (var (e, i) in f.Remaining.Select((e, i) => (e, i)))
        {
            var choice = c.Choices.FirstOrDefault(x => x.EntryId == e.Id);
            if (choice is null) { p.Add("", "公示名单已变化，请刷新页面后再提交。"); break; }
            var reason = choice.Reason?.Trim();
            if (!choice.Designated && string.IsNullOrEmpty(reason)) p.Add($"Choices[{i}].Reason", $"{e.CarrierName}：不予认定的，请写明理由。");
            p.MaxLength($"Choices[{i}].Reason", reason, DecisionLimits.Reason, $"{e.CarrierName}的理由");
            lines.Add(new DecisionLine { EntryId = e.Id, ApplicationId = e.ApplicationId, CarrierId = e.CarrierId, Designated = choice.Designated, Reason = string.IsNullOrEmpty(reason) ? null : reason });
        }
        if (p.Any) return p.Result();

        Guid? minutesId = null;
        string? minutesName = null;
        if (minutes is not null)
        {
            var stored = store.Add(minutes, c.Minutes!.Content, "认定决定会议纪要", c.Officer.UserId());
            (minutesId, minutesName) = (stored.Id, stored.FileName);
        }
        var decision = new DesignationDecision
        {
            NoticeId = f.Notice.Id, CallId = f.Call.Id, Collective = f.Collective, DecidedOn = c.DecidedOn!.Value,
            MeetingName = string.IsNullOrWhiteSpace(c.MeetingName) ? null : c.MeetingName.Trim(),
            AttendeesJson = attendees.Count == 0 ? null : ApplicationJson.Write(attendees),
            MembersExpected = f.Collective ? c.MembersExpected : null, MembersPresent = f.Collective ? c.MembersPresent : null,
            MinutesFileId = minutesId, MinutesFileName = minutesName, RecordedAt = clock.GetUtcNow(),
            RecordedByName = c.Officer.FindFirstValue(ClaimTypes.Name) ?? db.Actor.Name, Lines = lines,
        };
        db.Add(decision);
        db.Entry(f.Notice).Property(x => x.Version).OriginalValue = c.Version;
        f.Notice.Status = NoticeStatus.Decided;
        db.Actor.Operation = f.Collective ? "认定.集体决策" : "认定.作出决定";
        return await Problems.SaveAsync(db, decision.Id, ct);
    }

    /// <summary>One attendee a line: name, then role, separated by a comma, 、 or spaces (张三，主持人).</summary>
    public static List<Attendee> ParseAttendees(string? text, Problems p)
    {
        var list = new List<Attendee>();
        if (string.IsNullOrWhiteSpace(text)) { p.Add("Attendees", "请逐行填写参会人员及其身份（如：张三，主持人）。"); return list; }
        if (text.Length > DecisionLimits.Attendees) { p.Add("Attendees", $"参会人员不能超过{DecisionLimits.Attendees}个字。"); return list; }
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var (line, n) in lines.Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split([',', '，', '、', ' ', '\t', '　'], 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) { p.Add("Attendees", $"参会人员第{n}行“{line}”应写明姓名和身份，如：张三，主持人。"); continue; }
            if (parts[0].Length > 30 || parts[1].Length > 50) { p.Add("Attendees", $"参会人员第{n}行过长（姓名不超过30字，身份不超过50字）。"); continue; }
            list.Add(new Attendee(parts[0], parts[1]));
        }
        if (list.Count > DecisionLimits.MaxAttendees) p.Add("Attendees", $"参会人员最多{DecisionLimits.MaxAttendees}人。");
        return list;
    }
}
