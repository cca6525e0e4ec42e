using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Recommendations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.SiteInspections;

/// <summary>
/// 现场核查 of one shortlisted application: the form (team, date, a finding and photos per condition, the conclusion) for
/// the designating authority, or the record once final; photos download from here. 404 for an application not on the
/// call's shortlist.
/// </summary>
public sealed class RecordModel(ExemplarDbContext db, SiteInspectionRules rules, RecordSiteInspectionHandler handler, FileStore store)
    : ReviewPageModel(db), IFormPage
{
    [BindProperty] [Display(Name = "版本")] public uint? Version { get; set; }
    [BindProperty] [Display(Name = "核查组成员")] public string? Team { get; set; }
    [BindProperty] [Display(Name = "核查日期")] public DateOnly? Date { get; set; }
    [BindProperty(Name = "Findings")] [Display(Name = "核查情况")] public Dictionary<string, string?> Findings { get; set; } = [];
    [BindProperty] [Display(Name = "核查结论")] public InspectionConclusion? Conclusion { get; set; }
    [BindProperty] [Display(Name = "整改期限")] public DateOnly? RectifyBy { get; set; }
    [BindProperty] [Display(Name = "结论说明")] public string? Reason { get; set; }

    public SiteInspectionRule Rule { get; private set; } = null!;
    public InspectionRow Row { get; private set; } = null!;
    public IReadOnlyList<ConditionResultDto> Conditions { get; private set; } = [];
    public IReadOnlyList<InspectionFinding> Recorded { get; private set; } = [];
    public IReadOnlyDictionary<Guid, StoredFile> Photos { get; private set; } = new Dictionary<Guid, StoredFile>();
    public bool MayRecord => MayRun && Row.Line.Stays && Row.Inspection?.IsFinal != true;

    public static string PhotoField(string conditionId) => $"Photos[{conditionId}]";

    public async Task<IActionResult> OnGetAsync(Guid callId, Guid applicationId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: false, ct) is { } stop) return stop;
        if (!await LoadRecordAsync(applicationId, ct)) return NotFound();
        if (Row.Inspection is { } x)
        {
            (Version, Team, Date, Conclusion, RectifyBy, Reason) = (x.Version, x.Team, x.Date, x.Conclusion, x.RectifyBy, x.Reason);
            Findings = Recorded.ToDictionary(f => f.ConditionId, f => (string?)f.Finding);
            // A follow-up after 限期整改 starts from the last record, with a fresh conclusion.
            if (!x.IsFinal) (Conclusion, RectifyBy, Reason) = (null, null, null);
        }
        return Page();
    }

    /// <summary>A photo of this inspection (only files its findings list).</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid callId, Guid applicationId, Guid fileId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: false, ct) is { } stop) return stop;
        if (!await LoadRecordAsync(applicationId, ct) || !Photos.TryGetValue(fileId, out var file)) return NotFound();
        return await store.DownloadAsync(file, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid callId, Guid applicationId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: true, ct) is { } stop) return stop;
        if (!await LoadRecordAsync(applicationId, ct)) return NotFound();
        var photos = new Dictionary<string, IReadOnlyList<EvidenceUpload>>();
        foreach (var c in Conditions)
        {
            var files = new List<EvidenceUpload>();
            foreach (var f in Request.Form.Files.GetFiles(PhotoField(c.ConditionId)).Where(f => f.Length > 0))
            {
                using var ms = new MemoryStream();
                await f.CopyToAsync(ms, ct);
                files.Add(new EvidenceUpload(f.FileName, ms.ToArray()));
            }
            if (files.Count > 0) photos[c.ConditionId] = files;
        }
        var result = await handler.HandleAsync(new RecordSiteInspectionCommand(callId, applicationId, Version, Team, Date, Findings, photos,
            Conclusion, RectifyBy, Reason, User.UserId(), User.FindFirstValue(ClaimTypes.Name) ?? "?"), ct);
        if (!result.Ok && !result.IsNotFound) await LoadRecordAsync(applicationId, ct);
        return Outcome(result, Conclusion == InspectionConclusion.Fails ? "现场核查结论已记录：不通过，已移出入围名单。" : "现场核查结论已记录。",
            $"/Reviews/Calls/{callId}/SiteInspections/{applicationId}");
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        if (Guid.TryParse(RouteData.Values["applicationId"]?.ToString(), out var id)) await LoadRecordAsync(id, ct);
    }

    private async Task<bool> LoadRecordAsync(Guid applicationId, CancellationToken ct)
    {
        if (Review is not { Stage: ReviewStage.ShortlistFixed } review || await rules.ForCallAsync(Call.Id, ct) is not { } rule) return false;
        var row = (await IndexModel.RowsAsync(Db, review, ct)).FirstOrDefault(r => r.Line.ApplicationId == applicationId);
        if (row is null) return false;
        (Rule, Row) = (rule, row);
        Conditions = await handler.ConditionsAsync(applicationId, ct);
        Recorded = row.Inspection is { } x ? ApplicationJson.Read<List<InspectionFinding>>(x.FindingsJson) : [];
        var ids = Recorded.SelectMany(f => f.PhotoIds).ToList();
        Photos = ids.Count == 0 ? new Dictionary<Guid, StoredFile>() : await Db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        return true;
    }
}
