using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Reviews;

/// <summary>A call's rubric: the policy's judgement items with their checklists, bonus items, items the authority adds.</summary>
public sealed class RubricModel(ExemplarDbContext db, SaveRubricHandler handler) : ReviewPageModel(db), IFormPage
{
    public sealed class LineInput
    {
        public Guid ItemId { get; set; }
        [Display(Name = "满分")] public decimal? MaxScore { get; set; }
        [Display(Name = "权重")] public decimal? Weight { get; set; }
    }

    [BindProperty] public uint Version { get; set; }
    [BindProperty] public List<LineInput> Lines { get; set; } = [];
    [BindProperty, Display(Name = "新增评分项的名称")] public string? NewLabel { get; set; }
    [BindProperty, Display(Name = "新增评分项的满分")] public decimal? NewMaxScore { get; set; }
    [BindProperty, Display(Name = "新增评分项的权重")] public decimal? NewWeight { get; set; }
    [BindProperty] public Guid? RemoveItemId { get; set; }

    public bool Editable => MayRun && Review is { Stage: ReviewStage.Preparing };

    public Task LoadFormAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnGetAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: false, ct) is { } stop) return stop;
        if (Review is null) return Redirect($"/Reviews/Calls/{callId}");
        Version = Review.Version;
        Lines = Review.Rubric.Select(i => new LineInput { ItemId = i.Id, MaxScore = i.MaxScore, Weight = i.Weight }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: true, ct) is { } stop) return stop;
        if (Review is null) return NotFound();
        var result = await handler.HandleAsync(new SaveRubricCommand(callId, Version,
            RemoveItemId is null ? Lines.Select(l => new RubricLine(l.ItemId, l.MaxScore, l.Weight)).ToList() : [],
            RemoveItemId is null ? NewLabel : null, RemoveItemId is null ? NewMaxScore : null, RemoveItemId is null ? NewWeight : null, RemoveItemId), ct);
        return Outcome(result, RemoveItemId is null ? "评分细则已保存。" : "已删除该评分项。", $"/Reviews/Calls/{callId}/Rubric");
    }
}
