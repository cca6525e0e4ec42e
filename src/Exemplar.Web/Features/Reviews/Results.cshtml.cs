using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Reviews;

/// <summary>评分汇总: per application count, mean, trimmed mean, SD, each expert's total with outliers explained, rank; the shortlist.</summary>
public sealed class ResultsModel(ExemplarDbContext db, ReviewResults results, FixShortlistHandler handler, SiteInspections.SiteInspectionRules inspections,
    Documents.DocumentGenerator documents)
    : ReviewPageModel(db), IFormPage
{
    public sealed class ChoiceInput
    {
        public Guid ApplicationId { get; set; }
        [Display(Name = "入围")] public bool Included { get; set; }
        [Display(Name = "理由")] public string? Reason { get; set; }
    }

    public IReadOnlyList<ReviewedApplication> Apps { get; private set; } = [];
    public IReadOnlyList<ShortlistLine> Shortlist { get; private set; } = [];
    /// <summary>The call's policy has the authority inspect the shortlisted bases on site (link to 现场核查).</summary>
    public bool HasSiteInspections { get; private set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public List<ChoiceInput> Choices { get; set; } = [];

    public async Task LoadFormAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        Apps = await results.ForAsync(Review!, ct);
        Shortlist = Review!.ShortlistJson is { } s ? ApplicationJson.Read<List<ShortlistLine>>(s) : [];
        HasSiteInspections = Review.Stage == ReviewStage.ShortlistFixed && await inspections.ForCallAsync(Call.Id, ct) is not null;
    }

    public async Task<IActionResult> OnGetAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: false, ct) is { } stop) return stop;
        if (Review is not { Stage: not ReviewStage.Preparing }) return NotFound();
        await LoadFormAsync(ct);
        Version = Review.Version;
        Choices = Apps.Select(a => new ChoiceInput { ApplicationId = a.ApplicationId }).ToList();
        return Page();
    }

    /// <summary>?handler=Export — 评分汇总 as XLSX: one row per application in rank order, each expert's total, the shortlist result.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: false, ct) is { } stop) return stop;
        if (Review is not { Stage: not ReviewStage.Preparing }) return NotFound();
        await LoadFormAsync(ct);
        var doc = documents.List($"评分汇总-{Call.Title}", ScoreSheet.Of(Call.Title, Review, Apps, Shortlist));
        return File(doc.Bytes, doc.ContentType, doc.FileName);
    }

    public async Task<IActionResult> OnPostAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: true, ct) is { } stop) return stop;
        if (Review is not { Stage: not ReviewStage.Preparing }) return NotFound();
        await LoadFormAsync(ct);
        var result = await handler.HandleAsync(new FixShortlistCommand(callId, Version,
            Choices.Select(c => new ShortlistChoice(c.ApplicationId, c.Included, c.Reason)).ToList()), ct);
        return Outcome(result, "入围名单已确定。", $"/Reviews/Calls/{callId}/Results");
    }
}
