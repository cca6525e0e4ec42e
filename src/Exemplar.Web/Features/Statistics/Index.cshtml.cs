using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Calendar;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Statistics;

/// <summary>
/// 统计分析: the authority's dashboard of its area for a year — designated bases by region and programme, applications per
/// call by stage, service volumes per function across the bases, overdue obligations. Tables first; charts draw from the
/// same figures; every number links to the list behind it.
/// </summary>
[Authorize(Roles = StatisticsScope.Roles)]
public sealed class IndexModel(StatisticsQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] [Display(Name = "统计年度")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] [Display(Name = "事项类别")] public ObligationKind? Kind { get; set; }

    public Dashboard Data { get; private set; } = null!;
    public int ShownYear { get; private set; }
    public IReadOnlyList<ApplicationStatus> Stages { get; } = Enum.GetValues<ApplicationStatus>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = query.Today;
        ShownYear = Year ?? today.Year;
        if (ShownYear < StatisticsYears.First || ShownYear > today.Year) return NotFound();
        Data = await query.DashboardAsync(User, ShownYear, ct);
        return Page();
    }

    public IReadOnlyList<OverdueItem> OverdueShown => Kind is { } k ? [.. Data.Overdue.Where(o => o.Obligation.Kind == k)] : Data.Overdue;

    public string RegistryLink(string region, string programme, bool newInYear) =>
        Paging.Link("/Registry", newInYear
            ? [new("region", region), new("programme", programme), new("year", ShownYear.ToString())]
            : [new("region", region), new("programme", programme), new("status", "valid")]);

    public static string ApplicationsLink(Guid call, ApplicationStatus? status) =>
        Paging.Link("/Applications", [new("Call", call.ToString()), new("Status", status?.ToString())]);

    public string ServicesLink(ServiceFunction f) => Paging.Link("/Statistics/Services", [new("year", ShownYear.ToString()), new("function", f.ToString())]);

    public string OverdueLink(ObligationKind k) => Paging.Link("/Statistics", [new("year", ShownYear.ToString()), new("kind", k.ToString())]) + "#overdue-list";

    public ChartData BasesChart()
    {
        var regions = Data.Bases.Select(b => (b.RegionCode, b.RegionName)).Distinct().ToList();
        var programmes = Data.Bases.Select(b => (b.ProgrammeId, b.ProgrammeTitle)).Distinct().ToList();
        return new ChartData("现有有效示范基地（个）", [.. regions.Select(r => r.RegionName)],
            [.. programmes.Select(p => new ChartSeries(p.ProgrammeTitle, [.. regions.Select(r =>
                Data.Bases.Where(b => b.RegionCode == r.RegionCode && b.ProgrammeId == p.ProgrammeId).Sum(b => b.Valid))]))], true);
    }

    public ChartData ApplicationsChart() => new("申报数（件）", [.. Data.Applications.Select(a => a.CallTitle)],
        [.. Stages.Where(s => Data.Applications.Any(a => a.ByStatus.ContainsKey(s)))
            .Select(s => new ChartSeries(ApplicationLabels.Of(s), [.. Data.Applications.Select(a => a.ByStatus.GetValueOrDefault(s))]))], true);

    public ChartData ServicesChart() => new("服务企业（家次）", [.. Data.Services.Select(s => ServiceFunctions.Label(s.Function))],
        [new ChartSeries("服务企业（家次）", [.. Data.Services.Select(s => s.EnterpriseVisits)]), new ChartSeries("服务活动（次）", [.. Data.Services.Select(s => s.Events)])], false);
}

public static class StatisticsYears
{
    /// <summary>The earliest year the dashboard offers (the product's records start no earlier).</summary>
    public const int First = 2000;
}
