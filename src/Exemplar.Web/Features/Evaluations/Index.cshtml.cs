using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

/// <summary>
/// 测评: the designating authority's rounds and the form to open one; an expert's evaluation assignments; a base's
/// confirmed results (only after confirmation).
/// </summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator) + "," + nameof(Role.Expert) + "," + nameof(Role.Applicant))]
[EvaluationScope(EvaluationScopeKind.List)]
public sealed class IndexModel(ExemplarDbContext db, DesignationScope scope, ProgrammePolicies policies, EvaluationQueries queries,
    OpenRoundHandler open, TimeProvider clock) : PageModel, IFormPage
{
    public sealed record RoundLine(EvaluationRound Round, string Programme, int Bases, int Confirmed);
    public sealed record TaskLine(EvaluationAssignment Assignment, string Round, string Carrier, DateOnly Deadline);

    public IReadOnlyList<RoundLine> Rounds { get; private set; } = [];
    public IReadOnlyList<PolicyVersion> Programmes { get; private set; } = [];
    public IReadOnlyList<TaskLine> Tasks { get; private set; } = [];
    public IReadOnlyList<BaseResult> Results { get; private set; } = [];
    public Role? ViewerRole { get; private set; }

    [BindProperty, Display(Name = "称号")] public string? ProgrammeId { get; set; }
    [BindProperty, Display(Name = "年度")] public int? Year { get; set; }

    public string ProgrammeTitle(string id) => policies.VersionsOf(id).FirstOrDefault()?.Title ?? id;

    public PolicyVersion? Policy(EvaluationRound r) => policies.VersionsOf(r.ProgrammeId).FirstOrDefault(p => p.Version == r.PolicyVersion);

    public async Task LoadFormAsync(CancellationToken ct)
    {
        ViewerRole = User.Role();
        if (ViewerRole is Infrastructure.Security.Role.DesignatingOfficer or Infrastructure.Security.Role.Administrator)
        {
            var own = ViewerRole == Infrastructure.Security.Role.DesignatingOfficer ? User.JurisdictionCode() : null;
            var rounds = await db.Set<EvaluationRound>().AsNoTracking().Where(r => own == null || r.JurisdictionCode == own)
                .OrderByDescending(r => r.Year).ThenByDescending(r => r.CreatedAt).ToListAsync(ct);
            var ids = rounds.Select(r => r.Id).ToList();
            var counts = await db.Set<EvaluationSubject>().Where(s => ids.Contains(s.RoundId)).GroupBy(s => s.RoundId)
                .Select(g => new { g.Key, Bases = g.Count(), Confirmed = g.Count(s => s.ConfirmedAt != null) }).ToDictionaryAsync(x => x.Key, ct);
            Rounds = [.. rounds.Select(r => new RoundLine(r, ProgrammeTitle(r.ProgrammeId), counts.GetValueOrDefault(r.Id)?.Bases ?? 0, counts.GetValueOrDefault(r.Id)?.Confirmed ?? 0))];
            if (ViewerRole == Infrastructure.Security.Role.DesignatingOfficer)
                Programmes = [.. (await scope.ProgrammesAsync(User, ct)).Where(p => p.Region == own && p.Policy.Management.Evaluation is not null).Select(p => p.Policy)];
        }
        else if (ViewerRole == Infrastructure.Security.Role.Expert && User.UserId() is { } uid)
        {
            Tasks = [.. (await (from a in db.Set<EvaluationAssignment>()
                               join e in db.Set<Expert>() on a.ExpertId equals e.Id
                               join r in db.Set<EvaluationRound>() on a.RoundId equals r.Id
                               join s in db.Set<EvaluationSubject>() on a.SubjectId equals s.Id
                               join d in db.Set<Designation>() on s.DesignationId equals d.Id
                               join c in db.Set<Carrier>() on d.CarrierId equals c.Id
                               where e.UserId == uid && a.State != AssignmentState.Reserve
                               orderby r.ScoringDeadline, c.Name
                               select new { a, r.Name, Carrier = c.Name, r.ScoringDeadline }).AsNoTracking().ToListAsync(ct))
                .Select(x => new TaskLine(x.a, x.Name, x.Carrier, x.ScoringDeadline))];
        }
        else if (User.OrganizationId() is { } org)
        {
            Results = await queries.OfOrganizationAsync(org, ct);
        }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadFormAsync(ct);
        Year ??= ChinaTime.Today(clock).Year;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Role() != Infrastructure.Security.Role.DesignatingOfficer) return Forbid();
        await LoadFormAsync(ct);
        var result = await open.HandleAsync(new OpenRoundCommand(User, ProgrammeId, Year), ct);
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = "已开展测评。请先设定评分细则、分数线" + "，再抽取专家开始评分。";
        return Redirect($"/Evaluations/Rounds/{result.Id}");
    }
}
