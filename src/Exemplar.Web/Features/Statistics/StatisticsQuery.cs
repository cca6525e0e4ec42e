using System.Security.Claims;
using Exemplar.Domain.Calendar;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Statistics;

/// <summary>
/// Designated bases of one programme in one area: <see cref="Valid"/> hold a valid title today (the registry's 有效),
/// <see cref="NewInYear"/> were designated in the dashboard's year — both as the registry counts (the latest designation
/// of each base and programme).
/// </summary>
public sealed record BaseCount(string RegionCode, string RegionName, string ProgrammeId, string ProgrammeTitle, int Valid, int NewInYear);

/// <summary>Applications of one call, per stage (the statuses the user's application list shows).</summary>
public sealed record CallStages(Guid CallId, string CallTitle, IReadOnlyDictionary<ApplicationStatus, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();
}

/// <summary>One base's year of one service function, as the ledger aggregate counts it (家次, distinct 家, 次, 人次, free/low-fee 家次).</summary>
public sealed record BaseVolume(Guid CarrierId, string CarrierName, string JurisdictionCode, ServiceFunction Function,
    int EnterpriseVisits, int Enterprises, int Events, int PersonTimes, int FreeOrLowFeeVisits);

/// <summary>A function's year across the area's bases (sums of <see cref="BaseVolume"/>; 家 is summed per base).</summary>
public sealed record FunctionVolume(ServiceFunction Function, int Bases, int EnterpriseVisits, int Enterprises, int Events, int PersonTimes, int FreeOrLowFeeVisits);

public sealed record OverdueItem(Obligation Obligation, string ProgrammeId, string JurisdictionCode, string RegionName, int DaysOverdue);

public sealed record Dashboard(int Year, DateOnly Today, string AreaName, IReadOnlyList<BaseCount> Bases, IReadOnlyList<CallStages> Applications,
    IReadOnlyList<FunctionVolume> Services, IReadOnlyList<OverdueItem> Overdue);

/// <summary>The authority's dashboard, every figure limited to the user's area (<see cref="StatisticsScope"/>).</summary>
public sealed class StatisticsQuery(ExemplarDbContext db, JurisdictionTreeCache trees, ProgrammePolicies policies, ApplicationListQuery applications,
    ObligationCatalog obligations, LedgerVolumesQuery volumes, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<StatisticsScope> ScopeAsync(ClaimsPrincipal user, CancellationToken ct) => StatisticsScope.For(user, await trees.GetAsync(ct));

    public async Task<Dashboard> DashboardAsync(ClaimsPrincipal user, int year, CancellationToken ct)
    {
        var scope = await ScopeAsync(user, ct);
        var volumes = await VolumesAsync(scope, year, ct);
        return new Dashboard(year, Today, scope.AreaName, await BasesAsync(scope, year, ct), await ApplicationsAsync(user, year, ct),
            Totals(volumes), await OverdueAsync(scope, ct));
    }

    public async Task<IReadOnlyList<BaseCount>> BasesAsync(StatisticsScope scope, int year, CancellationToken ct)
    {
        var today = Today;
        var rows = await db.Database.SqlQuery<BaseRow>($"""
            WITH latest AS (
                SELECT DISTINCT ON (d.carrier_id, d.programme_id) d.programme_id, d.announced_on, d.valid_until, d.revoked_on, c.jurisdiction_code
                  FROM designations d JOIN carriers c ON c.id = d.carrier_id
                 WHERE {scope.All} OR c.jurisdiction_code = ANY({scope.Codes})
                 ORDER BY d.carrier_id, d.programme_id, d.announced_on DESC, d.created_at DESC)
            SELECT jurisdiction_code AS "Code", programme_id AS "ProgrammeId",
                   count(*) FILTER (WHERE (revoked_on IS NULL OR revoked_on > {today}) AND (valid_until IS NULL OR valid_until >= {today}))::int AS "Valid",
                   count(*) FILTER (WHERE date_part('year', announced_on) = {year})::int AS "NewInYear"
              FROM latest GROUP BY 1, 2
            """).ToListAsync(ct);
        var titles = policies.All.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => DesignationTitle.Of(g.First().Title));
        return [.. rows.GroupBy(r => (Region: scope.GroupOf(r.Code), r.ProgrammeId))
            .Select(g => new BaseCount(g.Key.Region, scope.NameOf(g.Key.Region), g.Key.ProgrammeId, titles.GetValueOrDefault(g.Key.ProgrammeId, g.Key.ProgrammeId),
                g.Sum(r => r.Valid), g.Sum(r => r.NewInYear)))
            .Where(b => b.Valid > 0 || b.NewInYear > 0)
            .OrderBy(b => b.RegionCode, StringComparer.Ordinal).ThenBy(b => b.ProgrammeId, StringComparer.Ordinal)];
    }

    private sealed record BaseRow(string Code, string ProgrammeId, int Valid, int NewInYear);

    /// <summary>The calls of the year the user's application list shows, counted per stage from that same list (same visibility rules).</summary>
    public async Task<IReadOnlyList<CallStages>> ApplicationsAsync(ClaimsPrincipal user, int year, CancellationToken ct)
    {
        var counts = new Dictionary<(Guid Call, string Title), Dictionary<ApplicationStatus, int>>();
        await foreach (var r in applications.AllAsync(user, new ApplicationFilter(), ct))
        {
            if (r.Year != year) continue;
            if (!counts.TryGetValue((r.CallId, r.CallTitle), out var byStatus)) counts[(r.CallId, r.CallTitle)] = byStatus = [];
            byStatus[r.Status] = byStatus.GetValueOrDefault(r.Status) + 1;
        }
        return [.. counts.OrderBy(c => c.Key.Title, StringComparer.Ordinal).Select(c => new CallStages(c.Key.Call, c.Key.Title, c.Value))];
    }

    /// <summary>
    /// The year's ledger per base × function for every base of the area: the ledger's one aggregate
    /// (<see cref="LedgerVolumesQuery"/>, the definitions of the per-base metrics page) over the area's carriers in one
    /// statement — over every carrier at once when the scope is everything.
    /// </summary>
    public async Task<IReadOnlyList<BaseVolume>> VolumesAsync(StatisticsScope scope, int year, CancellationToken ct)
    {
        var codes = scope.Codes;
        var carriers = await db.Set<Carrier>().AsNoTracking().Where(c => scope.All || codes.Contains(c.JurisdictionCode))
            .Select(c => new { c.Id, c.Name, c.JurisdictionCode }).ToDictionaryAsync(c => c.Id, ct);
        var rows = await volumes.ForCarriersAsync(scope.All ? null : carriers.Keys, year, ct);
        return [.. rows.Where(v => carriers.ContainsKey(v.CarrierId))
            .Select(v => (Carrier: carriers[v.CarrierId], Volume: v))
            .OrderBy(x => x.Carrier.Name, StringComparer.Ordinal).ThenBy(x => x.Carrier.Id).ThenBy(x => x.Volume.Function)
            .Select(x => new BaseVolume(x.Carrier.Id, x.Carrier.Name, x.Carrier.JurisdictionCode, x.Volume.Function,
                x.Volume.EnterpriseVisits, x.Volume.EnterprisesServed, x.Volume.Events, x.Volume.PersonTimes, x.Volume.FreeOrLowFeeVisits))];
    }

    public static IReadOnlyList<FunctionVolume> Totals(IReadOnlyList<BaseVolume> volumes) =>
        [.. volumes.GroupBy(v => v.Function).OrderBy(g => g.Key).Select(g => new FunctionVolume(g.Key, g.Select(v => v.CarrierId).Distinct().Count(),
            g.Sum(v => v.EnterpriseVisits), g.Sum(v => v.Enterprises), g.Sum(v => v.Events), g.Sum(v => v.PersonTimes), g.Sum(v => v.FreeOrLowFeeVisits)))];

    /// <summary>
    /// Obligations overdue today whose party sits in the area (bases of the area, the area's local authorities), within the
    /// catalog's window — the same items the officers' workbench shows; nothing records completion yet.
    /// </summary>
    public async Task<IReadOnlyList<OverdueItem>> OverdueAsync(StatisticsScope scope, CancellationToken ct)
    {
        var today = Today;
        var all = await obligations.DeriveAsync(today, ct);
        var mine = all.Where(a => scope.Jurisdiction.Covers(a.Audience.JurisdictionCode)).DistinctBy(a => a.Obligation.Key).ToList();
        var overdue = ReminderSelector.Overdue(mine.Select(a => a.Obligation), today).Select(o => o.Key).ToHashSet();
        return [.. mine.Where(a => overdue.Contains(a.Obligation.Key))
            .Select(a => new OverdueItem(a.Obligation, a.ProgrammeId, a.Audience.JurisdictionCode, scope.Tree.FullName(a.Audience.JurisdictionCode), today.DayNumber - a.Obligation.DueDate.DayNumber))
            .Where(i => i.DaysOverdue <= ObligationCatalog.OverdueWindowDays)
            .OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.Obligation.Title, StringComparer.Ordinal)];
    }
}
