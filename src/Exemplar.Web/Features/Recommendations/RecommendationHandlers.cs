using System.Security.Claims;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Recommendations;

/// <param name="Version">The worksheet's version the form was rendered from (0 when none existed yet).</param>
public sealed record SaveWorksheetCommand(Guid ApplicationId, ClaimsPrincipal Officer, uint Version,
    IReadOnlyDictionary<string, bool> Materials, IReadOnlyDictionary<string, string?> Notes,
    DateOnly? AuditDate, string? AuditInspectors, string? AuditFindings, string? Opinion, bool? Recommend)
{
    /// <summary>Photos of the on-site audit to add (inspected by content) and stored ones to take off the worksheet.</summary>
    public IReadOnlyList<EvidenceUpload> NewPhotos { get; init; } = [];
    public IReadOnlyList<Guid> RemovePhotos { get; init; } = [];
    /// <summary>测评 by item, in the level's item order (only where the level fills a 推荐表 per carrier).</summary>
    public IReadOnlyList<AssessmentInput> Assessment { get; init; } = [];
}

/// <param name="Grade">One of <see cref="RecommendationLimits.AssessmentGrades"/>, or empty when not yet assessed.</param>
public sealed record AssessmentInput(string Item, string? Grade, string? Basis);

/// <summary>An uploaded file as received (name as the browser sent it, the bytes).</summary>
public sealed record EvidenceUpload(string? FileName, byte[] Content);

public sealed record DrawRecommendationSampleCommand(Guid ApplicationId, ClaimsPrincipal Officer, bool ConfirmRedraw, string? RedrawReason);

public sealed record SignRecommendationCommand(Guid ApplicationId, ClaimsPrincipal Officer, uint Version, bool Confirmed);

/// <summary>
/// The recommending officer's worksheet: save (any time before signing), draw the satisfaction sample through the
/// Surveys sampler bound to this application, and sign — which checks <see cref="RecommendationGate"/>, freezes the
/// record with a hash and moves the application to 已推荐 / 未予推荐. Only the level the policy names for the carrier's
/// jurisdiction acts, and only on a submitted application.
/// </summary>
public sealed class RecommendationHandlers(ExemplarDbContext db, RecommendationLoader loader, DrawSampleHandler draw, UploadInspector inspector,
    FileStore store, TimeProvider clock)
{
    public async Task<SaveResult> SaveAsync(SaveWorksheetCommand c, CancellationToken ct)
    {
        var (r, p) = await OpenAsync(c.ApplicationId, c.Officer, ct);
        if (r is null) return p is null ? SaveResult.NotFound : p.Result();
        var slots = r.File.Call.Slots.Select(s => s.Id.ToString()).ToHashSet();
        // A post with no box ticked and nothing written (an empty form) carries nothing to save.
        if (c.Materials.Values.All(v => !v) && c.Notes.Values.All(string.IsNullOrWhiteSpace) && c.AuditDate is null && string.IsNullOrWhiteSpace(c.AuditInspectors)
            && string.IsNullOrWhiteSpace(c.AuditFindings) && string.IsNullOrWhiteSpace(c.Opinion) && c.Recommend is null && c.NewPhotos.Count == 0 && c.RemovePhotos.Count == 0
            && c.Assessment.All(a => string.IsNullOrWhiteSpace(a.Grade) && string.IsNullOrWhiteSpace(a.Basis)))
            p!.Add("Materials", "推荐工作表没有填写任何内容：请至少核对一项材料或填写意见后再保存。");
        if (c.Materials.Keys.Any(k => !slots.Contains(k))) p!.Add("", "提交的材料不属于本申报批次。");
        foreach (var (key, note) in c.Notes) p!.MaxLength("Notes", note, RecommendationLimits.Note, "核查意见");
        if (c.AuditDate is { } d)
        {
            if (d > ChinaTime.Today(clock)) p!.Add("AuditDate", "现场审核日期不能晚于今天。");
            else if (r.File.Application.FirstSubmittedAt is { } s && d < ChinaTime.DateOf(s)) p!.Add("AuditDate", "现场审核日期不能早于申报提交日期。");
        }
        p!.MaxLength("AuditInspectors", c.AuditInspectors, RecommendationLimits.Inspectors, "现场审核人员");
        p.MaxLength("AuditFindings", c.AuditFindings, RecommendationLimits.Findings, "现场审核情况");
        p.MaxLength("Opinion", c.Opinion, RecommendationGate.MaxOpinion, "推荐意见");
        var assessment = Assessment(r, c.Assessment, p);
        var photos = (r.Worksheet?.AuditPhotoIds ?? []).Where(id => !c.RemovePhotos.Contains(id)).ToList();
        if (c.NewPhotos.Count > 0 && !r.AuditRequired) p.Add("AuditPhotos", "本办法未要求推荐单位现场审核，无需上传现场照片。");
        else if (photos.Count + c.NewPhotos.Count > RecommendationLimits.Photos)
            p.Add("AuditPhotos", $"现场审核照片最多{RecommendationLimits.Photos}个文件（已有{photos.Count}个）。");
        var inspected = new List<(InspectedFile File, byte[] Content)>();
        foreach (var upload in c.NewPhotos)
        {
            var verdict = inspector.Inspect(upload.FileName, upload.Content, UploadKinds.Evidence, "现场审核照片");
            if (verdict.Accepted) inspected.Add((verdict.File!, upload.Content));
            else p.Add("AuditPhotos", verdict.Refusal!);
        }
        if (p.Any) return p.Result();

        var sheet = r.Worksheet ?? New(r);
        foreach (var (file, content) in inspected) photos.Add(store.Add(file, content, "现场审核照片", c.Officer.UserId()).Id);
        sheet.AuditPhotoIds = photos;
        if (r.Worksheet is not null) db.Entry(sheet).Property(x => x.Version).OriginalValue = c.Version;
        sheet.MaterialsJson = ApplicationJson.Write(c.Materials.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary());
        sheet.NotesJson = ApplicationJson.Write(c.Notes.Where(n => !string.IsNullOrWhiteSpace(n.Value))
            .OrderBy(n => n.Key, StringComparer.Ordinal).ToDictionary(n => n.Key, n => n.Value!.Trim()));
        sheet.AssessmentJson = ApplicationJson.Write(assessment);
        sheet.AuditDate = c.AuditDate;
        sheet.AuditInspectors = Trim(c.AuditInspectors);
        sheet.AuditFindings = Trim(c.AuditFindings);
        sheet.Opinion = Trim(c.Opinion);
        sheet.Recommend = c.Recommend;
        sheet.ApplicationVersion = r.File.Current.Number;
        sheet.UpdatedAt = clock.GetUtcNow();
        db.Actor.Operation = "推荐.保存工作表";
        return await Problems.SaveAsync(db, sheet.Id, ct);
    }

    public async Task<SaveResult> DrawSampleAsync(DrawRecommendationSampleCommand c, CancellationToken ct)
    {
        var (r, p) = await OpenAsync(c.ApplicationId, c.Officer, ct);
        if (r is null) return p is null ? SaveResult.NotFound : p.Result();
        if (r.Sampling is not { } rule) { p!.Add("", "本办法未要求推荐单位进行满意度抽查。"); return p.Result(); }
        var today = ChinaTime.Today(clock);
        // The sample and the worksheet that binds it are saved together: a refused or failed save leaves neither.
        var (sample, problems) = await draw.DrawAsync(new DrawSampleCommand(r.File.Carrier.Id, today.Year, rule.MinimumPercent,
            c.Officer.FindFirstValue(ClaimTypes.Name) ?? "?", c.ConfirmRedraw, c.RedrawReason, r.File.Application.Id), ct);
        if (sample is null) return problems!.Result();
        var sheet = r.Worksheet ?? New(r);
        sheet.SampleId = sample.Id;
        sheet.UpdatedAt = clock.GetUtcNow();
        db.Actor.Operation = sample.RedrawReason is null ? "推荐.抽取样本" : "推荐.再次抽取样本";
        return await Problems.SaveAsync(db, sample.Id, ct);
    }

    public async Task<SaveResult> SignAsync(SignRecommendationCommand c, CancellationToken ct)
    {
        var (r, p) = await OpenAsync(c.ApplicationId, c.Officer, ct);
        if (r is null) return p is null ? SaveResult.NotFound : p.Result();
        if (r.Worksheet is not { } sheet) { p!.Add("", "请先填写并保存推荐工作表。"); return p.Result(); }
        if (!c.Confirmed) p!.Add("Confirm", "请勾选确认：签署后推荐意见不能再修改。");
        var materials = ApplicationJson.Read<Dictionary<string, bool>>(sheet.MaterialsJson);
        var allComplete = r.File.Call.Slots.Where(s => s.Required).All(s => materials.GetValueOrDefault(s.Id.ToString()));
        var answered = r.Handled.Select(a => a.EnterpriseId).ToHashSet();
        var facts = new RecommendationFacts(sheet.Recommend, sheet.Opinion, allComplete,
            r.Sampling?.MinimumPercent, r.Sample?.PopulationCount, r.Sample?.MemberIds.Count ?? 0,
            r.Sample?.MemberIds.Count(m => !answered.Contains(m)) ?? 0,
            r.AuditRequired, sheet.AuditDate, sheet.AuditInspectors, sheet.AuditFindings, sheet.AuditPhotoIds.Count,
            ChinaTime.DateOf(r.File.Application.FirstSubmittedAt!.Value), ChinaTime.Today(clock));
        foreach (var (field, message) in RecommendationGate.Problems(facts)) p!.Add(field, message);
        // The 推荐表 carries the 测评 the text requires (西藏第十二条): a signed form may not leave an item ungraded.
        var graded = ApplicationJson.Read<Dictionary<string, AssessmentEntry>>(sheet.AssessmentJson);
        var ungraded = r.AssessedItems.Where(i => !graded.TryGetValue(i, out var e) || string.IsNullOrWhiteSpace(e.Grade)).ToList();
        if (ungraded.Count > 0)
            p!.Add("Assessment", $"签署前请在推荐表中测评{string.Join("、", ungraded)}（{r.Level!.Assessment!.Citation}），并保存工作表。");
        if (p!.Any) return p.Result();

        var now = clock.GetUtcNow();
        db.Entry(sheet).Property(x => x.Version).OriginalValue = c.Version;
        sheet.SignedAt = now;
        sheet.SignedBy = c.Officer.UserId();
        sheet.SignedByName = c.Officer.FindFirstValue(ClaimTypes.Name) ?? "?";
        sheet.SignedJson = SignedRecommendation.Write(r, sheet);
        sheet.Hash = ApplicationJson.Sha256(sheet.SignedJson);
        r.File.Application.Status = sheet.Recommend == true ? ApplicationStatus.Recommended : ApplicationStatus.NotRecommended;
        db.Actor.Operation = sheet.Recommend == true ? "推荐.签署推荐" : "推荐.签署不予推荐";
        return await Problems.SaveAsync(db, sheet.Id, ct);
    }

    /// <summary>Loads tracked and checks the officer may act: null file and null problems = not found (404).</summary>
    private async Task<(RecommendationFile?, Problems?)> OpenAsync(Guid applicationId, ClaimsPrincipal officer, CancellationToken ct)
    {
        var r = await loader.LoadAsync(applicationId, officer, tracked: true, ct);
        if (r is null || !r.Access.CanSeeContent) return (null, null);
        var p = new Problems();
        if (!r.Access.IsRecommender || r.Level is null) p.Add("", "只有负责推荐（初审）的主管部门可以填写推荐意见。");
        else if (r.Worksheet?.IsSigned == true) p.Add("", "推荐意见已签署，不能再修改。");
        else if (r.File.Application.Status != ApplicationStatus.Submitted || r.File.Current.State != VersionState.Submitted)
            p.Add("", "只有已提交、尚未处理的申报可以推荐。");
        return p.Any ? (null, p) : (r, p);
    }

    /// <summary>
    /// The 测评 of the items the level's text names (西藏第十二条 运营情况、服务业绩、满意度), where the level fills a 推荐表 per
    /// carrier: a grade from the scale (or none yet) and its basis, in the text's item order.
    /// </summary>
    private static SortedDictionary<string, AssessmentEntry> Assessment(RecommendationFile r, IReadOnlyList<AssessmentInput> inputs, Problems p)
    {
        var result = new SortedDictionary<string, AssessmentEntry>(StringComparer.Ordinal);
        var items = r.AssessedItems;
        if (items.Count == 0)
        {
            if (inputs.Any(a => !string.IsNullOrWhiteSpace(a.Grade) || !string.IsNullOrWhiteSpace(a.Basis))) p.Add("Assessment", "本办法未要求推荐单位在推荐表中测评。");
            return result;
        }
        foreach (var a in inputs)
        {
            if (!items.Contains(a.Item)) { p.Add("Assessment", $"“{a.Item}”不是本办法规定的测评内容（{string.Join("、", items)}）。"); continue; }
            var grade = a.Grade?.Trim();
            var basis = a.Basis?.Trim();
            if (!string.IsNullOrEmpty(grade) && !RecommendationLimits.AssessmentGrades.Contains(grade))
                p.Add("Assessment", $"{a.Item}的测评等级应为{string.Join("、", RecommendationLimits.AssessmentGrades)}之一。");
            else if (string.IsNullOrEmpty(grade) && !string.IsNullOrEmpty(basis)) p.Add("Assessment", $"请选择{a.Item}的测评等级。");
            p.MaxLength("Assessment", basis, RecommendationLimits.AssessmentBasis, $"{a.Item}的测评依据");
            if (!string.IsNullOrEmpty(grade)) result[a.Item] = new AssessmentEntry(grade, string.IsNullOrEmpty(basis) ? null : basis);
        }
        return result;
    }

    private Recommendation New(RecommendationFile r)
    {
        var sheet = new Recommendation { ApplicationId = r.File.Application.Id, Level = r.Level!.Order, ApplicationVersion = r.File.Current.Number };
        db.Add(sheet);
        return sheet;
    }


    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
