using Exemplar.Domain.Review;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>One application in a review: its panel (every assignment with its expert), aggregate and rank.</summary>
public sealed record ReviewedApplication(Guid ApplicationId, string Carrier, string? Receipt, IReadOnlyList<(ReviewAssignment Assignment, Expert Expert)> Panel, ScoreAggregate Aggregate, int? Rank)
{
    public int Missing(int panelSize) => Math.Max(0, panelSize - Panel.Count(x => x.Assignment.State is AssignmentState.Assigned or AssignmentState.Cleared or AssignmentState.Submitted));
}

public sealed class ReviewResults(ExemplarDbContext db)
{
    public async Task<IReadOnlyList<ReviewedApplication>> ForAsync(ExpertReview review, CancellationToken ct)
    {
        var assignments = await db.Set<ReviewAssignment>().AsNoTracking().Where(a => a.ReviewId == review.Id).OrderBy(a => a.Position).ToListAsync(ct);
        var expertIds = assignments.Select(a => a.ExpertId).Distinct().ToList();
        var experts = await db.Set<Expert>().AsNoTracking().Where(e => expertIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var appIds = assignments.Select(a => a.ApplicationId).Distinct().ToList();
        var apps = await (from a in db.Set<Application>().AsNoTracking()
                          join c in db.Set<Carrier>().AsNoTracking() on a.CarrierId equals c.Id
                          where appIds.Contains(a.Id)
                          select new { a.Id, c.Name, a.ReceiptNumber }).ToListAsync(ct);
        var aggregates = apps.ToDictionary(a => a.Id, a => ScoreAggregate.Of(assignments
            .Where(x => x.ApplicationId == a.Id && x.State == AssignmentState.Submitted && x.Total is not null)
            .Select(x => (x.ExpertId, x.Total!.Value)).ToList()));
        var ranks = Ranking.Of(aggregates.ToDictionary(x => x.Key, x => x.Value.RankingScore));
        return apps.Select(a => new ReviewedApplication(a.Id, a.Name, a.ReceiptNumber,
                assignments.Where(x => x.ApplicationId == a.Id).Select(x => (x, experts[x.ExpertId])).ToList(), aggregates[a.Id], ranks[a.Id]))
            .OrderBy(a => a.Rank ?? int.MaxValue).ThenBy(a => a.Receipt, StringComparer.Ordinal).ToList();
    }
}
