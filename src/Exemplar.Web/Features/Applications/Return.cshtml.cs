using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>退回补正: the recommending officer picks the materials or sections to correct, a reason for each, and a deadline.</summary>
[ApplicationScope(RecommenderOnly = true)]
public sealed class ReturnModel(ReturnApplicationHandler handler, ExemplarDbContext db, TimeProvider clock) : ApplicationPageModel
{
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Dictionary<string, string?> Items { get; set; } = [];
    [BindProperty] public DateOnly? CorrectionDeadline { get; set; }
    public IReadOnlyList<ApplicationMaterial> Materials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayReturn) return Forbid();
        Version = Application.Version;
        CorrectionDeadline = new[] { ChinaTime.Today(clock).AddDays(10), Record.Call.RecommendationDeadline }.Min();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayReturn) return Forbid();
        var result = await handler.HandleAsync(new ReturnApplicationCommand(Application.Id, User, Version, Reason, Items, CorrectionDeadline), ct);
        if (!result.Ok) await LoadAsync(ct);
        return Outcome(result, "已退回补正，申报单位将收到通知。", BaseUrl);
    }

    private bool MayReturn => Access.IsRecommender || (Access.IsDesignating && RecommendingLevels.GoesStraightToDesignating(Record.Policy));

    private async Task LoadAsync(CancellationToken ct) =>
        Materials = await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.VersionId == Record.Current.Id).ToListAsync(ct);
}
