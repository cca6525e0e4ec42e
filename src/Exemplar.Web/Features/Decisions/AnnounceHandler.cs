using System.Security.Claims;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Decisions;

public sealed record AnnounceCommand(Guid NoticeId, ClaimsPrincipal Officer, uint Version, string? AnnouncementNumber, string? AnnouncementTitle, DateOnly? AnnouncedOn);

/// <summary>
/// 公告: issues the decision under its document number and date. Each designated base gets a <see cref="Designation"/>
/// valid from the announcement to the last day the policy's validity gives (none where the text states none, as in
/// Beijing). Every other submitted application of the call gets a written outcome with its reasons and remedies,
/// delivered in the product and to the application's contact by mail and SMS. In a 复核 call a base that passes holds the
/// title for a new term following on from the old one, and one that does not has its title cancelled on the announcement.
/// </summary>
public sealed class AnnounceHandler(ExemplarDbContext db, DecisionLoader loader, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(AnnounceCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.NoticeId, tracked: true, ct);
        if (f is null || !NoticeAccess.MayRun(c.Officer, f.Notice.JurisdictionCode)) return SaveResult.NotFound;
        var p = new Problems();
        var d = f.Decision;
        if (d is null) p.Add("", "请先记录认定决定。");
        else if (d.AnnouncedOn is not null) p.Add("", "已经发布认定公告。");
        if (p.Any) return p.Result();
        var today = ChinaTime.Today(clock);
        p.Required("AnnouncementNumber", c.AnnouncementNumber, "公告文号");
        p.MaxLength("AnnouncementNumber", c.AnnouncementNumber, DecisionLimits.AnnouncementNumber, "公告文号");
        p.Required("AnnouncementTitle", c.AnnouncementTitle, "公告标题");
        p.MaxLength("AnnouncementTitle", c.AnnouncementTitle, DecisionLimits.AnnouncementTitle, "公告标题");
        if (c.AnnouncedOn is not { } on) p.Add("AnnouncedOn", "请填写公告日期。");
        else if (on < d!.DecidedOn) p.Add("AnnouncedOn", $"公告日期不能早于认定决定日期（{ChinaTime.Format(d.DecidedOn)}）。");
        else if (on > today) p.Add("AnnouncedOn", "公告日期不能晚于今天。");
        if (p.Any) return p.Result();

        var announced = c.AnnouncedOn!.Value;
        var number = c.AnnouncementNumber!.Trim();
        var term = DesignationTerm.Of(f.Policy);
        var now = clock.GetUtcNow();
        db.Entry(d!).Property(x => x.Version).OriginalValue = c.Version;
        d!.AnnouncementNumber = number;
        d.AnnouncementTitle = c.AnnouncementTitle!.Trim();
        d.AnnouncedOn = announced;
        d.AnnouncedAt = now;
        d.AnnouncedByName = c.Officer.FindFirstValue(ClaimTypes.Name) ?? db.Actor.Name;
        f.Notice.Status = NoticeStatus.Announced;
        var issuer = f.Call.Title;
        var authority = await db.Set<Organizations.Organization>().AsNoTracking().Where(o => o.Id == c.Officer.OrganizationId())
            .Select(o => o.Name).FirstOrDefaultAsync(ct) ?? f.Notice.PublishedByName;

        var apps = await (from a in db.Set<Application>().AsNoTracking()
                          join v in db.Set<ApplicationVersion>() on new { A = a.Id, N = a.CurrentVersion } equals new { A = v.ApplicationId, N = v.Number }
                          join car in db.Set<Carrier>() on a.CarrierId equals car.Id
                          where a.CallId == f.Call.Id && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Recommended)
                          select new { a.Id, a.OrganizationId, a.ReceiptNumber, Carrier = car.Name, v.DetailsJson }).ToListAsync(ct);
        var shortlist = await db.Set<ExpertReview>().AsNoTracking().Where(r => r.CallId == f.Call.Id).Select(r => r.ShortlistJson).FirstOrDefaultAsync(ct) is { } json
            ? ApplicationJson.Read<List<ShortlistLine>>(json) : [];
        var validity = term.LastDay(announced) is { } last ? $"有效期至{ChinaTime.Format(last)}" : "政策文本未规定有效期";
        var reReview = f.Call.Kind == ApplicationKind.ReReview;
        var appIds = apps.Select(x => x.Id).ToList();
        var held = reReview
            ? await db.Set<Designation>().Where(x => x.ReReviewApplicationId != null && appIds.Contains(x.ReReviewApplicationId.Value)).ToDictionaryAsync(x => x.ReReviewApplicationId!.Value, ct)
            : [];
        foreach (var app in apps)
        {
            var users = await db.Set<UserAccount>().AsNoTracking().Where(u => u.OrganizationId == app.OrganizationId && u.IsActive).Select(u => u.Id).ToListAsync(ct);
            var details = ApplicationJson.Read<ApplicantDetails>(app.DetailsJson);
            var to = new NoticeRecipients(users, [details.ContactEmail], [details.ContactMobile]);
            var line = d.Lines.FirstOrDefault(l => l.ApplicationId == app.Id);
            if (line is { Designated: true })
            {
                var previous = held.GetValueOrDefault(app.Id);
                // A base that passes its 复核 keeps the title without a gap: the new term follows on from the old one.
                var from = ReReviewTerm.RenewedFrom(previous?.ValidUntil, announced);
                var designation = new Designation
                {
                    CarrierId = line.CarrierId, ProgrammeId = f.Call.ProgrammeId, PolicyVersion = f.Call.PolicyVersion, AnnouncementNumber = number,
                    AnnouncedOn = announced, ValidFrom = from, ValidUntil = term.LastDay(from), CreatedAt = now,
                };
                db.Add(designation);
                line.DesignationId = designation.Id;
                if (previous is not null) previous.ReReviewApplicationId = null;
                var renewed = term.LastDay(from) is { } end ? $"有效期至{ChinaTime.Format(end)}" : validity;
                messenger.Queue($"designation:{designation.Id}", $"{(reReview ? "复核结果" : "认定结果")}：{app.Carrier}",
                    $"“{app.Carrier}”（{app.ReceiptNumber}）经{number}公告{(reReview ? "复核通过，继续保留示范称号" : "认定")}，{(reReview ? renewed : validity)}。", to);
                continue;
            }
            var entry = f.Notice.Entries.FirstOrDefault(e => e.ApplicationId == app.Id);
            var reasons = line is not null ? $"经认定机关研究决定，不予认定。理由：{line.Reason}"
                : entry is { Removed: true } ? $"不予认定。{entry.RemovedReason}"
                : shortlist.FirstOrDefault(s => s.ApplicationId == app.Id) is { } s
                    ? $"经专家评审{(s.Rank is { } r ? $"（排名第{r}）" : "")}，未列入入围名单，未列入拟认定名单{(s.Reason is { } why ? "。理由：" + why : "")}。"
                    : "经认定机关认定评价，未列入拟认定名单。";
            var outcome = new WrittenOutcome
            {
                DecisionId = d.Id, ApplicationId = app.Id, OrganizationId = app.OrganizationId, CarrierName = app.Carrier,
                Reasons = reasons.Length > 2000 ? reasons[..1999] + "…" : reasons, IssuedOn = announced, IssuedBy = authority,
            };
            db.Add(outcome);
            if (held.GetValueOrDefault(app.Id) is { } failed) CancelAfterFailedReReview(failed, f.Policy, announced);
            messenger.Queue($"written-outcome:{outcome.Id}", $"认定结果告知：{app.Carrier}",
                $"“{app.Carrier}”（{app.ReceiptNumber}）在“{issuer}”中未获认定。{outcome.Reasons}{Remedies.Text}", to);
        }
        if (reReview)
        {
            // A 复核 the local authority did not recommend never reached the list: it has not passed either.
            var notRecommended = await db.Set<Designation>().Where(x => x.ReReviewApplicationId != null && db.Set<Application>()
                .Any(a => a.Id == x.ReReviewApplicationId && a.CallId == f.Call.Id && a.Status == ApplicationStatus.NotRecommended)).ToListAsync(ct);
            foreach (var failed in notRecommended) CancelAfterFailedReReview(failed, f.Policy, announced);
        }
        db.Actor.Operation = "认定.发布公告";
        return await Problems.SaveAsync(db, d.Id, ct);
    }

    /// <summary>复核 not passed: the title is cancelled on the announcement (聊城第十六条).</summary>
    private static void CancelAfterFailedReReview(Designation failed, Exemplar.Domain.Policies.PolicyVersion policy, DateOnly announced)
    {
        failed.ReReviewApplicationId = null;
        failed.RevokedOn = announced < failed.ValidFrom ? failed.ValidFrom : announced;
        failed.RevocationCitation = policy.Management.ReReview?.Citation is { } cite ? $"{cite}（复核未通过）" : "复核未通过";
    }
}
