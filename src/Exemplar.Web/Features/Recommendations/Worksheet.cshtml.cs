using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Recommendations;

/// <summary>
/// 推荐（初审）工作表 of one application: the recommending officer fills and signs it; once signed, the designating
/// authority reads it (decision, opinion, sample) — nobody else. Content access is checked by <see cref="ApplicationScopeAttribute"/>,
/// which also refuses a post from anyone but the recommending level before antiforgery runs.
/// </summary>
// The dictionaries and lists are bound by name: the draw and sign forms post none of their fields, and an unnamed
// dictionary would then fall back to binding every posted field (the version, the token) as one of its entries.
[ApplicationScope(RecommenderPosts = true)]
public sealed class WorksheetModel(RecommendationLoader loader, RecommendationHandlers handlers, ExemplarDbContext db, FileStore store, RecommendationForm forms) : ApplicationPageModel,
    Infrastructure.Forms.IFormPage
{
    [BindProperty] [Display(Name = "版本")] public uint Version { get; set; }
    [BindProperty(Name = "Materials")] [Display(Name = "材料完整性")] public Dictionary<string, bool> Materials { get; set; } = [];
    [BindProperty(Name = "Notes")] [Display(Name = "核查意见")] public Dictionary<string, string?> Notes { get; set; } = [];
    [BindProperty] [Display(Name = "现场审核日期")] public DateOnly? AuditDate { get; set; }
    [BindProperty] [Display(Name = "现场审核人员")] public string? AuditInspectors { get; set; }
    [BindProperty] [Display(Name = "现场审核情况")] public string? AuditFindings { get; set; }
    [BindProperty] [Display(Name = "推荐意见")] public string? Opinion { get; set; }
    [BindProperty] [Display(Name = "是否推荐")] public bool? Recommend { get; set; }
    [BindProperty] [Display(Name = "确认")] public bool Confirm { get; set; }
    [BindProperty] [Display(Name = "确认再次抽取")] public bool ConfirmRedraw { get; set; }
    [BindProperty] [Display(Name = "再次抽取原因")] public string? RedrawReason { get; set; }
    [BindProperty(Name = "AuditPhotos")] [Display(Name = "现场审核照片")] public List<IFormFile> AuditPhotos { get; set; } = [];
    [BindProperty(Name = "RemovePhotos")] [Display(Name = "删除照片")] public List<Guid> RemovePhotos { get; set; } = [];
    [BindProperty(Name = "AssessmentItem")] [Display(Name = "测评内容")] public List<string?> AssessmentItem { get; set; } = [];
    [BindProperty(Name = "AssessmentGrade")] [Display(Name = "测评等级")] public List<string?> AssessmentGrade { get; set; } = [];
    [BindProperty(Name = "AssessmentBasis")] [Display(Name = "测评依据和说明")] public List<string?> AssessmentBasis { get; set; } = [];
    /// <summary>The 测评 as stored or as posted, by item.</summary>
    public IReadOnlyDictionary<string, AssessmentEntry> Assessment { get; private set; } = new Dictionary<string, AssessmentEntry>();
    public IReadOnlyList<StoredFile> Photos { get; private set; } = [];

    public RecommendationFile Sheet { get; private set; } = null!;
    public IReadOnlyList<ApplicationMaterial> Files { get; private set; } = [];
    public IReadOnlyList<ConditionResultDto> Conditions { get; private set; } = [];
    /// <summary>The recommending level; the designating authority once signed; nobody else (the applicant sees the status only).</summary>
    public bool MayRead => Access.IsRecommender || (Access.IsDesignating && Sheet.Worksheet?.IsSigned == true);
    public bool MayWork => Access.IsRecommender && Sheet.Worksheet?.IsSigned != true && Application.Status == ApplicationStatus.Submitted;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(fromStored: true, ct)) return NotFound();
        // Only the recommending level works on it; the designating authority reads it once signed.
        if (!MayRead) return Forbid();
        return Page();
    }

    /// <summary>A photo of the on-site audit, to whoever may read the worksheet (only files the worksheet lists).</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid fileId, CancellationToken ct)
    {
        if (!await LoadAsync(fromStored: false, ct)) return NotFound();
        if (!MayRead) return Forbid();
        var file = Photos.FirstOrDefault(p => p.Id == fileId);
        return file is null ? NotFound() : await store.DownloadAsync(file, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Access.IsRecommender) return Forbid();
        var uploads = new List<EvidenceUpload>();
        foreach (var f in AuditPhotos.Where(f => f.Length > 0))
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            uploads.Add(new EvidenceUpload(f.FileName, ms.ToArray()));
        }
        var r = await handlers.SaveAsync(new SaveWorksheetCommand(Application.Id, User, Version, Materials, Notes, AuditDate, AuditInspectors,
            AuditFindings, Opinion, Recommend) { NewPhotos = uploads, RemovePhotos = RemovePhotos, Assessment = PostedAssessment() }, ct);
        return await AfterAsync(r, "推荐工作表已保存。", fromStored: false, ct);
    }

    public async Task<IActionResult> OnPostDrawAsync(CancellationToken ct)
    {
        if (!Access.IsRecommender) return Forbid();
        var r = await handlers.DrawSampleAsync(new DrawRecommendationSampleCommand(Application.Id, User, ConfirmRedraw, RedrawReason), ct);
        return await AfterAsync(r, "已随机抽取满意度抽查样本，请逐家联系并记录答复。", fromStored: true, ct);
    }

    public async Task<IActionResult> OnPostSignAsync(CancellationToken ct)
    {
        if (!Access.IsRecommender) return Forbid();
        var r = await handlers.SignAsync(new SignRecommendationCommand(Application.Id, User, Version, Confirm), ct);
        return await AfterAsync(r, "推荐意见已签署。", fromStored: true, ct);
    }

    /// <summary>
    /// 下载推荐表（Word）: the signed worksheet of a programme whose level fills a 推荐表 per carrier with a layout (西藏基地
    /// 附件1), to whoever may read the worksheet; otherwise back to the worksheet with the reason.
    /// </summary>
    public async Task<IActionResult> OnGetWordAsync(CancellationToken ct)
    {
        if (!await LoadAsync(fromStored: true, ct)) return NotFound();
        if (!MayRead) return Forbid();
        if (await forms.ForAsync(Sheet, ct) is { } d) return File(d.Bytes, d.ContentType, d.FileName);
        TempData["Flash"] = RecommendationForm.HasLayout(Sheet) ? "推荐意见签署后才能下载推荐表。" : "本办法没有规定逐个基地填写的推荐表。";
        return Redirect(BaseUrl + "/Recommendation");
    }

    private List<AssessmentInput> PostedAssessment() =>
        [.. AssessmentItem.Select((item, i) => new AssessmentInput(item ?? "", AssessmentGrade.ElementAtOrDefault(i), AssessmentBasis.ElementAtOrDefault(i)))];

    /// <param name="fromStored">The refused form is another one than the worksheet (draw, sign): show the worksheet as stored.</param>
    private async Task<IActionResult> AfterAsync(Infrastructure.Forms.SaveResult r, string flash, bool fromStored, CancellationToken ct)
    {
        if (!r.Ok && !r.IsNotFound)
        {
            // Re-render with what was posted (the worksheet form) or as stored, the sample and signature freshly loaded.
            if (!await LoadAsync(fromStored, ct)) return NotFound();
        }
        return Outcome(r, flash, BaseUrl + "/Recommendation");
    }

    /// <summary>A post whose values did not bind is shown again with what was posted, the rest loaded.</summary>
    public Task LoadFormAsync(CancellationToken ct) => LoadAsync(fromStored: false, ct);

    private async Task<bool> LoadAsync(bool fromStored, CancellationToken ct)
    {
        var sheet = await loader.LoadAsync(Application.Id, User, tracked: false, ct);
        if (sheet is null) return false;
        Sheet = sheet;
        if (fromStored && sheet.Worksheet is { } w)
        {
            Version = w.Version;
            Materials = ApplicationJson.Read<Dictionary<string, bool>>(w.MaterialsJson);
            Notes = ApplicationJson.Read<Dictionary<string, string>>(w.NotesJson).ToDictionary(n => n.Key, n => (string?)n.Value);
            (AuditDate, AuditInspectors, AuditFindings, Opinion, Recommend) = (w.AuditDate, w.AuditInspectors, w.AuditFindings, w.Opinion, w.Recommend);
            Assessment = ApplicationJson.Read<Dictionary<string, AssessmentEntry>>(w.AssessmentJson);
        }
        else if (!fromStored)
            Assessment = PostedAssessment().Where(a => !string.IsNullOrWhiteSpace(a.Grade) || !string.IsNullOrWhiteSpace(a.Basis))
                .GroupBy(a => a.Item).ToDictionary(g => g.Key, g => new AssessmentEntry(g.First().Grade ?? "", g.First().Basis));
        var photoIds = sheet.Worksheet?.AuditPhotoIds ?? [];
        Photos = photoIds.Count == 0 ? [] : (await db.Set<StoredFile>().AsNoTracking().Where(x => photoIds.Contains(x.Id)).ToListAsync(ct))
            .OrderBy(x => photoIds.IndexOf(x.Id)).ToList();
        Files = await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.VersionId == Record.Current.Id).ToListAsync(ct);
        Conditions = FrozenConditions(Record.Current.SnapshotJson);
        return true;
    }

    /// <summary>The conditions as judged in the submitted package (with the applicant's figures), top level only.</summary>
    private static IReadOnlyList<ConditionResultDto> FrozenConditions(string? snapshot)
    {
        if (snapshot is null) return [];
        var package = ApplicationJson.ReadRecord<ApplicationPackage>(snapshot);
        var report = package.Report.Deserialize<ReportData>(ApplicationJson.Options);
        return report?.Eligibility.Conditions ?? [];
    }
}
