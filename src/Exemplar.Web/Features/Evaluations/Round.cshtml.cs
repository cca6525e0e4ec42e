using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Evaluation;
using Exemplar.Domain.Review;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

/// <summary>
/// A round: its settings (panel, rubric, cut-offs, star scale, tiers, participation) while preparing; the draw that opens
/// scoring and freezes them; then each base's panel progress, score, proposed grade and the confirmation of its outcome.
/// </summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[EvaluationScope(EvaluationScopeKind.Round)]
public sealed class RoundModel(ExemplarDbContext db, RoundLoader loader, EvaluationQueries queries, SaveRoundSettingsHandler settings,
    OpenScoringHandler openScoring, ConfirmOutcomeHandler confirm) : PageModel, IFormPage
{
    public const int RubricRows = 8;
    public const int TierRows = 3;

    public RoundFile Item { get; private set; } = null!;
    public bool MayRun { get; private set; }
    public IReadOnlyList<SubjectRow> Subjects { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> ExpertNames { get; private set; } = new Dictionary<Guid, string>();
    public ILookup<Guid, EvaluationAssignment> Panels { get; private set; } = Array.Empty<EvaluationAssignment>().ToLookup(a => a.SubjectId);
    public int EligiblePool { get; private set; }

    [BindProperty] public uint Version { get; set; }
    [BindProperty, Display(Name = "每个基地的评审专家人数")] public int? PanelSize { get; set; }
    [BindProperty, Display(Name = "备选专家人数")] public int? ReserveCount { get; set; }
    [BindProperty, Display(Name = "同县回避")] public bool ExcludeSameCounty { get; set; }
    [BindProperty, Display(Name = "评分截止日期")] public DateOnly? ScoringDeadline { get; set; }
    [BindProperty, Display(Name = "评分项名称")] public List<string?> RubricLabel { get; set; } = [];
    [BindProperty, Display(Name = "评分项满分")] public List<decimal?> RubricMax { get; set; } = [];
    [BindProperty, Display(Name = "评分项权重")] public List<decimal?> RubricWeight { get; set; } = [];
    [BindProperty, Display(Name = "分数线")] public List<decimal?> Cutoffs { get; set; } = [];
    [BindProperty, Display(Name = "星级分数线")] public List<decimal?> Stars { get; set; } = [];
    [BindProperty, Display(Name = "档次名称")] public List<string?> TierName { get; set; } = [];
    [BindProperty, Display(Name = "档次起始分数")] public List<decimal?> TierMin { get; set; } = [];
    [BindProperty, Display(Name = "奖励金额（万元）")] public List<decimal?> TierAmount { get; set; } = [];
    [BindProperty, Display(Name = "未参加的基地")] public List<Guid> NonParticipants { get; set; } = [];
    [BindProperty, Display(Name = "见证人")] public string? Witnesses { get; set; }
    [BindProperty, Display(Name = "基地")] public Guid? SubjectId { get; set; }
    [BindProperty, Display(Name = "版本")] public uint SubjectVersion { get; set; }
    [BindProperty, Display(Name = "测评结果")] public string? Grade { get; set; }
    [BindProperty, Display(Name = "调整等次的理由")] public string? Reason { get; set; }
    [BindProperty, Display(Name = "确认")] public bool Confirmed { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Item is null && Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) Item = (await loader.LoadAsync(id, false, ct))!;
        MayRun = RoundLoader.MayRun(User, Item!.Round);
        Subjects = await queries.SubjectsAsync(Item, ct);
        var assignments = await db.Set<EvaluationAssignment>().AsNoTracking().Where(a => a.RoundId == Item.Round.Id).OrderBy(a => a.Position).ToListAsync(ct);
        Panels = assignments.ToLookup(a => a.SubjectId);
        var expertIds = assignments.Select(a => a.ExpertId).Distinct().ToList();
        ExpertNames = await db.Set<Expert>().AsNoTracking().Where(e => expertIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var region = (await HttpContext.RequestServices.GetRequiredService<Jurisdictions.JurisdictionTreeCache>().GetAsync(ct)).SubtreeCodes(Item.Round.JurisdictionCode).ToList();
        EligiblePool = await db.Set<Expert>().CountAsync(e => e.IsActive && e.UserId != null && region.Contains(e.RegionCode), ct);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool change, CancellationToken ct)
    {
        var file = await loader.LoadAsync(id, false, ct);
        if (file is null || !RoundLoader.MayRead(User, file.Round)) return NotFound();
        Item = file;
        if (change && !RoundLoader.MayRun(User, file.Round)) return Forbid();
        await LoadFormAsync(ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, false, ct) is { } stop) return stop;
        var r = Item.Round;
        (Version, PanelSize, ReserveCount, ExcludeSameCounty, ScoringDeadline) = (r.Version, r.PanelSize, r.ReserveCount, r.ExcludeSameCounty, r.ScoringDeadline);
        RubricLabel = [.. Item.Rubric.Select(i => (string?)i.Label)];
        RubricMax = [.. Item.Rubric.Select(i => (decimal?)i.MaxScore)];
        RubricWeight = [.. Item.Rubric.Select(i => (decimal?)i.Weight)];
        Cutoffs = [.. Item.Ladder.Skip(1).Select(s => Item.Cutoffs.FirstOrDefault(c => c.Grade == s.Grade)?.MinScore)];
        Stars = [.. Item.Stars.Select(s => (decimal?)s.MinScore)];
        TierName = [.. Item.Tiers.Select(t => (string?)t.Name)];
        TierMin = [.. Item.Tiers.Select(t => (decimal?)t.MinScore)];
        TierAmount = [.. Item.Tiers.Select(t => (decimal?)t.AmountWan)];
        NonParticipants = [.. Subjects.Where(s => !s.Subject.Participates).Select(s => s.Subject.Id)];
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, true, ct) is { } stop) return stop;
        var rubric = Enumerable.Range(0, RubricRows).Select(i => new RoundRubricLine(RubricLabel.ElementAtOrDefault(i), RubricMax.ElementAtOrDefault(i), RubricWeight.ElementAtOrDefault(i))).ToList();
        var cutoffs = Item.Ladder.Skip(1).Select((s, i) => (s.Grade, Cutoffs.ElementAtOrDefault(i))).ToDictionary(x => x.Grade, x => x.Item2);
        var tiers = Enumerable.Range(0, TierRows).Select(i => new TierLine(TierName.ElementAtOrDefault(i), TierMin.ElementAtOrDefault(i), TierAmount.ElementAtOrDefault(i))).ToList();
        var result = await settings.HandleAsync(new SaveRoundSettingsCommand(id, Version, PanelSize, ReserveCount, ExcludeSameCounty, ScoringDeadline,
            rubric, cutoffs, [.. Stars.Take(EvaluationGrades.MaxStars)], tiers, NonParticipants), ct);
        return Outcome(result, "测评设置已保存。", id);
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, true, ct) is { } stop) return stop;
        var result = await openScoring.HandleAsync(new OpenScoringCommand(id, Version, Witnesses), ct);
        return Outcome(result, "已抽取评审专家并开始评分；评分细则、分数线、星级标准和资金奖励档次已固定。", id);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, true, ct) is { } stop) return stop;
        if (SubjectId is null)
        {
            ModelState.AddModelError("SubjectId", "请选择要确认结果的基地。");
            return Page();
        }
        var result = await confirm.HandleAsync(new ConfirmOutcomeCommand(id, SubjectId.Value, SubjectVersion, Grade, Reason, Confirmed), ct);
        return Outcome(result, "测评结果已确认。", id);
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
        return Redirect($"/Evaluations/Rounds/{id}");
    }
}
