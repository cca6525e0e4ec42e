using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Confirmations;

/// <summary>
/// A function's confirmation figures for a year. <see cref="Recorded"/> counts the 家次 of resident enterprises (each
/// resident on each entry is one 家次 — the ones that can confirm; participants recorded by name only have no link).
/// </summary>
public sealed record ConfirmationShare(ServiceFunction Function, int Recorded, int Confirmed, int Disputed)
{
    /// <summary>Confirmed share in percent, one decimal (null when nothing is recorded).</summary>
    public decimal? Percent => Recorded == 0 ? null : Math.Round(100m * Confirmed / Recorded, 1, MidpointRounding.AwayFromZero);

    public string PercentText => Percent is { } p ? p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}

/// <summary>One disputed participation, for the base and the officers: which entry, which enterprise, why.</summary>
public sealed record DisputeRow(Guid EntryId, ServiceFunction Function, DateOnly Date, Guid EnterpriseId, string EnterpriseName, string Reason, DateTimeOffset RespondedAt);

/// <summary>A carrier's confirmations for a year, counted in PostgreSQL (one pass over the year's participations).</summary>
public sealed class ConfirmationQuery(ExemplarDbContext db)
{
    public async Task<IReadOnlyList<ConfirmationShare>> SharesAsync(Guid carrierId, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await db.Database.SqlQuery<ShareRow>($"""
            SELECT e.function AS "Function", count(*)::int AS "Recorded",
                   count(c.id) FILTER (WHERE c.status = 1)::int AS "Confirmed",
                   count(c.id) FILTER (WHERE c.status = 2)::int AS "Disputed"
              FROM ledger_entries e
              CROSS JOIN LATERAL unnest(e.resident_ids) AS r(id)
              LEFT JOIN service_confirmations c ON c.entry_id = e.id AND c.enterprise_id = r.id
             WHERE e.carrier_id = {carrierId} AND e.date BETWEEN {from} AND {to}
             GROUP BY e.function
            """).ToDictionaryAsync(r => r.Function, ct);
        return [.. ServiceFunctions.All.Select(f => rows.TryGetValue(f, out var r)
            ? new ConfirmationShare(f, r.Recorded, r.Confirmed, r.Disputed) : new ConfirmationShare(f, 0, 0, 0))];
    }

    private sealed record ShareRow(ServiceFunction Function, int Recorded, int Confirmed, int Disputed);

    /// <summary>The year's disputes that still stand (the entry still counts the enterprise), latest service first.</summary>
    public async Task<IReadOnlyList<DisputeRow>> DisputesAsync(Guid carrierId, int year, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await (from c in db.Set<ServiceConfirmation>().AsNoTracking()
                          join e in db.Set<LedgerEntry>().AsNoTracking() on c.EntryId equals e.Id
                          join r in db.Set<ResidentEnterprise>().AsNoTracking() on c.EnterpriseId equals r.Id
                          where c.CarrierId == carrierId && c.Status == ConfirmationStatus.Disputed && e.Date >= first && e.Date <= last && e.ResidentIds.Contains(c.EnterpriseId)
                          orderby e.Date descending, r.Name
                          select new DisputeRow(e.Id, e.Function, e.Date, r.Id, r.Name, c.Reason ?? "", c.RespondedAt)).ToListAsync(ct);
        return rows;
    }

    public static IReadOnlyList<DisputeFact> Facts(IEnumerable<DisputeRow> rows) =>
        [.. rows.Select(r => new DisputeFact(r.EntryId, r.Function, r.Date, r.EnterpriseName, r.Reason))];
}
