using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Statistics;

/// <summary>The list behind a function's area total: each base's figures of the year, linking to the base's entries.</summary>
[Authorize(Roles = StatisticsScope.Roles)]
public sealed class ServicesModel(StatisticsQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] [Display(Name = "统计年度")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "function")] [Display(Name = "服务功能")] public ServiceFunction? Function { get; set; }

    public int ShownYear { get; private set; }
    public string AreaName { get; private set; } = "";
    public IReadOnlyList<BaseVolume> Rows { get; private set; } = [];
    public FunctionVolume? Total { get; private set; }
    public StatisticsScope Scope { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ShownYear = Year ?? query.Today.Year;
        if (ShownYear < StatisticsYears.First || ShownYear > query.Today.Year || Function is not { } f || !Enum.IsDefined(f)) return NotFound();
        Scope = await query.ScopeAsync(User, ct);
        AreaName = Scope.AreaName;
        Rows = [.. (await query.VolumesAsync(Scope, ShownYear, ct)).Where(v => v.Function == f).OrderByDescending(v => v.EnterpriseVisits).ThenBy(v => v.CarrierName, StringComparer.Ordinal)];
        Total = StatisticsQuery.Totals(Rows).FirstOrDefault();
        return Page();
    }

    public string EntriesLink(BaseVolume v, string measure) =>
        Paging.Link($"/Base/{v.CarrierId}/Metrics/{ShownYear}/Entries", [new("Function", v.Function.ToString()), new("Measure", measure)]);
}
