using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

/// <summary>
/// An expert's own evaluation assignment: the conflict declaration first (only the base's and operator's names); after
/// declaring no conflict, the base's ledger figures for the round's year and the scoring form; after submitting, his marks.
/// </summary>
[Authorize(Roles = nameof(Role.Expert))]
[EvaluationScope(EvaluationScopeKind.Assignment)]
public sealed class AssignmentModel(ExemplarDbContext db, EvaluationTaskLoader loader, LedgerMetricsQuery metrics,
    EvaluationDeclareHandler declare, EvaluationScoreHandler submit) : PageModel, IFormPage
{
    public EvaluationTask Item { get; private set; } = null!;
    public string Carrier { get; private set; } = "";
    public string Operator { get; private set; } = "";
    public IReadOnlyList<VolumeRow> Volumes { get; private set; } = [];
    public (int Answers, int Satisfied) Satisfaction { get; private set; }
    public IReadOnlyDictionary<string, decimal?> MyMarks { get; private set; } = new Dictionary<string, decimal?>();

    [BindProperty] public uint Version { get; set; }
    [BindProperty, Display(Name = "是否存在利益冲突")] public bool? HasConflict { get; set; }
    [BindProperty, Display(Name = "利益冲突的情况")] public string? Reason { get; set; }
    [BindProperty, Display(Name = "评审意见")] public string? Opinion { get; set; }
    public Dictionary<string, decimal?> Scores { get; private set; } = [];
    public List<string> NotApplicable { get; private set; } = [];

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Item is null && Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) Item = (await loader.LoadAsync(id, User.UserId(), false, ct))!;
        var a = Item!.Assignment;
        var x = await (from d in db.Set<Designation>()
                       join c in db.Set<Carrier>() on d.CarrierId equals c.Id
                       join o in db.Set<Organization>() on c.OrganizationId equals o.Id
                       where d.Id == Item.Subject.DesignationId
                       select new { c.Id, c.Name, Operator = o.Name }).SingleAsync(ct);
        (Carrier, Operator) = (x.Name, x.Operator);
        if (a.State is AssignmentState.Cleared or AssignmentState.Submitted)
        {
            Volumes = await metrics.VolumesAsync(x.Id, Item.File.Round.Year, ct);
            var answers = await metrics.SatisfactionAsync(x.Id, Item.File.Round.Year, ct);
            Satisfaction = (answers.Count, answers.Count(s => s.Satisfied));
        }
        if (a.State == AssignmentState.Submitted) MyMarks = ApplicationJson.Read<Dictionary<string, decimal?>>(a.MarksJson);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var task = await loader.LoadAsync(id, User.UserId(), false, ct);
        if (task is null) return NotFound();
        Item = task;
        await LoadFormAsync(ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        Version = Item.Assignment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var result = await declare.HandleAsync(new EvaluationDeclareCommand(id, User.UserId(), Version, HasConflict, Reason), ct);
        return Outcome(result, HasConflict == true ? "已声明回避，该基地已由备选专家递补。" : "已声明无利益冲突，现在可以查看基地情况并评分。", id);
    }

    public async Task<IActionResult> OnPostScoreAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        NotApplicable = [.. Request.Form["NotApplicable"].OfType<string>()];
        RubricScoresForm.Read(Request.Form, Item.File.Rubric.Select(i => (i.Key, i.Label)), Scores, ModelState);
        if (!ModelState.IsValid) return Page();
        var result = await submit.HandleAsync(new EvaluationScoreCommand(id, User.UserId(), Version, Scores, NotApplicable, Opinion), ct);
        return Outcome(result, "评分已提交。", id);
    }

    private IActionResult Outcome(SaveResult result, string flash, Guid id)
    {
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect($"/Evaluations/Assignments/{id}");
    }
}
