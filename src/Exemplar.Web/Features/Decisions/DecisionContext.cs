using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Decisions;

/// <summary>A notice with what the decision needs: its call's pinned policy, its objections, and the decision once recorded.</summary>
public sealed record DecisionFile(PublicNotice Notice, Call Call, PolicyVersion Policy, IReadOnlyList<Objection> Objections, DesignationDecision? Decision)
{
    /// <summary>The text requires 集体决策程序 (昆明第十四条).</summary>
    public bool Collective => Policy.Procedure.CollectiveDecision is not null;

    public IEnumerable<NoticeEntry> Remaining => Notice.Entries.Where(e => !e.Removed).OrderBy(e => e.Order);

    public IEnumerable<NoticeEntry> WithOpenObjection => Notice.Entries.Where(e => Objections.Any(o => o.EntryId == e.Id && o.IsOpen));
}

public sealed class DecisionLoader(ExemplarDbContext db, PolicySnapshots snapshots)
{
    public async Task<DecisionFile?> LoadAsync(Guid noticeId, bool tracked, CancellationToken ct)
    {
        IQueryable<T> Q<T>() where T : class => tracked ? db.Set<T>() : db.Set<T>().AsNoTracking();
        var notice = await Q<PublicNotice>().Include(n => n.Entries).FirstOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null) return null;
        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == notice.CallId, ct);
        var policy = await snapshots.LoadAsync(call.PolicyHash, ct) ?? throw new InvalidOperationException($"政策版本 {call.PolicyHash} 未保存。");
        var objections = await db.Set<Objection>().AsNoTracking().Where(o => o.NoticeId == noticeId).OrderBy(o => o.FiledAt).ToListAsync(ct);
        var decision = await Q<DesignationDecision>().Include(d => d.Lines).FirstOrDefaultAsync(d => d.NoticeId == noticeId, ct);
        return new DecisionFile(notice, call, policy, objections, decision);
    }
}
