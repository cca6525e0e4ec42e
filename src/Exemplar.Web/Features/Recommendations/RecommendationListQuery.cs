using System.Security.Claims;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Recommendations;

public sealed record RecommendationRow(ApplicationRow Application, Recommendation? Worksheet, int? SampleSize, int? SamplePopulation, int Answered, int Satisfied, int Unreachable = 0);

/// <summary>
/// The recommending officer's queue (submitted applications of its jurisdiction, with where each worksheet stands) and
/// the designating authority's inbox (what the lower level signed, with its opinion and sample). Visibility is
/// <see cref="ApplicationListQuery"/>'s, so a county sees its own applications only.
/// </summary>
public sealed class RecommendationListQuery(ApplicationListQuery applications, ExemplarDbContext db)
{
    public static readonly ApplicationStatus[] Statuses = [ApplicationStatus.Submitted, ApplicationStatus.Recommended, ApplicationStatus.NotRecommended];

    public async Task<IReadOnlyList<RecommendationRow>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var designating = user.Role() == Role.DesignatingOfficer;
        var rows = new List<ApplicationRow>();
        await foreach (var r in applications.AllAsync(user, new ApplicationFilter(), ct))
            if (designating ? r.Status is ApplicationStatus.Recommended or ApplicationStatus.NotRecommended : Statuses.Contains(r.Status))
                rows.Add(r);
        var ids = rows.Select(r => r.Id).ToList();
        var sheets = await db.Set<Recommendation>().AsNoTracking().Where(x => ids.Contains(x.ApplicationId)).ToListAsync(ct);
        // The city reads only signed worksheets; a draft worksheet is the lower level's own business.
        if (designating) sheets = sheets.Where(x => x.IsSigned).ToList();
        var sampleIds = sheets.Where(x => x.SampleId is not null).Select(x => x.SampleId!.Value).ToList();
        var samples = await db.Set<SurveySample>().AsNoTracking().Where(x => sampleIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var answers = await db.Set<SurveySampleAnswer>().AsNoTracking().Where(a => sampleIds.Contains(a.SampleId))
            .GroupBy(a => a.SampleId).Select(g => new
            {
                g.Key, Count = g.Count(a => a.ContactMethod != SampleContactMethod.Unreachable),
                Satisfied = g.Count(a => a.ContactMethod != SampleContactMethod.Unreachable && a.Satisfied),
                Unreachable = g.Count(a => a.ContactMethod == SampleContactMethod.Unreachable),
            }).ToDictionaryAsync(x => x.Key, ct);
        return rows.Select(r =>
        {
            var sheet = sheets.FirstOrDefault(x => x.ApplicationId == r.Id);
            var sample = sheet?.SampleId is { } sid ? samples.GetValueOrDefault(sid) : null;
            var a = sample is null ? null : answers.GetValueOrDefault(sample.Id);
            return new RecommendationRow(r, sheet, sample?.MemberIds.Count, sample?.PopulationCount, a?.Count ?? 0, a?.Satisfied ?? 0, a?.Unreachable ?? 0);
        }).OrderBy(r => r.Application.Status).ThenBy(r => r.Application.ReceiptNumber, StringComparer.Ordinal).ToList();
    }
}
