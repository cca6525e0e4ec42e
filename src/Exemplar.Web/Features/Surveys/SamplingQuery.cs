using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Surveys;

public sealed record SampleSummary(SurveySample Sample, SatisfactionRate Rate)
{
    public bool Completed => Sample.CompletedAt is not null;
    public int Size => Sample.MemberIds.Count;
}

public static class SamplingQuery
{
    public static async Task<IReadOnlyList<SampleSummary>> ForCarrierAsync(ExemplarDbContext db, Guid carrierId, bool completedOnly, CancellationToken ct)
    {
        var q = db.Set<SurveySample>().AsNoTracking().Where(s => s.CarrierId == carrierId);
        if (completedOnly) q = q.Where(s => s.CompletedAt != null);
        var samples = await q.OrderByDescending(s => s.DrawnAt).ToListAsync(ct);
        var ids = samples.Select(s => s.Id).ToList();
        // 无法联系 is no judgement: left out of the satisfaction rate.
        var answers = await db.Set<SurveySampleAnswer>().AsNoTracking().Where(a => ids.Contains(a.SampleId) && a.ContactMethod != SampleContactMethod.Unreachable)
            .Select(a => new { a.SampleId, a.EnterpriseId, a.Satisfied }).ToListAsync(ct);
        return samples.Select(s => new SampleSummary(s, LedgerMetrics.Satisfaction(
            answers.Where(a => a.SampleId == s.Id).Select(a => new SatisfactionAnswer(a.EnterpriseId, null, a.Satisfied))))).ToList();
    }

    /// <summary>Percent text as the pages show it: "80%", or "—" when there are no answers.</summary>
    public static string Percent(SatisfactionRate r) => r.Percent is { } p ? p + "%" : "—";
}
