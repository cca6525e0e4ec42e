using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>专家评审: an expert's own assignments; the designating authority's calls with where their review stands.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Expert) + "," + nameof(Role.Administrator))]
public sealed class IndexModel(ExemplarDbContext db) : PageModel
{
    public sealed record MyAssignment(ReviewAssignment Assignment, string CallTitle, string Carrier, string Applicant, DateOnly Deadline);

    public IReadOnlyList<MyAssignment> Assignments { get; private set; } = [];
    public IReadOnlyList<(Call Call, ExpertReview? Review, int Ready)> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Role() == Role.Expert)
        {
            var uid = User.UserId();
            var expert = await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(e => e.UserId == uid, ct);
            if (expert is null) return;
            Assignments = await (from a in db.Set<ReviewAssignment>().AsNoTracking()
                                 join r in db.Set<ExpertReview>().AsNoTracking() on a.ReviewId equals r.Id
                                 join c in db.Set<Call>().AsNoTracking() on r.CallId equals c.Id
                                 join ap in db.Set<Application>().AsNoTracking() on a.ApplicationId equals ap.Id
                                 join ca in db.Set<Carrier>().AsNoTracking() on ap.CarrierId equals ca.Id
                                 join o in db.Set<Organization>().AsNoTracking() on ap.OrganizationId equals o.Id
                                 where a.ExpertId == expert.Id
                                 orderby r.ScoringDeadline, ap.ReceiptNumber
                                 select new MyAssignment(a, c.Title, ca.Name, o.Name, r.ScoringDeadline)).ToListAsync(ct);
            return;
        }
        var own = User.Role() == Role.DesignatingOfficer ? User.JurisdictionCode() : null;
        var calls = await db.Set<Call>().AsNoTracking().Where(c => c.Status != CallStatus.Draft && (own == null || c.JurisdictionCode == own))
            .OrderByDescending(c => c.Year).ThenBy(c => c.Title).ToListAsync(ct);
        var ids = calls.Select(c => c.Id).ToList();
        var reviews = await db.Set<ExpertReview>().AsNoTracking().Where(r => ids.Contains(r.CallId)).ToDictionaryAsync(r => r.CallId, ct);
        var ready = await db.Set<Application>().AsNoTracking().Where(a => ids.Contains(a.CallId) && a.Status == ApplicationStatus.Submitted)
            .GroupBy(a => a.CallId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Calls = calls.Select(c => (c, reviews.GetValueOrDefault(c.Id), ready.GetValueOrDefault(c.Id))).ToList();
    }
}
