using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
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
/// One version of a base's summary. The operator fills a draft (narrative, 当年工作计划 where the text asks for it) beside
/// the ledger's figures and submits it; a submitted version shows its frozen figures and may be revised into a new
/// version. Officers whose jurisdiction covers the base read submitted versions only; anything else is not found.
/// </summary>
[FilingScope(false)]
[Authorize(Roles = LedgerRoles.Viewers)]
public sealed class SummaryModel(ExemplarDbContext db, FilingRules rules, JurisdictionTreeCache trees, SummaryFiguresQuery figures,
    SaveSummaryHandler save, ReviseSummaryHandler revise, TimeProvider clock) : PageModel, IFormPage
{
    [BindProperty] [Display(Name = "版本")] public uint RowVersion { get; set; }
    [BindProperty] [Display(Name = "工作总结")] public string? Narrative { get; set; }
    [BindProperty] [Display(Name = "当年工作计划")] public string? WorkPlan { get; set; }

    public AnnualSummary Summary { get; private set; } = null!;
    public Carrier Carrier { get; private set; } = null!;
    public FilingRule? Rule { get; private set; }
    public SummaryFigures Figures { get; private set; } = null!;
    public IReadOnlyList<AnnualSummary> Versions { get; private set; } = [];
    public bool IsOwner { get; private set; }
    public bool MayEdit => IsOwner && Summary.Status == FilingStatus.Draft;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (RowVersion, Narrative, WorkPlan) = (Summary.Version, Summary.Narrative, Summary.WorkPlan);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    public async Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken ct)
    {
        if (User.Role() != Role.Applicant) return Forbid();
        var result = await revise.HandleAsync(new ReviseSummaryCommand(id, User.OrganizationId()), ct);
        return await OutcomeAsync(id, result, "已另起新版本，原提交版本保持不变。", ct);
    }

    private async Task<IActionResult> SaveAsync(Guid id, bool submit, CancellationToken ct)
    {
        if (User.Role() != Role.Applicant) return Forbid();
        var result = await save.HandleAsync(new SaveSummaryCommand(id, RowVersion, Narrative, WorkPlan, submit, User.OrganizationId(),
            User.FindFirstValue(ClaimTypes.Name) ?? "?"), ct);
        return await OutcomeAsync(id, result, submit ? "年度工作总结已提交。" : "草稿已保存。", ct);
    }

    private async Task<IActionResult> OutcomeAsync(Guid id, SaveResult result, string flash, CancellationToken ct)
    {
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (f, ms) in result.Errors) foreach (var m in ms) ModelState.AddModelError(f, m);
            if (!await LoadAsync(id, ct)) return NotFound();
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect($"/AnnualSummaries/{result.Id}");
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var row = await (from s in db.Set<AnnualSummary>().AsNoTracking() join c in db.Set<Carrier>().AsNoTracking() on s.CarrierId equals c.Id
                         where s.Id == id select new { s, c }).FirstOrDefaultAsync(ct);
        if (row is null) return false;
        var access = CarrierAccess.For(User, row.c, await trees.GetAsync(ct));
        IsOwner = access.CanWrite;
        // Officers read what was filed, never a draft.
        if (!access.CanRead || (!IsOwner && row.s.Status != FilingStatus.Submitted)) return false;
        (Summary, Carrier) = (row.s, row.c);
        var designation = await db.Set<Designation>().AsNoTracking().FirstAsync(d => d.Id == Summary.DesignationId, ct);
        Rule = rules.SummaryRule(designation);
        Figures = Summary.FiguresJson is { } json ? ApplicationJson.ReadRecord<SummaryFigures>(json) : await figures.ForAsync(Carrier, Summary.Year, ct);
        Versions = await db.Set<AnnualSummary>().AsNoTracking().Where(s => s.DesignationId == Summary.DesignationId && s.Year == Summary.Year
            && (IsOwner || s.Status == FilingStatus.Submitted)).OrderBy(s => s.Number).ToListAsync(ct);
        return true;
    }

    /// <summary>The ledger entries behind a figure (the metrics drill-down; officers in scope may open it too).</summary>
    public string EntriesLink(Exemplar.Domain.Ledger.ServiceFunction? f, Exemplar.Domain.Ledger.Measure m) =>
        Paging.Link($"/Base/{Carrier.Id}/Metrics/{Summary.Year}/Entries", [new("Function", f?.ToString()), new("Measure", m.ToString())]);

    public static string Percent(decimal? p) => p is { } v ? $"{v}%" : "—（无数据）";
}
