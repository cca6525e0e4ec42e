using System.Security.Cryptography;
using Exemplar.Domain.Review;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

public sealed record DrawPanelsCommand(Guid CallId, uint Version, string? Witnesses, ulong? SeedForTests = null);

/// <summary>
/// 随机抽取: freezes the eligible pool (active experts of the call's region with an account to sign in with) and each
/// ready application's computed exclusions, takes a 63-bit seed from the OS generator, draws every panel and its reserves
/// with <see cref="PanelDraw"/>, records all of it (JSON + SHA-256, witnesses, who, when), creates the assignments and
/// tells the drawn experts. The rubric is frozen from here on.
/// </summary>
public sealed class DrawPanelsHandler(ExemplarDbContext db, ReviewQueue queue, JurisdictionTreeCache trees, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(DrawPanelsCommand c, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.CallId, ct);
        var review = await db.Set<ExpertReview>().Include(r => r.Rubric).FirstOrDefaultAsync(r => r.CallId == c.CallId, ct);
        if (call is null || review is null) return SaveResult.NotFound;
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        if (review.Stage != ReviewStage.Preparing) p.Add("", "本批次的评审专家已经抽取，不能重复抽取。");
        if (review.ScoringDeadline < today) p.Add("", "评分截止日期已过，请先修改评审设置。");
        if (!review.Rubric.Any(i => i.Kind != RubricItemKind.Bonus)) p.Add("", "评分细则中没有计分项，请先添加评分项。");
        p.Required("Witnesses", c.Witnesses, "见证人");
        p.MaxLength("Witnesses", c.Witnesses, ReviewLimits.Witnesses, "见证人");
        if (p.Any) return p.Result();

        var tree = await trees.GetAsync(ct);
        var region = tree.SubtreeCodes(call.JurisdictionCode).ToList();
        var pool = await db.Set<Expert>().AsNoTracking()
            .Where(e => e.IsActive && e.UserId != null && region.Contains(e.RegionCode)).OrderBy(e => e.Id).ToListAsync(ct);
        var apps = await queue.ReadyAsync(call.Id, ct);
        var carrierIds = apps.Select(a => a.CarrierId).Distinct().ToList();
        var orgIds = apps.Select(a => a.OrganizationId).Distinct().ToList();
        var carriers = await db.Set<Carrier>().AsNoTracking().Where(x => carrierIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var orgs = await db.Set<Organization>().AsNoTracking().Where(x => orgIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var residents = await db.Set<ResidentEnterprise>().AsNoTracking().Where(x => carrierIds.Contains(x.CarrierId) && (x.ExitDate == null || x.ExitDate >= today))
            .Select(x => new { x.CarrierId, x.Name, x.Uscc }).ToListAsync(ct);
        var partners = await db.Set<PartnerAgency>().AsNoTracking().Where(x => carrierIds.Contains(x.CarrierId) && (x.AgreementTo == null || x.AgreementTo >= today))
            .Select(x => new { x.CarrierId, x.Name }).ToListAsync(ct);
        var employers = pool.Select(e => new ExpertEmployer(e.Id, e.EmployerName, e.EmployerUscc, e.RegionCode)).ToList();

        var drawApps = new List<DrawApplication>();
        var exclusions = new Dictionary<Guid, IReadOnlySet<Guid>>();
        foreach (var a in apps)
        {
            var carrier = carriers[a.CarrierId];
            var org = orgs[a.OrganizationId];
            var subject = new ConflictSubject(new LinkedOrganization(org.Name, org.Uscc),
                residents.Where(r => r.CarrierId == carrier.Id).Select(r => new LinkedOrganization(r.Name, r.Uscc)).ToList(),
                partners.Where(r => r.CarrierId == carrier.Id).Select(r => new LinkedOrganization(r.Name, null)).ToList(),
                CountyOf(tree, carrier.JurisdictionCode));
            var excluded = Conflicts.For(employers, subject, review.ExcludeSameCounty);
            exclusions[a.Id] = excluded.Select(x => x.ExpertId).ToHashSet();
            drawApps.Add(new DrawApplication(a.Id, a.ReceiptNumber, carrier.Name, a.CurrentVersion, excluded.Select(x => new DrawExclusion(x.ExpertId, x.Reason)).ToList()));
        }
        var input = new DrawInput(pool.Select(e => e.Id).ToList(), exclusions, review.PanelSize, review.ReserveCount);
        foreach (var m in PanelDraw.Check(input, id => drawApps.First(a => a.Id == id) is var d ? $"{d.Carrier}（{d.Receipt}）" : "")) p.Add("", m);
        if (p.Any) return p.Result();

        var seed = (long)(c.SeedForTests ?? (BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1));
        var panels = PanelDraw.Draw(input, (ulong)seed);
        var now = clock.GetUtcNow();
        var record = new DrawRecord(call.Id, seed, review.PanelSize, review.ReserveCount, review.ExcludeSameCounty, now, db.Actor.Name, c.Witnesses!.Trim(),
            pool.Select(e => new DrawPoolMember(e.Id, e.Name, e.EmployerName, e.EmployerUscc, e.RegionCode)).ToList(),
            drawApps.OrderBy(a => PanelDraw.Key(a.Id), StringComparer.Ordinal).ToList(),
            panels.Select(x => new DrawPanel(x.ApplicationId, x.Panel, x.Reserves)).ToList());
        var json = ApplicationJson.Write(record);

        db.Entry(review).Property(x => x.Version).OriginalValue = c.Version;
        review.Stage = ReviewStage.Drawn;
        review.Seed = seed;
        review.DrawJson = json;
        review.DrawHash = ApplicationJson.Sha256(json);
        review.Witnesses = record.Witnesses;
        review.DrawnAt = now;
        review.DrawnByName = db.Actor.Name;
        var users = pool.ToDictionary(e => e.Id, e => e.UserId!.Value);
        foreach (var panel in panels)
        {
            var version = drawApps.First(a => a.Id == panel.ApplicationId).Version;
            var position = 0;
            foreach (var expert in panel.Panel.Concat(panel.Reserves))
            {
                var onPanel = position < review.PanelSize;
                var assignment = new ReviewAssignment
                {
                    ReviewId = review.Id, ApplicationId = panel.ApplicationId, ApplicationVersion = version, ExpertId = expert, Position = position++,
                    State = onPanel ? AssignmentState.Assigned : AssignmentState.Reserve, CalledInAt = onPanel ? now : null,
                };
                db.Add(assignment);
                if (onPanel) Tell(messenger, assignment, users[expert], call, review);
            }
        }
        db.Actor.Operation = "专家评审.随机抽取";
        return await Problems.SaveAsync(db, review.Id, ct);
    }

    /// <summary>The county-level division a jurisdiction lies in (itself, or its nearest county ancestor); null for a zone or a city.</summary>
    public static string? CountyOf(JurisdictionTree tree, string code)
    {
        for (var j = tree.Find(code); j is not null; j = tree.Find(j.ParentCode))
            if (j.Kind == JurisdictionKind.County) return j.Code;
        return null;
    }

    public static void Tell(Messenger messenger, ReviewAssignment a, Guid userId, Call call, ExpertReview review) =>
        messenger.Queue($"review-assignment:{a.Id}", $"专家评审任务：{call.Title}",
            $"您已被抽取为“{call.Title}”的评审专家。请登录系统，在查看申报内容前先声明是否存在利益冲突；评分截止日期为{ChinaTime.Format(review.ScoringDeadline)}。",
            new NoticeRecipients([userId], [], []));
}
