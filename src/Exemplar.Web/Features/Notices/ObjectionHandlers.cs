using System.Security.Claims;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>An objection with its notice and entry, for the handlers and pages.</summary>
public sealed record ObjectionFile(Objection Objection, PublicNotice Notice, NoticeEntry Entry, Guid BaseOrganizationId);

public sealed class ObjectionLoader(ExemplarDbContext db)
{
    public async Task<ObjectionFile?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var q = tracked ? db.Set<Objection>() : db.Set<Objection>().AsNoTracking();
        var o = await q.Include(x => x.Evidence).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return null;
        var nq = tracked ? db.Set<PublicNotice>() : db.Set<PublicNotice>().AsNoTracking();
        var notice = await nq.Include(n => n.Entries).SingleAsync(n => n.Id == o.NoticeId, ct);
        var entry = notice.Entries.Single(e => e.Id == o.EntryId);
        var org = await db.Set<Carrier>().AsNoTracking().Where(c => c.Id == entry.CarrierId).Select(c => c.OrganizationId).SingleAsync(ct);
        return new ObjectionFile(o, notice, entry, org);
    }

    /// <summary>The base's own users (told of the objection's content, never of its filer).</summary>
    public Task<List<Guid>> BaseUsersAsync(Guid organizationId, CancellationToken ct) =>
        db.Set<UserAccount>().AsNoTracking().Where(u => u.OrganizationId == organizationId && u.IsActive).Select(u => u.Id).ToListAsync(ct);
}

public sealed record RegisterObjectionCommand(Guid ObjectionId, ClaimsPrincipal Officer, uint Version, DateOnly? StatementDue);

/// <summary>
/// 登记: the authority accepts the objection for investigation (调查核实, 昆明第十三条) and sets the period in which the base
/// may state its case (陈述申辩); the base is told the objection's content — not who filed it.
/// </summary>
public sealed class RegisterObjectionHandler(ExemplarDbContext db, ObjectionLoader loader, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(RegisterObjectionCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ObjectionId, tracked: true, ct);
        if (f is null || !NoticeAccess.MayRun(c.Officer, f.Notice.JurisdictionCode)) return SaveResult.NotFound;
        var p = new Problems();
        var o = f.Objection;
        if (o.Status != ObjectionStatus.Received) p.Add("", "该异议已经登记。");
        var today = ChinaTime.Today(clock);
        if (c.StatementDue is not { } due) p.Add("StatementDue", "请填写陈述申辩截止日期。");
        else if (due < today.AddDays(NoticeLimits.StatementMinDays) || due > today.AddDays(NoticeLimits.StatementMaxDays))
            p.Add("StatementDue", $"陈述申辩截止日期应在{ChinaTime.Format(today.AddDays(NoticeLimits.StatementMinDays))}至{ChinaTime.Format(today.AddDays(NoticeLimits.StatementMaxDays))}之间（给予基地{NoticeLimits.StatementMinDays}至{NoticeLimits.StatementMaxDays}日）。");
        if (p.Any) return p.Result();
        db.Entry(o).Property(x => x.Version).OriginalValue = c.Version;
        o.Status = ObjectionStatus.Investigating;
        o.RegisteredAt = clock.GetUtcNow();
        o.RegisteredByName = c.Officer.FindFirstValue(ClaimTypes.Name) ?? db.Actor.Name;
        o.StatementDue = c.StatementDue;
        messenger.Queue($"objection-statement:{o.Id}", $"公示异议告知：{f.Entry.CarrierName}",
            $"“{f.Notice.Title}”公示期间，有人对“{f.Entry.CarrierName}”提出异议，认定机关正在调查核实。异议内容：{o.Content}。" +
            $"你单位可于{ChinaTime.Format(o.StatementDue!.Value)}前（含当日）登录系统，在“公示异议”中陈述申辩。",
            new NoticeRecipients(await loader.BaseUsersAsync(f.BaseOrganizationId, ct), [], []));
        db.Actor.Operation = "公示.登记异议";
        return await Problems.SaveAsync(db, o.Id, ct);
    }
}

public sealed record StateCaseCommand(Guid ObjectionId, Guid OrganizationId, uint Version, string? Statement);

/// <summary>陈述申辩: the base concerned answers the objection within the period the authority set.</summary>
public sealed class StateCaseHandler(ExemplarDbContext db, ObjectionLoader loader, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(StateCaseCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ObjectionId, tracked: true, ct);
        if (f is null || f.BaseOrganizationId != c.OrganizationId || f.Objection.Status == ObjectionStatus.Received) return SaveResult.NotFound;
        var p = new Problems();
        var o = f.Objection;
        if (o.Status != ObjectionStatus.Investigating) p.Add("", "该异议已经办结，不能再陈述申辩。");
        else if (o.Statement is not null) p.Add("", "你单位已经提交陈述申辩。");
        else if (ChinaTime.Today(clock) > o.StatementDue) p.Add("", $"陈述申辩期限已于{ChinaTime.Format(o.StatementDue!.Value)}届满。");
        p.Required("Statement", c.Statement, "陈述申辩内容");
        p.MaxLength("Statement", c.Statement, NoticeLimits.Statement, "陈述申辩内容");
        if (p.Any) return p.Result();
        db.Entry(o).Property(x => x.Version).OriginalValue = c.Version;
        o.Statement = c.Statement!.Trim();
        o.StatementAt = clock.GetUtcNow();
        db.Actor.Operation = "公示.陈述申辩";
        return await Problems.SaveAsync(db, o.Id, ct);
    }
}

public sealed record ConcludeObjectionCommand(Guid ObjectionId, ClaimsPrincipal Officer, uint Version, string? Findings, ObjectionConclusion? Conclusion, string? Reply);

/// <summary>
/// 办结: findings of the investigation, the conclusion and the reply to the filer. An upheld objection takes the base off
/// the list; a conclusion against the base waits for its statement or the end of its period. The base is told; the filer
/// reads the reply with the reference (and gets it by mail or SMS where the contact is an address or a mobile number).
/// </summary>
public sealed class ConcludeObjectionHandler(ExemplarDbContext db, ObjectionLoader loader, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(ConcludeObjectionCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ObjectionId, tracked: true, ct);
        if (f is null || !NoticeAccess.MayRun(c.Officer, f.Notice.JurisdictionCode)) return SaveResult.NotFound;
        var p = new Problems();
        var o = f.Objection;
        if (o.Status == ObjectionStatus.Received) p.Add("", "请先登记该异议并告知基地。");
        else if (o.Status == ObjectionStatus.Concluded) p.Add("", "该异议已经办结。");
        if (p.Any) return p.Result();
        p.Required("Findings", c.Findings, "调查核实情况");
        p.MaxLength("Findings", c.Findings, NoticeLimits.Findings, "调查核实情况");
        if (c.Conclusion is not { } conclusion || !Enum.IsDefined(conclusion)) p.Add("Conclusion", "请选择结论：异议成立或异议不成立。");
        p.Required("Reply", c.Reply, "答复意见");
        p.MaxLength("Reply", c.Reply, NoticeLimits.Reply, "答复意见");
        var today = ChinaTime.Today(clock);
        if (c.Conclusion == ObjectionConclusion.Upheld && o.Statement is null && today <= o.StatementDue)
            p.Add("Conclusion", $"异议成立的结论对基地不利，须在基地陈述申辩后或陈述申辩期限（{ChinaTime.Format(o.StatementDue!.Value)}）届满后作出。");
        if (p.Any) return p.Result();
        db.Entry(o).Property(x => x.Version).OriginalValue = c.Version;
        o.Status = ObjectionStatus.Concluded;
        o.Findings = c.Findings!.Trim();
        o.Conclusion = c.Conclusion;
        o.Reply = c.Reply!.Trim();
        o.ConcludedAt = clock.GetUtcNow();
        o.ConcludedByName = c.Officer.FindFirstValue(ClaimTypes.Name) ?? db.Actor.Name;
        var upheld = c.Conclusion == ObjectionConclusion.Upheld;
        if (upheld)
        {
            f.Entry.Removed = true;
            f.Entry.RemovedReason = $"公示期间异议经调查核实成立：{Cap(o.Findings, 400)}";
        }
        var verdict = upheld ? "异议成立，该基地不再列入拟认定名单" : "异议不成立";
        messenger.Queue($"objection-conclusion:{o.Id}", $"公示异议办结：{f.Entry.CarrierName}",
            $"“{f.Notice.Title}”中针对“{f.Entry.CarrierName}”的异议已办结：{verdict}。调查核实情况：{o.Findings}",
            new NoticeRecipients(await loader.BaseUsersAsync(f.BaseOrganizationId, ct), [], []));
        messenger.Queue($"objection-reply:{o.Id}", $"异议答复（{o.Reference}）",
            $"你对“{f.Notice.Title}”中“{f.Entry.CarrierName}”提出的异议已办结：{verdict}。答复意见：{o.Reply}",
            new NoticeRecipients([], FileObjectionHandler.IsEmail(o.FilerContact) ? [o.FilerContact] : [], FileObjectionHandler.IsMobile(o.FilerContact) ? [o.FilerContact] : []));
        db.Actor.Operation = upheld ? "公示.异议成立" : "公示.异议不成立";
        return await Problems.SaveAsync(db, o.Id, ct);
    }

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
