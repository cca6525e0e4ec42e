using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger;

public sealed class MetricsModel(LedgerMetricsQuery query, LedgerAnomaliesQuery anomalies, CarrierProgramme programmes, Confirmations.ConfirmationQuery confirmations,
    ExemplarDbContext db) : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] [Display(Name = "年度")] public int Year { get; set; }
    public IReadOnlyList<VolumeRow> Volumes { get; private set; } = [];
    public FeeShare Share { get; private set; } = new(0, 0);
    public SatisfactionRate Satisfaction { get; private set; } = new(0, 0);
    public ResidentSnapshot Residents { get; private set; } = null!;
    public (int SmallMicro, int Employees, int Innovation) ThisYear { get; private set; }
    public (int SmallMicro, int Employees, int Innovation) LastYear { get; private set; }
    public StaffRatio Staff { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<Anomaly> Anomalies { get; private set; } = [];
    /// <summary>入驻企业确认: per function with resident 家次 recorded, the confirmed share and the disputes.</summary>
    public IReadOnlyList<Confirmations.ConfirmationShare> Confirmed { get; private set; } = [];
    public IReadOnlyDictionary<string, Fact> Profile { get; private set; } = new Dictionary<string, Fact>();
    /// <summary>The applicable programme's service functions with their thresholds; null when no programme applies.</summary>
    public ProgrammeTargets? Targets { get; private set; }
    /// <summary>The rows shown: the programme's functions when one applies, else every function with a figure.</summary>
    public IReadOnlyList<VolumeRow> Shown { get; private set; } = [];
    public bool HasNextYear => Year < Today.Year;
    public bool HasPreviousYear => Year > Math.Max(2000, Carrier.EstablishedOn.Year);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Only years that have begun have figures.
        if (Year < 2000 || Year > Today.Year) return NotFound();
        // One snapshot for every figure on the page, and no JIT: each statement reads one carrier's year (50,000 entries
        // for a large base) but is planned for ten elements per unnested array, so PostgreSQL would spend longer
        // compiling it than running it (bench/RESULTS.md (c)); sorts and hashes of a year fit in 16 MB.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off; SET LOCAL work_mem = '16MB'", ct);
            await LoadAsync(ct);
            await snapshot.CommitAsync(ct);
        });
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Volumes = await query.VolumesAsync(Carrier.Id, Year, ct);
        Targets = await programmes.TargetsAsync(Carrier, Volumes, ct);
        Shown = Targets is { } t
            ? t.Functions.Select(f => Volumes.First(v => v.Function == f.Function)).ToList()
            : Volumes.Where(v => v.EnterpriseVisits > 0 || v.Events > 0).ToList();
        // The registers only: the entries' figures come from SQL (a year of a large ledger is 50,000+ entries).
        var records = await query.RegistersAsync(Carrier, Year, ct);
        var figures = await query.YearFiguresAsync(Carrier.Id, Year, Volumes, ct);
        Share = figures.Share;
        Satisfaction = LedgerMetrics.Satisfaction(records.Satisfaction);
        Residents = LedgerMetrics.Residents(records.Residents, new DateOnly(Year, 12, 31));
        ThisYear = LedgerMetrics.YearEnd(records.Residents, Year);
        LastYear = LedgerMetrics.YearEnd(records.Residents, Year - 1);
        Staff = LedgerMetrics.Staff(records.Staff, QualificationRule.Kunming);
        Confirmed = [.. (await confirmations.SharesAsync(Carrier.Id, Year, ct)).Where(c => c.Recorded > 0)];
        var disputes = Confirmations.ConfirmationQuery.Facts(await confirmations.DisputesAsync(Carrier.Id, Year, ct));
        Anomalies = LedgerAnomalies.BySeverityThenDate([
            .. await anomalies.FindAsync(Carrier.Id, new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31), records.Residents, ct),
            .. LedgerAnomalies.Disputes(disputes)]);
        Profile = LedgerProfile.Facts(records, figures, Year);
    }

    public FunctionTarget? TargetOf(ServiceFunction f) => Targets?.Functions.FirstOrDefault(x => x.Function == f);

    public string Drill(ServiceFunction? f, Measure m) => Paging.Link($"{BaseUrl}/Metrics/{Year}/Entries", [new("Function", f?.ToString()), new("Measure", m.ToString())]);

    public static string Growth(decimal prev, decimal cur) => LedgerMetrics.Growth(prev, cur) is { } g ? $"{g}%" : "—（上年为0）";

    public static string Show(Fact f) => f.Value switch
    {
        IReadOnlyList<YearValue> s => string.Join("；", s.Select(v => $"{v.Year}年 {v.Value}")),
        IReadOnlyList<DivisionCount> c => string.Join("；", c.Select(v => $"注册地 {v.Division}：{v.Count} 家")),
        DateOnly d => Infrastructure.ChinaTime.Format(d),
        bool b => b ? "是" : "否",
        _ => f.Value.ToString() ?? "",
    };
}
