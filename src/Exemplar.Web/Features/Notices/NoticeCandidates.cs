using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>One application the authority may put on the notice: from the fixed shortlist, or submitted where the call has no review.</summary>
public sealed record Candidate(Guid ApplicationId, Guid CarrierId, string CarrierName, string OperatorName, string RegionName, string? ReceiptNumber, int? Rank, bool Shortlisted);

/// <summary>What a call's notice is built from.</summary>
public sealed record NoticeSource(Call Call, PolicyVersion Policy, bool FromShortlist, string? NotReady, IReadOnlyList<Candidate> Candidates);

/// <summary>
/// The proposed list comes from the expert review's fixed shortlist (<see cref="ExpertReview.ShortlistJson"/>). Where the
/// call has no expert review and the text does not require one (北京第十条: 认定评价由认定机关组织), the authority selects
/// from the call's submitted applications, with a reason for each.
/// </summary>
public sealed class NoticeCandidates(ExemplarDbContext db, PolicySnapshots snapshots, JurisdictionTreeCache trees)
{
    public async Task<NoticeSource?> ForAsync(Guid callId, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null) return null;
        var policy = await snapshots.LoadAsync(call.PolicyHash, ct) ?? throw new InvalidOperationException($"政策版本 {call.PolicyHash} 未保存。");
        var review = await db.Set<ExpertReview>().AsNoTracking().FirstOrDefaultAsync(r => r.CallId == callId, ct);
        var apps = await (from a in db.Set<Application>().AsNoTracking()
                          join c in db.Set<Carrier>() on a.CarrierId equals c.Id
                          join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                          where a.CallId == callId && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Recommended)
                          orderby a.ReceiptNumber
                          select new { a.Id, a.CarrierId, Carrier = c.Name, Operator = o.Name, a.JurisdictionCode, a.ReceiptNumber }).ToListAsync(ct);
        var tree = await trees.GetAsync(ct);
        Candidate Make(Guid id, int? rank, bool shortlisted)
        {
            var a = apps.First(x => x.Id == id);
            return new Candidate(a.Id, a.CarrierId, a.Carrier, a.Operator, tree.FullName(a.JurisdictionCode), a.ReceiptNumber, rank, shortlisted);
        }
        if (review is null && policy.Procedure.ExpertReview.Mode == ExpertReviewRule.PerCall)
            return new NoticeSource(call, policy, false, apps.Count == 0 ? "本批次没有已提交的申报。" : null, apps.Select(a => Make(a.Id, null, false)).ToList());
        if (review is not { Stage: ReviewStage.ShortlistFixed, ShortlistJson: { } json })
            return new NoticeSource(call, policy, true, "专家评审尚未确定入围名单，公示名单须来自入围名单。", []);
        var lines = ApplicationJson.Read<List<ShortlistLine>>(json);
        var included = lines.Where(l => l.Stays && apps.Any(a => a.Id == l.ApplicationId))
            .OrderBy(l => l.Rank ?? int.MaxValue).Select(l => Make(l.ApplicationId, l.Rank, true)).ToList();
        return new NoticeSource(call, policy, true, included.Count == 0 ? "入围名单中没有仍有效的申报。" : null, included);
    }
}
