using Exemplar.Domain.Ledger;
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
/// Computes <see cref="AreaTotals"/> in one SQL statement: the area's designations (programme, carriers in the area,
/// designated during the year and not revoked before it ended) joined to the year's ledger entries and grouped by
/// function with a grand total (GROUPING SETS) — never a loop over bases. Counts as the ledger does: 家次 = residents
/// plus named others per entry, 次 = entries that are events or training, 人次 = person counts.
/// </summary>
public sealed class AreaTotalsQuery(ExemplarDbContext db)
{
    private sealed record Row(int? Function, bool IsTotal, int Bases, int Visits, int Events, int Persons, int Free,
        int Answers, int Satisfied, int Submitted, int Late);

    public async Task<AreaTotals> ForAsync(string programmeId, IReadOnlyCollection<string> jurisdictionCodes, int year, CancellationToken ct)
    {
        var codes = jurisdictionCodes.ToArray();
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await db.Database.SqlQuery<Row>($"""
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
            SELECT e.function AS "Function", GROUPING(e.function) = 1 AS "IsTotal",
                   count(DISTINCT area.designation_id)::int AS "Bases",
                   coalesce(sum(cardinality(e.resident_ids) + cardinality(e.other_names)), 0)::int AS "Visits",
                   count(e.id) FILTER (WHERE e.form <> {(int)ServiceForm.OneToOne})::int AS "Events",
                   coalesce(sum(e.person_count), 0)::int AS "Persons",
                   coalesce(sum(cardinality(e.resident_ids) + cardinality(e.other_names)) FILTER (WHERE e.fee <> {(int)FeeClass.Market}), 0)::int AS "Free",
                   max(answers.n) AS "Answers", max(answers.s) AS "Satisfied", max(filed.submitted) AS "Submitted", max(filed.late) AS "Late"
              FROM area
              LEFT JOIN ledger_entries e ON e.carrier_id = area.carrier_id AND e.date BETWEEN {from} AND {to}
              CROSS JOIN answers CROSS JOIN filed
             GROUP BY GROUPING SETS ((e.function), ())
            """).ToListAsync(ct);
        var total = rows.Single(r => r.IsTotal);
        AreaFunctionTotal Of(Row r) => new(r.Function is { } f ? (ServiceFunction)f : null, r.Visits, r.Events, r.Persons, r.Free);
        return new AreaTotals(total.Bases, total.Submitted, total.Late, total.Answers, total.Satisfied,
            [.. rows.Where(r => !r.IsTotal && r.Function is not null).OrderBy(r => r.Function).Select(Of)], Of(total));
    }
}
