using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Official;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.SiteInspections;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>
/// The published 公示 as a GB/T 9704 Word document, from the notice record and its call's pinned policy: the authority
/// (policy <c>issuer</c>), the article providing for the notice (<c>procedure.publicNotice.citation</c>), the stages the
/// text has, the bases as published (in their order, a base later taken off included: the document is the notice as
/// issued), the period with its working days, the contact and number as published, dated the day of publication.
/// </summary>
public sealed class NoticeDocument(ExemplarDbContext db, PolicySnapshots snapshots, DocumentGenerator generator)
{
    public async Task<GeneratedDocument?> ForAsync(Guid noticeId, CancellationToken ct)
    {
        var n = await db.Set<PublicNotice>().AsNoTracking().Include(x => x.Entries).FirstOrDefaultAsync(x => x.Id == noticeId, ct);
        if (n is null) return null;
        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == n.CallId, ct);
        var policy = await snapshots.LoadAsync(call.PolicyHash, ct) ?? throw new InvalidOperationException($"政策版本 {call.PolicyHash} 未保存。");
        var reviewed = await db.Set<ExpertReview>().AsNoTracking().AnyAsync(r => r.CallId == call.Id, ct);
        var inspected = await db.Set<SiteInspection>().AsNoTracking().AnyAsync(s => s.CallId == call.Id, ct);
        return generator.PublicNotice(new PublicNoticeData
        {
            Issuer = PolicyWording.IssuerOf(policy), Programme = PolicyWording.Programme(policy), Title = n.Title, DocumentNumber = n.DocumentNumber ?? "",
            Article = policy.Procedure.PublicNotice.Citation, Procedure = PolicyWording.Procedure(policy, reviewed, inspected),
            Bases = [.. n.Entries.OrderBy(e => e.Order).Select(e => new NoticeBase(e.CarrierName, e.OperatorName, e.RegionName))],
            From = n.StartsOn, To = n.EndsOn, WorkingDays = n.WorkingDays, Contact = n.Contact, Date = n.PublishedOn,
        });
    }
}
