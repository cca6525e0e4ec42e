using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Features.Recommendations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>
/// Which applications of a call go to expert review, from the call's pinned policy: where the policy names recommending
/// levels, those the last level signed as 推荐 (status 已推荐); where it names none (北京办法第十条–第十一条: the city
/// receives applications directly), every submitted one.
/// </summary>
public sealed class ReviewQueue(ExemplarDbContext db, PolicySnapshots snapshots)
{
    public const string Rule = "有推荐（初审）环节的办法，取最后一级推荐单位已签署“推荐”的申报；办法未设推荐环节的（如北京），取本批次所有已提交的申报。";

    public async Task<List<Application>> ReadyAsync(Guid callId, CancellationToken ct)
    {
        var hash = await db.Set<Call>().AsNoTracking().Where(c => c.Id == callId).Select(c => c.PolicyHash).FirstOrDefaultAsync(ct);
        var levels = hash is null ? null : (await snapshots.LoadAsync(hash, ct))?.Procedure.Recommendation.Levels;
        var apps = db.Set<Application>().AsNoTracking().Where(a => a.CallId == callId);
        if (levels is { Count: > 0 })
        {
            var last = levels.Max(l => l.Order);
            apps = apps.Where(a => a.Status == ApplicationStatus.Recommended && db.Set<Recommendation>()
                .Any(r => r.ApplicationId == a.Id && r.Level == last && r.SignedAt != null && r.Recommend == true));
        }
        else apps = apps.Where(a => a.Status == ApplicationStatus.Submitted);
        return await apps.OrderBy(a => a.ReceiptNumber).ToListAsync(ct);
    }
}
