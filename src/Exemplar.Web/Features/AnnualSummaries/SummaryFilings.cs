using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>
/// Tells the obligations engine which annual summaries and local reports are filed: the first submitted version of a
/// summary fulfils <c>{programme}/designation-{id}/AnnualSummary/{year}</c>, a submitted report
/// <c>{programme}/{jurisdiction}/AnnualReport/{year}</c> (the keys <see cref="ObligationDeriver"/> makes).
/// </summary>
public sealed class SummaryFilings(ExemplarDbContext db) : IObligationFilings
{
    public static string SummaryKey(string programmeId, Guid designationId, int year) =>
        $"{programmeId}/designation-{designationId:N}/{ObligationKind.AnnualSummary}/{year}";

    public static string ReportKey(string programmeId, string jurisdictionCode, int year) =>
        $"{programmeId}/{jurisdictionCode}/{ObligationKind.AnnualReport}/{year}";

    public async Task<IReadOnlyDictionary<string, DateOnly>> FiledAsync(CancellationToken ct)
    {
        var result = new Dictionary<string, DateOnly>();
        var summaries = await (from s in db.Set<AnnualSummary>().AsNoTracking()
                               join d in db.Set<Designations.Designation>().AsNoTracking() on s.DesignationId equals d.Id
                               where s.Status == FilingStatus.Submitted
                               group s by new { s.DesignationId, d.ProgrammeId, s.Year } into g
                               select new { g.Key.DesignationId, g.Key.ProgrammeId, g.Key.Year, On = g.Min(s => s.SubmittedOn) }).ToListAsync(ct);
        foreach (var s in summaries) result[SummaryKey(s.ProgrammeId, s.DesignationId, s.Year)] = s.On!.Value;
        var reports = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.Status == FilingStatus.Submitted)
            .Select(r => new { r.ProgrammeId, r.JurisdictionCode, r.Year, r.SubmittedOn }).ToListAsync(ct);
        foreach (var r in reports) result[ReportKey(r.ProgrammeId, r.JurisdictionCode, r.Year)] = r.SubmittedOn!.Value;
        return result;
    }
}
