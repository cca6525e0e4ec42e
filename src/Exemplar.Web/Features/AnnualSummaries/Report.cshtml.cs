using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>
/// One local annual report: its author fills a finding per check item for each base of the area (the bases' submitted
/// summaries linked), the report text and, where the text asks, 当年工作计划, with the area's totals; submitting freezes it.
/// Officers whose jurisdiction covers the author's read submitted reports; anything else is not found.
/// </summary>
[FilingScope(true)]
[Authorize(Roles = "CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer,Administrator")]
public sealed class ReportModel(ExemplarDbContext db, ReportScope scope, FilingRules rules, AreaTotalsQuery totals, JurisdictionTreeCache trees,
    SaveReportHandler save, TimeProvider clock) : PageModel, IFormPage
{
    [BindProperty] [Display(Name = "版本")] public uint RowVersion { get; set; }
    [BindProperty(Name = "Findings")] [Display(Name = "检查情况")] public Dictionary<string, string?> Findings { get; set; } = [];
    [BindProperty] [Display(Name = "检查情况报告")] public string? Narrative { get; set; }
    [BindProperty] [Display(Name = "当年工作计划")] public string? WorkPlan { get; set; }

    public AnnualReport Report { get; private set; } = null!;
    public FilingRule Rule { get; private set; } = null!;
    public IReadOnlyList<string> Items { get; private set; } = [];
    public IReadOnlyList<AreaBase> Bases { get; private set; } = [];
    public IReadOnlyList<BaseCheck> Checks { get; private set; } = [];
    public AreaTotals Totals { get; private set; } = null!;
    public string Authority { get; private set; } = "";
    public bool IsAuthor { get; private set; }
    public bool MayEdit => IsAuthor && Report.Status == FilingStatus.Draft;
    public DateOnly Today { get; private set; }

    private ReportingOfficer Officer => new(User.Role(), User.JurisdictionCode(), User.FindFirstValue(ClaimTypes.Name) ?? "?");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        RowVersion = Report.Version;
        Narrative = Report.Narrative;
        WorkPlan = Report.WorkPlan;
        Findings = Checks.SelectMany(c => c.Findings.Select((f, i) => (Key: SaveReportHandler.Key(c.DesignationId, Items.ToList().IndexOf(f.Item)), f.Finding)))
            .Where(x => !x.Key.EndsWith(":-1", StringComparison.Ordinal)).ToDictionary(x => x.Key, x => (string?)x.Finding);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => SaveAsync(id, false, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => SaveAsync(id, true, ct);

    private async Task<IActionResult> SaveAsync(Guid id, bool submit, CancellationToken ct)
    {
        if (User.Role() is not (Role.CountyOfficer or Role.PrefectureOfficer or Role.ZoneOfficer)) return Forbid();
        var result = await save.HandleAsync(new SaveReportCommand(id, RowVersion, Findings, Narrative, WorkPlan, submit, Officer), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (f, ms) in result.Errors) foreach (var m in ms) ModelState.AddModelError(f, m);
            if (!await LoadAsync(id, ct)) return NotFound();
            return Page();
        }
        TempData["Flash"] = submit ? "年度报告已提交。" : "草稿已保存。";
        return Redirect($"/AnnualReports/{id}");
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var report = await db.Set<AnnualReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return false;
        var tree = await trees.GetAsync(ct);
        IsAuthor = User.Role() is Role.CountyOfficer or Role.PrefectureOfficer or Role.ZoneOfficer && User.JurisdictionCode() == report.JurisdictionCode;
        var reader = report.Status == FilingStatus.Submitted && JurisdictionScope.For(User, tree).Covers(report.JurisdictionCode);
        if (!IsAuthor && !reader) return false;
        if (rules.ReportRule(report.ProgrammeId, Today) is not { } rule) return false;
        (Report, Rule, Items, Authority) = (report, rule, rule.Policy.Management.LocalChecks!.Items, tree.FullName(report.JurisdictionCode));
        Checks = ApplicationJson.Read<List<BaseCheck>>(report.ChecksJson);
        if (report.Status == FilingStatus.Submitted)
        {
            Totals = ApplicationJson.ReadRecord<AreaTotals>(report.TotalsJson!);
            Bases = [.. Checks.Select(c => new AreaBase(c.DesignationId, c.CarrierId, c.BaseName, "", c.SummaryId, null))];
        }
        else
        {
            Bases = await scope.AreaBasesAsync(report.ProgrammeId, report.JurisdictionCode, report.Year, ct);
            Totals = await totals.ForAsync(report.ProgrammeId, tree.SubtreeCodes(report.JurisdictionCode), report.Year, ct);
        }
        return true;
    }

    public string? FindingOf(Guid designationId, int item) =>
        Checks.FirstOrDefault(c => c.DesignationId == designationId)?.Findings.ElementAtOrDefault(item)?.Finding;

    public static string Percent(decimal? p) => p is { } v ? $"{v}%" : "—（无数据）";
}
