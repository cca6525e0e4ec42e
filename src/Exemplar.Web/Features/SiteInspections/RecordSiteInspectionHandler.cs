using System.Text.Json;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Recommendations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.SiteInspections;

/// <param name="Version">The current record's version when a 限期整改 is followed up (null for the first record).</param>
/// <param name="Findings">Condition id → what the team found.</param>
/// <param name="Photos">Condition id → photos to add for it (inspected by content).</param>
public sealed record RecordSiteInspectionCommand(Guid CallId, Guid ApplicationId, uint? Version, string? Team, DateOnly? Date,
    IReadOnlyDictionary<string, string?> Findings, IReadOnlyDictionary<string, IReadOnlyList<EvidenceUpload>> Photos,
    InspectionConclusion? Conclusion, DateOnly? RectifyBy, string? Reason, Guid? UserId, string RecordedByName);

/// <summary>
/// Records the site inspection of a shortlisted application: only where the call's policy has one after the expert review,
/// once the shortlist is fixed, for a base still on it. Every condition of the application (as frozen at submission) gets
/// a finding; the inspection needs at least one photo; 不通过 and 限期整改 need their reason, 限期整改 a deadline after the
/// inspection and within a year. 不通过 takes the base off the shortlist with the reason, in the same transaction.
/// </summary>
public sealed class RecordSiteInspectionHandler(ExemplarDbContext db, SiteInspectionRules rules, UploadInspector inspector, FileStore store,
    TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(RecordSiteInspectionCommand c, CancellationToken ct)
    {
        var p = new Problems();
        if (await rules.ForCallAsync(c.CallId, ct) is null) { p.Add("", "本批次所依据的办法未规定认定机关现场核查。"); return p.Result(); }
        var review = await db.Set<ExpertReview>().FirstOrDefaultAsync(r => r.CallId == c.CallId, ct);
        if (review is not { Stage: ReviewStage.ShortlistFixed, ShortlistJson: not null }) { p.Add("", "入围名单尚未确定，现场核查在确定入围名单之后进行。"); return p.Result(); }
        var lines = ApplicationJson.Read<List<ShortlistLine>>(review.ShortlistJson);
        var line = lines.FirstOrDefault(l => l.ApplicationId == c.ApplicationId);
        if (line is null) return SaveResult.NotFound;
        if (!line.Stays) { p.Add("", "该申报不在入围名单中，不能记录现场核查。"); return p.Result(); }
        var existing = await db.Set<SiteInspection>().FirstOrDefaultAsync(x => x.ApplicationId == c.ApplicationId, ct);
        if (existing is { IsFinal: true }) { p.Add("", "该申报的现场核查结论已记录，不能再修改。"); return p.Result(); }
        var conditions = await ConditionsAsync(c.ApplicationId, ct);

        var today = ChinaTime.Today(clock);
        p.Required("Team", c.Team, "核查组成员");
        p.MaxLength("Team", c.Team, SiteInspectionLimits.Team, "核查组成员");
        var fixedOn = ChinaTime.DateOf(review.ShortlistFixedAt!.Value);
        if (c.Date is not { } date) p.Add("Date", "请填写核查日期。");
        else if (date > today) p.Add("Date", "核查日期不能晚于今天。");
        else if (date < fixedOn) p.Add("Date", $"核查日期不能早于入围名单确定之日（{ChinaTime.Format(fixedOn)}）。");
        else if (existing is not null && date < existing.Date) p.Add("Date", $"整改后的核查日期不能早于上次核查（{ChinaTime.Format(existing.Date)}）。");
        if (c.Findings.Keys.Concat(c.Photos.Keys).Any(k => conditions.All(x => x.ConditionId != k))) p.Add("", "提交的条件不属于本申报，请刷新页面后重试。");
        var earlier = existing is null ? [] : ApplicationJson.Read<List<InspectionFinding>>(existing.FindingsJson);
        var findings = new List<InspectionFinding>();
        var added = new List<(InspectedFile File, byte[] Content, string Condition)>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var cond = conditions[i];
            var text = c.Findings.GetValueOrDefault(cond.ConditionId)?.Trim();
            var label = $"{cond.Citation}“{Short(cond.Requirement)}”";
            if (string.IsNullOrEmpty(text)) p.Add($"Findings[{cond.ConditionId}]", $"请填写{label}的核查情况。");
            else if (text.Length > SiteInspectionLimits.Finding) p.Add($"Findings[{cond.ConditionId}]", $"{label}的核查情况不能超过{SiteInspectionLimits.Finding}个字。");
            var photos = earlier.FirstOrDefault(f => f.ConditionId == cond.ConditionId)?.PhotoIds.ToList() ?? [];
            var uploads = c.Photos.GetValueOrDefault(cond.ConditionId) ?? [];
            if (photos.Count + uploads.Count > SiteInspectionLimits.PhotosPerCondition)
                p.Add($"Photos[{cond.ConditionId}]", $"{label}的现场照片最多{SiteInspectionLimits.PhotosPerCondition}个。");
            foreach (var u in uploads)
            {
                var verdict = inspector.Inspect(u.FileName, u.Content, UploadKinds.Evidence, $"{cond.Citation}的现场照片");
                if (verdict.Accepted) added.Add((verdict.File!, u.Content, cond.ConditionId));
                else p.Add($"Photos[{cond.ConditionId}]", verdict.Refusal!);
            }
            findings.Add(new InspectionFinding(cond.ConditionId, cond.Citation, cond.Requirement, text ?? "", photos));
        }
        if (findings.Sum(f => f.PhotoIds.Count) + added.Count == 0) p.Add("Photos", "请至少上传一张现场照片作为核查佐证。");
        else if (findings.Sum(f => f.PhotoIds.Count) + added.Count > SiteInspectionLimits.Photos) p.Add("Photos", $"一次现场核查的照片最多{SiteInspectionLimits.Photos}个。");
        var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
        switch (c.Conclusion)
        {
            case null or not (InspectionConclusion.Passes or InspectionConclusion.Fails or InspectionConclusion.Rectify):
                p.Add("Conclusion", "请选择核查结论：通过、不通过或限期整改。");
                break;
            case InspectionConclusion.Fails when reason is null:
                p.Add("Reason", "核查不通过的，请写明原因（将随入围名单保留）。");
                break;
            case InspectionConclusion.Rectify:
                if (reason is null) p.Add("Reason", "限期整改的，请写明整改要求。");
                if (c.RectifyBy is not { } by) p.Add("RectifyBy", "请填写整改期限。");
                else if (c.Date is { } d && (by <= d || by > d.AddYears(1))) p.Add("RectifyBy", "整改期限应晚于核查日期，且不超过核查日期后一年。");
                break;
        }
        p.MaxLength("Reason", reason, SiteInspectionLimits.Reason, "结论说明");
        if (p.Any) return p.Result();

        foreach (var (file, content, condition) in added)
        {
            var id = store.Add(file, content, "现场核查照片", c.UserId).Id;
            var i = findings.FindIndex(f => f.ConditionId == condition);
            findings[i] = findings[i] with { PhotoIds = [.. findings[i].PhotoIds, id] };
        }
        var record = existing ?? new SiteInspection { CallId = c.CallId, ApplicationId = c.ApplicationId, Team = "", RecordedByName = "" };
        if (existing is null) db.Add(record);
        else db.Entry(existing).Property(x => x.Version).OriginalValue = c.Version ?? 0;
        record.Team = c.Team!.Trim();
        record.Date = c.Date!.Value;
        record.FindingsJson = ApplicationJson.Write(findings);
        record.Conclusion = c.Conclusion!.Value;
        record.RectifyBy = c.Conclusion == InspectionConclusion.Rectify ? c.RectifyBy : null;
        record.Reason = reason;
        record.RecordedAt = clock.GetUtcNow();
        record.RecordedByName = c.RecordedByName;
        db.Actor.Operation = "现场核查.记录";
        if (c.Conclusion == InspectionConclusion.Fails)
        {
            // The shortlist keeps the line as fixed and says why the base is out; the review's version guards a concurrent change.
            review.ShortlistJson = ApplicationJson.Write(lines.Select(l => l.ApplicationId == c.ApplicationId ? l with { ExcludedByInspection = reason } : l).ToList());
            db.Actor.Operation = "现场核查.不通过移出入围名单";
        }
        return await Problems.SaveAsync(db, record.Id, ct);
    }

    /// <summary>The application's top-level conditions as frozen in its submitted package (the policy's, with citation).</summary>
    public async Task<IReadOnlyList<ConditionResultDto>> ConditionsAsync(Guid applicationId, CancellationToken ct)
    {
        var snapshot = await (from a in db.Set<Application>().AsNoTracking()
                              join v in db.Set<ApplicationVersion>().AsNoTracking() on a.Id equals v.ApplicationId
                              where a.Id == applicationId && v.SnapshotJson != null
                              orderby v.Number descending
                              select v.SnapshotJson).FirstOrDefaultAsync(ct);
        if (snapshot is null) return [];
        var report = ApplicationJson.ReadRecord<ApplicationPackage>(snapshot).Report.Deserialize<ReportData>(ApplicationJson.Options);
        return report?.Eligibility.Conditions ?? [];
    }

    private static string Short(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
