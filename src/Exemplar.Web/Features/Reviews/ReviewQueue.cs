using Exemplar.Web.Features.Applications;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>
/// Which applications of a call go to expert review. The recommendation stage (推荐/初审) does not exist yet, so for now
/// this is every application that stands submitted; when recommendations arrive, programmes with a recommending level
/// narrow it to the recommended ones here, and nowhere else.
/// </summary>
public sealed class ReviewQueue(ExemplarDbContext db)
{
    public const string Rule = "目前取本批次所有状态为“已提交”的申报。";

    public Task<List<Application>> ReadyAsync(Guid callId, CancellationToken ct) =>
        db.Set<Application>().AsNoTracking()
            .Where(a => a.CallId == callId && a.Status == ApplicationStatus.Submitted)
            .OrderBy(a => a.ReceiptNumber).ToListAsync(ct);
}
