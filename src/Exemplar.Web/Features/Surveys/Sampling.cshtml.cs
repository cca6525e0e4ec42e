using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Surveys;

/// <summary>
/// The authority's satisfaction sampling of a carrier. Officers whose jurisdiction covers the carrier draw samples and
/// see all of them; administrators read all. The operator sees only completed samples, and only their aggregate
/// (date, share, size, rate) — never which enterprises were drawn or what each said, so it can neither prepare the
/// sampled enterprises beforehand nor single out those who complained.
/// </summary>
[CarrierScope(OfficersPost = true)]
public sealed class SamplingModel(ExemplarDbContext db, DrawSampleHandler handler, LedgerMetricsQuery metrics, TimeProvider clock) : CarrierPageModel, IFormPage
{
    [BindProperty] [Display(Name = "抽查年度")] public int Year { get; set; }
    [BindProperty] [Display(Name = "抽查比例")] public decimal SharePercent { get; set; } = DrawSampleHandler.DefaultSharePercent;
    [BindProperty] [Display(Name = "确认再次抽取")] public bool ConfirmRedraw { get; set; }
    [BindProperty] [Display(Name = "再次抽取的原因")] public string? RedrawReason { get; set; }
    /// <summary>The years that already have a sample (a new draw for one of them needs a confirmation and a reason).</summary>
    public IReadOnlyList<int> SampledYears => Samples.Select(s => s.Sample.Year).Distinct().Order().ToList();

    public IReadOnlyList<SampleSummary> Samples { get; private set; } = [];
    public IReadOnlyDictionary<int, SatisfactionRate> OperatorRates { get; private set; } = new Dictionary<int, SatisfactionRate>();
    public int PopulationNow { get; private set; }
    public bool IsOperatorView => !Access.IsOfficerInScope && Access.CanWrite;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Year == 0) Year = MetricsYear;
        Samples = await SamplingQuery.ForCarrierAsync(db, Carrier.Id, completedOnly: IsOperatorView, ct);
        var rates = new Dictionary<int, SatisfactionRate>();
        foreach (var y in Samples.Select(s => s.Sample.Year).Append(Year).Distinct())
            rates[y] = LedgerMetrics.Satisfaction(await metrics.SatisfactionAsync(Carrier.Id, y, ct));
        OperatorRates = rates;
        PopulationNow = await DrawSampleHandler.Population(db, Carrier.Id, ChinaTime.Today(clock)).CountAsync(ct);
    }

    public Task LoadFormAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new DrawSampleCommand(Carrier.Id, Year, SharePercent, User.FindFirstValue(ClaimTypes.Name) ?? "?", ConfirmRedraw, RedrawReason), ct);
        if (!result.Ok) { AddErrors(result.Errors); await OnGetAsync(ct); return Page(); }
        TempData["Flash"] = "已抽取样本，随机种子和总体名单已记录。";
        return Redirect($"{BaseUrl}/Sampling/{result.Id}");
    }

    public int ExpectedSize => SurveySampler.SizeFor(PopulationNow, SharePercent);
}
