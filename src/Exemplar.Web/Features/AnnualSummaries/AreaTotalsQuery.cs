using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>One function's services across the area's bases (null function = every function together).</summary>
public sealed record AreaFunctionTotal(ServiceFunction? Function, int EnterpriseVisits, int Events, int PersonTimes, int FreeOrLowFeeVisits);

/// <summary>
/// The area's totals for a year: bases designated under the programme in the area, their services per function and
/// overall, the free/low-fee 家次, survey answers and satisfied ones, and how many bases filed their summary (late).
/// </summary>
public sealed record AreaTotals(int Bases, int SummariesSubmitted, int SummariesLate, int Answers, int Satisfied,
    IReadOnlyList<AreaFunctionTotal> Functions, AreaFunctionTotal All)
{
    public decimal? FreeOrLowFeePercent => All.EnterpriseVisits == 0 ? null : Math.Truncate(All.FreeOrLowFeeVisits * 10000m / All.EnterpriseVisits) / 100m;
    public decimal? SatisfactionPercent => Answers == 0 ? null : Math.Truncate(Satisfied * 10000m / Answers) / 100m;
}

/// <summary>
/// Computes <see cref="AreaTotals"/> set-based, never a loop over bases: the area's designations (programme, carriers in
/// the area, designated during the year and not revoked before it ended) with their survey answers and filed summaries in
/// one statement, then the year's ledger of those carriers through the ledger's one aggregate
/// (<see cref="LedgerVolumesQuery"/>: 家次, 次, 人次, free/low-fee 家次 counted exactly as each base's metrics page counts
/// them), summed per function and overall. A carrier counts once even when two of its designations overlap the year.
/// </summary>
public sealed class AreaTotalsQuery(ExemplarDbContext db, LedgerVolumesQuery volumes)
{
    private sealed record Row(Guid DesignationId, Guid CarrierId, int Answers, int Satisfied, int Submitted, int Late);

    public async Task<AreaTotals> ForAsync(string programmeId, IReadOnlyCollection<string> jurisdictionCodes, int year, CancellationToken ct)
    {
        var codes = jurisdictionCodes.ToArray();
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var area = await db.Database.SqlQuery<Row>($"""
            WITH area AS (
              SELECT d.id AS designation_id, d.carrier_id
                FROM designations d JOIN carriers c ON c.id = d.carrier_id
               WHERE d.programme_id = {programmeId} AND c.jurisdiction_code = ANY({codes})
                 AND d.announced_on <= {to} AND (d.valid_until IS NULL OR d.valid_until >= {from})
                 AND (d.revoked_on IS NULL OR d.revoked_on > {to})),
            answers AS (
              SELECT count(*)::int AS n, count(*) FILTER (WHERE a.satisfied)::int AS s
                FROM survey_answers a JOIN survey_invitations i ON i.id = a.invitation_id
               WHERE i.carrier_id IN (SELECT carrier_id FROM area) AND i.year = {year} AND i.answered_at IS NOT NULL AND a.function IS NULL),
            filed AS (
              SELECT count(*)::int AS submitted, count(*) FILTER (WHERE first_late > 0)::int AS late FROM (
                SELECT s.designation_id, (array_agg(s.days_late ORDER BY s.submitted_at))[1] AS first_late
                  FROM annual_summaries s
                 WHERE s.designation_id IN (SELECT designation_id FROM area) AND s.year = {year} AND s.status = 2
                 GROUP BY s.designation_id) f)
            SELECT area.designation_id AS "DesignationId", area.carrier_id AS "CarrierId", answers.n AS "Answers", answers.s AS "Satisfied",
                   filed.submitted AS "Submitted", filed.late AS "Late"
              FROM area CROSS JOIN answers CROSS JOIN filed
            """).ToListAsync(ct);
        var carriers = area.Select(r => r.CarrierId).Distinct().ToList();
        var ledger = await volumes.ForCarriersAsync(carriers, year, ct);
        var functions = ledger.GroupBy(v => v.Function).OrderBy(g => g.Key).Select(g => Sum(g.Key, g)).ToList();
        var head = area.FirstOrDefault();
        return new AreaTotals(area.Select(r => r.DesignationId).Distinct().Count(), head?.Submitted ?? 0, head?.Late ?? 0, head?.Answers ?? 0, head?.Satisfied ?? 0,
            functions, Sum(null, ledger));
    }

    private static AreaFunctionTotal Sum(ServiceFunction? function, IEnumerable<LedgerVolume> volumes)
    {
        var list = volumes.ToList();
        return new(function, list.Sum(v => v.EnterpriseVisits), list.Sum(v => v.Events), list.Sum(v => v.PersonTimes), list.Sum(v => v.FreeOrLowFeeVisits));
    }
}
