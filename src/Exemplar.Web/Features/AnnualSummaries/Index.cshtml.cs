using System.ComponentModel.DataAnnotations;
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

/// <summary>One base and year: what is due, by when, to whom, and where it stands.</summary>
public sealed record SummaryRow(Guid DesignationId, string BaseName, string JurisdictionName, int Year, DateOnly DueDate, string SubmitTo, string Citation,
    AnnualSummary? Latest, AnnualSummary? FirstSubmitted);

/// <summary>
/// 年度工作总结: the operator sees its designated bases' summaries for last year and this year and starts or opens them;
/// officers see the summaries of bases in their jurisdiction (submitted ones open; the others say whether overdue).
/// </summary>
[Authorize(Roles = LedgerRoles.Viewers)]
public sealed class IndexModel(ExemplarDbContext db, FilingRules rules, JurisdictionTreeCache trees, StartSummaryHandler start, TimeProvider clock) : PageModel
{
    [BindProperty] [Display(Name = "认定")] public Guid DesignationId { get; set; }
    [BindProperty] [Display(Name = "年度")] public int Year { get; set; }

    public IReadOnlyList<SummaryRow> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsOperator => User.Role() == Role.Applicant;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsOperator) return Forbid();
        var result = await start.HandleAsync(new StartSummaryCommand(DesignationId, Year, User.OrganizationId()), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (f, ms) in result.Errors) foreach (var m in ms) ModelState.AddModelError(f, m);
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/AnnualSummaries/{result.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var tree = await trees.GetAsync(ct);
        var carriers = CarrierAccess.Visible(db.Set<Carrier>().AsNoTracking(), User, tree);
        var list = await (from d in db.Set<Designation>().AsNoTracking() join c in carriers on d.CarrierId equals c.Id
                          orderby c.Name select new { d, c.Name, c.JurisdictionCode }).ToListAsync(ct);
        var ids = list.Select(x => x.d.Id).ToList();
        var window = FilingRules.Window(Today);
        var summaries = (await db.Set<AnnualSummary>().AsNoTracking().Where(s => ids.Contains(s.DesignationId) && s.Year >= window.From).ToListAsync(ct))
            .ToLookup(s => (s.DesignationId, s.Year));
        var rows = new List<SummaryRow>();
        foreach (var x in list)
        {
            if (rules.SummaryRule(x.d) is not { } rule) continue;
            foreach (var year in window.Years().Reverse().Where(y => FilingRules.Owes(x.d, y)))
            {
                var versions = summaries[(x.d.Id, year)].ToList();
                rows.Add(new SummaryRow(x.d.Id, x.Name, tree.FullName(x.JurisdictionCode), year, rule.DueFor(year), rule.Deadline.SubmitTo, rule.Citation,
                    versions.MaxBy(s => s.Number), versions.Where(s => s.Status == FilingStatus.Submitted).MinBy(s => s.SubmittedAt)));
            }
        }
        Rows = rows;
    }

    public string StatusText(SummaryRow r) => r.FirstSubmitted is { } f
        ? (f.DaysLate > 0 ? $"已提交（逾期{f.DaysLate}天）" : "已按期提交")
        : Today > r.DueDate ? $"未提交，已逾期{Today.DayNumber - r.DueDate.DayNumber}天"
        : r.Latest is not null ? "草稿" : "未开始";
}
