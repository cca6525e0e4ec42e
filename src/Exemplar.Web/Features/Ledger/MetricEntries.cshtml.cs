using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger;

/// <summary>Drill-down: the ledger entries (and enterprises) behind one metric number.</summary>
public sealed class MetricEntriesModel(ExemplarDbContext db, LedgerMetricsQuery query) : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] [Display(Name = "年度")] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "服务功能")] public ServiceFunction? Function { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "指标")] public Measure Measure { get; set; } = Measure.EnterpriseVisits;
    public IReadOnlyList<LedgerEntry> Entries { get; private set; } = [];
    public IReadOnlyList<(string Name, int Visits)> Enterprises { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year is < 2000 or > 2100 || !Enum.IsDefined(Measure)) return NotFound();
        var facts = await query.EntriesAsync(Carrier.Id, new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31), Function, ct);
        var behind = LedgerMetrics.Behind(facts, Function, Measure, Year);
        Total = Measure switch
        {
            Measure.EnterpriseVisits => behind.Sum(e => e.Participants.Count),
            Measure.EnterprisesServed => behind.SelectMany(e => e.Participants).Select(p => p.Key).Distinct().Count(),
            Measure.PersonTimes => behind.Sum(e => e.PersonCount),
            _ => behind.Count,
        };
        Enterprises = behind.SelectMany(e => e.Participants).GroupBy(p => p.Key).Select(g => (g.First().Name, g.Count())).OrderBy(x => x.Item1).ToList();
        var ids = behind.Select(e => e.Id).ToList();
        Entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(ct);
        Names = await db.Set<ResidentEnterprise>().AsNoTracking().Where(r => r.CarrierId == Carrier.Id).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return Page();
    }

    public string MeasureLabel => Measure switch
    {
        Measure.EnterpriseVisits => "服务企业（家次）", Measure.EnterprisesServed => "服务企业（家）", Measure.Events => "服务活动（次）",
        Measure.PersonTimes => "人次", _ => Measure.ToString(),
    };

    public string Participants(LedgerEntry e) => string.Join("、", e.ResidentIds.Select(i => Names.GetValueOrDefault(i, "（已删除企业）")).Concat(e.OtherNames));
}
