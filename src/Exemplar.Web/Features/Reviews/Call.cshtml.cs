using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>A call's expert review: settings, the applications that go to review, the draw and the panels.</summary>
public sealed class CallModel(ExemplarDbContext db, ReviewQueue queue, ReviewResults results, JurisdictionTreeCache trees,
    SaveReviewSettingsHandler settings, DrawPanelsHandler draw, TimeProvider clock) : ReviewPageModel(db), IFormPage
{
    public IReadOnlyList<(Application Application, string Carrier)> Ready { get; private set; } = [];
    public int EligiblePool { get; private set; }
    public IReadOnlyList<ReviewedApplication> Panels { get; private set; } = [];
    public DrawRecord? Draw { get; private set; }

    [BindProperty, Display(Name = "每件申报的评审专家人数")] public int? PanelSize { get; set; }
    [BindProperty, Display(Name = "备选专家人数")] public int? ReserveCount { get; set; }
    [BindProperty, Display(Name = "同县回避")] public bool ExcludeSameCounty { get; set; }
    [BindProperty, Display(Name = "评分截止日期")] public DateOnly? ScoringDeadline { get; set; }
    [BindProperty, Display(Name = "见证人")] public string? Witnesses { get; set; }
    [BindProperty] public uint? Version { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var apps = await queue.ReadyAsync(Call.Id, ct);
        var carrierIds = apps.Select(a => a.CarrierId).ToList();
        var names = await Db.Set<Carrier>().AsNoTracking().Where(c => carrierIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Ready = apps.Select(a => (a, names[a.CarrierId])).ToList();
        var region = (await trees.GetAsync(ct)).SubtreeCodes(Call.JurisdictionCode).ToList();
        EligiblePool = await Db.Set<Expert>().CountAsync(e => e.IsActive && e.UserId != null && region.Contains(e.RegionCode), ct);
        if (Review is { Stage: not ReviewStage.Preparing } r)
        {
            Panels = await results.ForAsync(r, ct);
            Draw = ApplicationJson.ReadRecord<DrawRecord>(r.DrawJson!);
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: false, ct) is { } stop) return stop;
        await LoadFormAsync(ct);
        (PanelSize, ReserveCount, ExcludeSameCounty, ScoringDeadline, Version) = Review is { } r
            ? (r.PanelSize, r.ReserveCount, r.ExcludeSameCounty, r.ScoringDeadline, r.Version)
            : (3, 2, false, (DateOnly?)ChinaTime.Today(clock).AddDays(14), (uint?)null);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: true, ct) is { } stop) return stop;
        await LoadFormAsync(ct);
        var result = await settings.HandleAsync(new SaveReviewSettingsCommand(callId, Version, PanelSize, ReserveCount, ExcludeSameCounty, ScoringDeadline), ct);
        return Outcome(result, "评审设置已保存。", $"/Reviews/Calls/{callId}");
    }

    public async Task<IActionResult> OnPostDrawAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: true, ct) is { } stop) return stop;
        await LoadFormAsync(ct);
        if (Review is null) return Outcome(SaveResult.NotFound, "", "");
        var result = await draw.HandleAsync(new DrawPanelsCommand(callId, Version ?? 0, Witnesses), ct);
        return Outcome(result, "已随机抽取评审专家，并已通知被抽取的专家。", $"/Reviews/Calls/{callId}");
    }
}
