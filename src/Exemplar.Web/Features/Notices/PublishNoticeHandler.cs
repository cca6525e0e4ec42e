using System.Security.Claims;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

public sealed record NoticeSelection(Guid ApplicationId, bool Included, string? Reason);

public sealed record PublishNoticeCommand(Guid CallId, ClaimsPrincipal Officer, string? Title, string? DocumentNumber, string? Contact,
    int? WorkingDays, bool ConfirmProvisionalEnd, IReadOnlyList<NoticeSelection> Selections);

/// <summary>
/// 公示: publishes the call's proposed list today, for the working days the text prescribes (or the authority sets where
/// it may), counted on the product's calendar. A period that depends on a year without an entered holiday notice is
/// published only when the authority confirms its end. Once published its dates do not move by themselves.
/// </summary>
public sealed class PublishNoticeHandler(ExemplarDbContext db, NoticeCandidates candidates, CalendarService calendar, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(PublishNoticeCommand c, CancellationToken ct)
    {
        var source = await candidates.ForAsync(c.CallId, ct);
        if (source is null || source.Call.Status == CallStatus.Draft || !NoticeAccess.MayRun(c.Officer, source.Call.JurisdictionCode)) return SaveResult.NotFound;
        var p = new Problems();
        if (await db.Set<PublicNotice>().AnyAsync(n => n.CallId == c.CallId, ct)) p.Add("", "本批次已经发布公示。");
        if (source.NotReady is { } why) p.Add("", why);
        if (p.Any) return p.Result();
        var term = NoticeTerm.Of(source.Policy);
        p.Required("Title", c.Title, "公示标题");
        p.MaxLength("Title", c.Title, NoticeLimits.Title, "公示标题");
        p.MaxLength("DocumentNumber", c.DocumentNumber, NoticeLimits.DocumentNumber, "文号");
        p.Required("Contact", c.Contact, "异议受理联系方式");
        p.MaxLength("Contact", c.Contact, NoticeLimits.Contact, "异议受理联系方式");
        p.Check("WorkingDays", term.Check(c.WorkingDays));

        var entries = new List<NoticeEntry>();
        foreach (var (cand, i) in source.Candidates.Select((x, i) => (x, i)))
        {
            if (source.FromShortlist)
            {
                entries.Add(Entry(cand, entries.Count, null));
                continue;
            }
            var s = c.Selections.FirstOrDefault(x => x.ApplicationId == cand.ApplicationId);
            if (s is not { Included: true }) continue;
            var reason = s.Reason?.Trim();
            if (string.IsNullOrEmpty(reason)) p.Add($"Selections[{i}].Reason", $"{cand.CarrierName}：请填写列入公示名单的理由。");
            else if (reason.Length > NoticeLimits.Reason) p.Add($"Selections[{i}].Reason", $"{cand.CarrierName}的理由不能超过{NoticeLimits.Reason}个字。");
            entries.Add(Entry(cand, entries.Count, reason));
        }
        if (!source.FromShortlist && c.Selections.Any(s => s.Included && source.Candidates.All(x => x.ApplicationId != s.ApplicationId)))
            p.Add("", "所选申报不属于本批次或已不是已提交状态，请刷新页面后再发布。");
        if (entries.Count == 0) p.Add("", "公示名单不能为空。");
        if (p.Any) return p.Result();

        var today = ChinaTime.Today(clock);
        var period = NoticeTerm.Period(await calendar.GetAsync(ct), today, c.WorkingDays!.Value);
        if (period.IsProvisional && !c.ConfirmProvisionalEnd)
        {
            var years = NoticeTerm.MissingYears(await calendar.GetAsync(ct), period);
            p.Add("ConfirmProvisionalEnd", $"公示截止日期 {ChinaTime.Format(period.End)} 为暂定（{string.Join("、", years)}年节假日安排尚未录入），请核对后勾选确认再发布。");
            return p.Result();
        }
        var notice = new PublicNotice
        {
            CallId = source.Call.Id, ProgrammeId = source.Call.ProgrammeId, PolicyVersion = source.Call.PolicyVersion,
            JurisdictionCode = source.Call.JurisdictionCode, Title = c.Title!.Trim(), DocumentNumber = Blank(c.DocumentNumber),
            Contact = c.Contact!.Trim(), PublishedOn = today, StartsOn = period.Start, EndsOn = period.End, WorkingDays = period.WorkingDays,
            LengthSetByAuthority = term.IsSilent, EndWasProvisional = period.IsProvisional, PublishedAt = clock.GetUtcNow(),
            PublishedByName = c.Officer.FindFirstValue(ClaimTypes.Name) ?? db.Actor.Name, Entries = entries,
        };
        db.Add(notice);
        db.Actor.Operation = "公示.发布";
        return await Problems.SaveAsync(db, notice.Id, ct);
    }

    private static NoticeEntry Entry(Candidate c, int order, string? reason) => new()
    {
        ApplicationId = c.ApplicationId, CarrierId = c.CarrierId, CarrierName = c.CarrierName, OperatorName = c.OperatorName,
        RegionName = c.RegionName, ReceiptNumber = c.ReceiptNumber, Order = order, SelectionReason = reason,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
