using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>
/// An expert's own assignment: the conflict declaration first (only the names of the base and the applicant are shown);
/// after declaring no conflict, the frozen application (the version drawn) and the scoring form; after submitting, his
/// marks and — only then — the other experts' submitted totals for the application. Anyone else's assignment: 404.
/// </summary>
[Authorize(Roles = nameof(Role.Expert))]
[ReviewScope(ReviewScopeKind.Assignment)]
public sealed class AssignmentModel(ExemplarDbContext db, AssignmentLoader loader, DeclareHandler declare, SubmitScoresHandler submit) : PageModel, IFormPage
{
    public AssignmentFile Item { get; private set; } = null!;
    private bool _loaded;
    public string Carrier { get; private set; } = "";
    public string Applicant { get; private set; } = "";
    public ReportData? Report { get; private set; }
    public string? PackageHash { get; private set; }
    public IReadOnlyDictionary<string, decimal?> MyMarks { get; private set; } = new Dictionary<string, decimal?>();
    public IReadOnlyList<(string Expert, decimal Total)> Others { get; private set; } = [];

    [BindProperty] public uint Version { get; set; }
    [BindProperty, Display(Name = "是否存在利益冲突")] public bool? HasConflict { get; set; }
    [BindProperty, Display(Name = "利益冲突的情况")] public string? Reason { get; set; }
    /// <summary>Read from the form by the score handler (a dictionary bound by MVC would take every field of any form).</summary>
    public Dictionary<string, decimal?> Scores { get; private set; } = [];
    public List<string> NotApplicable { get; private set; } = [];
    [BindProperty, Display(Name = "评审意见")] public string? Opinion { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        // A refused post (values that did not bind) comes here without the handler having loaded the assignment.
        if (!_loaded && Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) Item = (await loader.LoadAsync(id, User.UserId(), tracked: false, ct))!;
        _loaded = true;
        var a = Item.Assignment;
        var app = await db.Set<Application>().AsNoTracking().SingleAsync(x => x.Id == a.ApplicationId, ct);
        Carrier = await db.Set<Carrier>().Where(c => c.Id == app.CarrierId).Select(c => c.Name).SingleAsync(ct);
        Applicant = await db.Set<Organization>().Where(o => o.Id == app.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        // Content only to an expert who declared no conflict (and kept after he submitted).
        if (a.State is AssignmentState.Cleared or AssignmentState.Submitted)
        {
            var v = await db.Set<ApplicationVersion>().AsNoTracking().SingleAsync(x => x.ApplicationId == a.ApplicationId && x.Number == a.ApplicationVersion, ct);
            using var doc = System.Text.Json.JsonDocument.Parse(v.SnapshotJson!);
            Report = ApplicationJson.ReadRecord<ReportData>(doc.RootElement.GetProperty("report").GetRawText());
            PackageHash = v.PackageHash;
        }
        if (a.State == AssignmentState.Submitted)
        {
            MyMarks = ApplicationJson.Read<Dictionary<string, decimal?>>(a.MarksJson);
            Others = await (from x in db.Set<ReviewAssignment>().AsNoTracking()
                            join e in db.Set<Expert>().AsNoTracking() on x.ExpertId equals e.Id
                            where x.ReviewId == a.ReviewId && x.ApplicationId == a.ApplicationId && x.Id != a.Id && x.State == AssignmentState.Submitted
                            orderby x.SubmittedAt
                            select new { e.Name, x.Total }).Select(x => new ValueTuple<string, decimal>(x.Name, x.Total!.Value)).ToListAsync(ct);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var file = await loader.LoadAsync(id, User.UserId(), tracked: false, ct);
        if (file is null) return NotFound();
        Item = file;
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
        var result = await declare.HandleAsync(new DeclareCommand(id, User.UserId(), Version, HasConflict, Reason), ct);
        return Outcome(result, HasConflict == true ? "已声明回避，该申报已由备选专家递补，您将不再参与该申报的评审。" : "已声明无利益冲突，现在可以查看申报内容并评分。", id);
    }

    public async Task<IActionResult> OnPostScoreAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        NotApplicable = [.. Request.Form["NotApplicable"].OfType<string>()];
        RubricScoresForm.Read(Request.Form, Item.Review.Rubric.Select(i => (i.Key, i.Label)), Scores, ModelState);
        if (!ModelState.IsValid) return Page();
        var result = await submit.HandleAsync(new SubmitScoresCommand(id, User.UserId(), Version, Scores, NotApplicable, Opinion), ct);
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
        return Redirect($"/Reviews/Assignments/{id}");
    }
}
