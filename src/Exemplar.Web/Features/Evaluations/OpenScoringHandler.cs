using System.Security.Cryptography;
using Exemplar.Domain.Review;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

public sealed record OpenScoringCommand(Guid RoundId, uint Version, string? Witnesses, ulong? SeedForTests = null);

/// <summary>
/// 开始评分: refuses until the rubric, every grade's cut-off, the star scale and the tiers are set; then draws a panel and
/// reserves for every participating base with the expert review's <see cref="PanelDraw"/> over the region's pool,
/// excluding by <see cref="Conflicts"/> (experts working for the operator, a resident enterprise or a partner agency, and
/// same-county where set), records the draw (seed, pool, exclusions, panels as <see cref="DrawRecord"/> JSON + SHA-256),
/// tells the drawn experts and freezes the settings.
/// </summary>
public sealed class OpenScoringHandler(ExemplarDbContext db, RoundLoader loader, JurisdictionTreeCache trees, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(OpenScoringCommand c, CancellationToken ct)
    {
        var file = await loader.LoadAsync(c.RoundId, tracked: true, ct);
        if (file is null) return SaveResult.NotFound;
        var round = file.Round;
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        if (round.Stage != EvaluationStage.Preparing) { p.Add("", "本次测评已经开始评分，不能重复抽取。"); return p.Result(); }
        foreach (var m in file.Missing()) p.Add("", "请先完成设置：" + m);
        if (round.ScoringDeadline < today) p.Add("", "评分截止日期已过，请先修改设置。");
        p.Required("Witnesses", c.Witnesses, "见证人");
        p.MaxLength("Witnesses", c.Witnesses, ReviewLimits.Witnesses, "见证人");
        if (p.Any) return p.Result();

        var tree = await trees.GetAsync(ct);
        var region = tree.SubtreeCodes(round.JurisdictionCode).ToList();
        var pool = await db.Set<Expert>().AsNoTracking()
            .Where(e => e.IsActive && e.UserId != null && region.Contains(e.RegionCode)).OrderBy(e => e.Id).ToListAsync(ct);
        var subjects = await (from s in db.Set<EvaluationSubject>()
                              join d in db.Set<Designation>() on s.DesignationId equals d.Id
                              join x in db.Set<Carrier>() on d.CarrierId equals x.Id
                              join o in db.Set<Organization>() on x.OrganizationId equals o.Id
                              where s.RoundId == round.Id && s.Participates
                              select new { s.Id, Carrier = x, Org = o }).AsNoTracking().ToListAsync(ct);
        var carrierIds = subjects.Select(s => s.Carrier.Id).ToList();
        var residents = await db.Set<ResidentEnterprise>().AsNoTracking().Where(x => carrierIds.Contains(x.CarrierId) && (x.ExitDate == null || x.ExitDate >= today))
            .Select(x => new { x.CarrierId, x.Name, x.Uscc }).ToListAsync(ct);
        var partners = await db.Set<PartnerAgency>().AsNoTracking().Where(x => carrierIds.Contains(x.CarrierId) && (x.AgreementTo == null || x.AgreementTo >= today))
            .Select(x => new { x.CarrierId, x.Name }).ToListAsync(ct);
        var employers = pool.Select(e => new ExpertEmployer(e.Id, e.EmployerName, e.EmployerUscc, e.RegionCode)).ToList();

        var drawn = new List<DrawApplication>();
        var exclusions = new Dictionary<Guid, IReadOnlySet<Guid>>();
        foreach (var s in subjects)
        {
            var subject = new ConflictSubject(new LinkedOrganization(s.Org.Name, s.Org.Uscc),
                residents.Where(r => r.CarrierId == s.Carrier.Id).Select(r => new LinkedOrganization(r.Name, r.Uscc)).ToList(),
                partners.Where(r => r.CarrierId == s.Carrier.Id).Select(r => new LinkedOrganization(r.Name, null)).ToList(),
                DrawPanelsHandler.CountyOf(tree, s.Carrier.JurisdictionCode));
            var excluded = Conflicts.For(employers, subject, round.ExcludeSameCounty);
            exclusions[s.Id] = excluded.Select(x => x.ExpertId).ToHashSet();
            drawn.Add(new DrawApplication(s.Id, null, s.Carrier.Name, 0, excluded.Select(x => new DrawExclusion(x.ExpertId, x.Reason)).ToList()));
        }
        var input = new DrawInput(pool.Select(e => e.Id).ToList(), exclusions, round.PanelSize, round.ReserveCount);
        if (subjects.Count > 0)
            foreach (var m in PanelDraw.Check(input, id => drawn.First(a => a.Id == id).Carrier)) p.Add("", m);
        if (p.Any) return p.Result();

        var seed = (long)(c.SeedForTests ?? (BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1));
        var panels = subjects.Count > 0 ? PanelDraw.Draw(input, (ulong)seed) : [];
        var now = clock.GetUtcNow();
        var record = new DrawRecord(round.Id, seed, round.PanelSize, round.ReserveCount, round.ExcludeSameCounty, now, db.Actor.Name, c.Witnesses!.Trim(),
            pool.Select(e => new DrawPoolMember(e.Id, e.Name, e.EmployerName, e.EmployerUscc, e.RegionCode)).ToList(),
            drawn.OrderBy(a => PanelDraw.Key(a.Id), StringComparer.Ordinal).ToList(),
            panels.Select(x => new DrawPanel(x.ApplicationId, x.Panel, x.Reserves)).ToList());
        var json = ApplicationJson.Write(record);

        db.Entry(round).Property(x => x.Version).OriginalValue = c.Version;
        round.Stage = EvaluationStage.Scoring;
        round.Seed = seed;
        round.DrawJson = json;
        round.DrawHash = ApplicationJson.Sha256(json);
        round.Witnesses = record.Witnesses;
        round.ScoringOpenedAt = now;
        round.ScoringOpenedByName = db.Actor.Name;
        var users = pool.ToDictionary(e => e.Id, e => e.UserId!.Value);
        foreach (var panel in panels)
        {
            var position = 0;
            foreach (var expert in panel.Panel.Concat(panel.Reserves))
            {
                var onPanel = position < round.PanelSize;
                var a = new EvaluationAssignment
                {
                    RoundId = round.Id, SubjectId = panel.ApplicationId, ExpertId = expert, Position = position++,
                    State = onPanel ? AssignmentState.Assigned : AssignmentState.Reserve, CalledInAt = onPanel ? now : null,
                };
                db.Add(a);
                if (onPanel) Tell(messenger, a, users[expert], round);
            }
        }
        db.Actor.Operation = "测评.抽取专家并开始评分";
        return await Problems.SaveAsync(db, round.Id, ct);
    }

    public static void Tell(Messenger messenger, EvaluationAssignment a, Guid userId, EvaluationRound round) =>
        messenger.Queue($"evaluation-assignment:{a.Id}", $"测评评分任务：{round.Name}",
            $"您已被抽取为“{round.Name}”的评审专家。请登录系统，在查看基地情况前先声明是否存在利益冲突；评分截止日期为{ChinaTime.Format(round.ScoringDeadline)}。",
            new NoticeRecipients([userId], [], []));
}
