using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>A report the officer owes: programme and year, with the report once started.</summary>
public sealed record OwedReport(PolicyVersion Policy, int Year, DateOnly DueDate, string SubmitTo, string Citation, AnnualReport? Report);

/// <summary>
/// 年度报告: the local officer whose role the policy's <c>localChecks.roles</c> names starts or opens the report of each
/// programme and year; designating officers and administrators list the submitted reports of their jurisdiction.
/// </summary>
[Authorize(Roles = "CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer,Administrator")]
public sealed class ReportsModel(ExemplarDbContext db, ReportScope scope, FilingRules rules, JurisdictionTreeCache trees, StartReportHandler start,
    TimeProvider clock) : PageModel
{
    [BindProperty] [Display(Name = "项目")] public string? ProgrammeId { get; set; }
    [BindProperty] [Display(Name = "年度")] public int Year { get; set; }

    public IReadOnlyList<OwedReport> Owed { get; private set; } = [];
    public IReadOnlyList<(AnnualReport Report, string Authority, string Programme)> Submitted { get; private set; } = [];
    public bool IsLocal => User.Role() is Role.CountyOfficer or Role.PrefectureOfficer or Role.ZoneOfficer;
    public DateOnly Today { get; private set; }

    private ReportingOfficer Officer => new(User.Role(), User.JurisdictionCode(), User.FindFirstValue(ClaimTypes.Name) ?? "?");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsLocal) return Forbid();
        var result = await start.HandleAsync(new StartReportCommand(ProgrammeId, Year, Officer), ct);
        if (!result.Ok)
        {
            foreach (var (f, ms) in result.Errors) foreach (var m in ms) ModelState.AddModelError(f, m);
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/AnnualReports/{result.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var tree = await trees.GetAsync(ct);
        if (IsLocal)
        {
            var mine = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.JurisdictionCode == Officer.JurisdictionCode).ToListAsync(ct);
            Owed = [.. (await scope.ProgrammesForAsync(Officer, Today, ct)).SelectMany(p => FilingRules.Window(Today).Years().Reverse().Select(y =>
            {
                var rule = rules.ReportRule(p.Id, Today)!;
                return new OwedReport(p, y, rule.DueFor(y), rule.Deadline.SubmitTo, rule.Citation, mine.FirstOrDefault(r => r.ProgrammeId == p.Id && r.Year == y));
            }))];
        }
        var all = JurisdictionScope.For(User, tree);
        var codes = all.CoveredCodes.ToList();
        var submitted = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => r.Status == FilingStatus.Submitted && (all.All || codes.Contains(r.JurisdictionCode)))
            .OrderByDescending(r => r.Year).ThenBy(r => r.JurisdictionCode).ToListAsync(ct);
        var titles = rules.ReportingProgrammes(Today).ToDictionary(p => p.Id, p => p.Title);
        Submitted = [.. submitted.Select(r => (r, tree.FullName(r.JurisdictionCode), titles.GetValueOrDefault(r.ProgrammeId, r.ProgrammeId)))];
    }

    public string StatusText(OwedReport o) => o.Report is { Status: FilingStatus.Submitted } r
        ? (r.DaysLate > 0 ? $"已提交（逾期{r.DaysLate}天）" : "已按期提交")
        : Today > o.DueDate ? $"未提交，已逾期{Today.DayNumber - o.DueDate.DayNumber}天" : o.Report is not null ? "草稿" : "未开始";
}
