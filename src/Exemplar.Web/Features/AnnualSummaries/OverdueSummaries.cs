using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>A designation whose summary for <see cref="Year"/> was due on <see cref="DueDate"/> and has not been submitted.</summary>
public sealed record OverdueSummary(Guid DesignationId, Guid CarrierId, string BaseName, string JurisdictionCode, string ProgrammeId, int Year,
    DateOnly DueDate, int DaysOverdue, string Citation);

/// <summary>
/// For other features (the revocation engineer's 聊城第十八条（三） proposals, the statistics): the designations whose
/// annual summary for a year is overdue on a date and not submitted — designations owing it (designated during the year,
/// not revoked before it ended) under a text that asks for one, past the due date, without a submitted version.
/// </summary>
public sealed class OverdueSummaries(ExemplarDbContext db, FilingRules rules)
{
    /// <param name="jurisdictionCodes">Limit to carriers in these jurisdictions (null: everywhere).</param>
    public async Task<IReadOnlyList<OverdueSummary>> ForYearAsync(int year, DateOnly today, IReadOnlyCollection<string>? jurisdictionCodes,
        string? programmeId, CancellationToken ct)
    {
        var q = from d in db.Set<Designation>().AsNoTracking()
                join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                where !db.Set<AnnualSummary>().Any(s => s.DesignationId == d.Id && s.Year == year && s.Status == FilingStatus.Submitted)
                select new { d, c.Name, c.JurisdictionCode };
        if (jurisdictionCodes is not null) { var codes = jurisdictionCodes.ToList(); q = q.Where(x => codes.Contains(x.JurisdictionCode)); }
        if (programmeId is not null) q = q.Where(x => x.d.ProgrammeId == programmeId);
        var result = new List<OverdueSummary>();
        foreach (var x in await q.OrderBy(x => x.Name).ToListAsync(ct))
        {
            if (!FilingRules.Owes(x.d, year) || rules.SummaryRule(x.d) is not { } rule) continue;
            var due = rule.DueFor(year);
            if (today <= due) continue;
            result.Add(new OverdueSummary(x.d.Id, x.d.CarrierId, x.Name, x.JurisdictionCode, x.d.ProgrammeId, year, due,
                FilingTimeliness.DaysOverdue(due, today), rule.Citation));
        }
        return result;
    }
}
