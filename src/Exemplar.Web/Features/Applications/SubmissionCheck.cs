using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>What stands between a draft and its submission: errors block, warnings are shown and kept on the record.</summary>
public sealed record SubmissionReport(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, PolicyEvaluation Evaluation,
    IReadOnlyList<ApplicationMaterial> Materials, bool MaterialsComplete);

/// <summary>
/// Errors: the deadline passed (Asia/Shanghai; a correction has its own deadline), the carrier may not apply, a required
/// material is missing, the stamped report was not generated from the locked data (or uploaded before the lock), the
/// declaration is not uploaded or not accepted, the unit's details are incomplete. Warnings: the engine does not find the
/// programme's quantitative conditions met, or data is missing — the authority decides, the applicant is told.
/// </summary>
public sealed class SubmissionCheck(ExemplarDbContext db, ApplicationProfile profiles, ApplicationAdmission admission, TimeProvider clock)
{
    /// <param name="aside">What the caller started reading beside its transaction already (<see cref="ReadsAside"/>).</param>
    /// <param name="materials">The draft's materials when the caller has them, with any it is adding in its transaction (read here otherwise).</param>
    public async Task<SubmissionReport> RunAsync(ApplicationFile f, CancellationToken ct, ReadsAside? aside = null, IReadOnlyList<ApplicationMaterial>? materials = null)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var today = aside?.Today ?? ChinaTime.Today(clock);
        var a = f.Application;
        if (!f.IsDraft) errors.Add("该版本已提交。");
        // The draft's own materials first (inside the transaction), while the reads beside it finish.
        materials = materials is null
            ? await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.VersionId == f.Current.Id).OrderBy(m => m.UploadedAt).ToListAsync(ct)
            : [.. materials.OrderBy(m => m.UploadedAt)];
        var reads = aside is null ? null : await aside.Check;
        // Also for a correction: a registration revoked or declined since the start submits nothing (issue 8 item 7).
        if ((reads?.Standing ?? await OrganizationStanding.MayApplyAsync(db, a.OrganizationId, ct)) is { Allowed: false } standing) errors.Add(standing.Reason!);
        var correction = a.Status == ApplicationStatus.Returned
            ? await db.Set<ApplicationReturn>().AsNoTracking().Where(r => r.ApplicationId == a.Id && r.FromVersion == f.Current.Number - 1).FirstOrDefaultAsync(ct)
            : null;
        if (correction is not null)
        {
            if (today > correction.CorrectionDeadline) errors.Add($"补正截止日期（{ChinaTime.Format(correction.CorrectionDeadline)}）已过，不能再提交。");
        }
        else
        {
            if (f.Call.Status != Calls.CallStatus.Published || today > f.Call.ApplicationDeadline)
                errors.Add($"本批次已于{ChinaTime.Format(f.Call.ApplicationDeadline)}截止受理（以北京时间为准）。");
            else if (today < f.Call.OpensOn) errors.Add($"本批次自{ChinaTime.Format(f.Call.OpensOn)}起受理。");
            errors.AddRange(reads?.Refusals ?? await admission.RefusalsAsync(f.Call, f.Carrier, today, ct));
        }

        var complete = true;
        foreach (var slot in f.Call.Slots.OrderBy(s => s.Order))
        {
            var files = materials.Where(m => m.SlotId == slot.Id).ToList();
            if (slot.Required && files.Count == 0)
            {
                complete = false;
                errors.Add($"缺少必需材料：{slot.Text}{(slot.Citation is null ? "" : "（" + slot.Citation + "）")}。");
            }
            if (slot.Generated && files.Count > 0)
            {
                if (f.Current.LockedAt is not { } locked) errors.Add($"“{slot.Text}”须由系统生成：请先“生成申请报告并锁定数据”，打印盖章后上传。");
                else if (files.All(m => m.UploadedAt < locked)) errors.Add($"“{slot.Text}”是锁定数据之前上传的，请上传按当前锁定数据生成并盖章的申请报告。");
            }
        }
        var declaration = f.Call.Slots.FirstOrDefault(s => s.IsDeclaration);
        if (f.Current.DeclarationAcceptedAt is null) errors.Add("请确认对申报材料真实性的声明（承诺书）。");
        if (declaration is not null && materials.All(m => m.SlotId != declaration.Id)) errors.Add("请上传盖章后的真实性声明（承诺书）扫描件。");
        var details = ApplicationJson.Read<ApplicantDetails>(f.Current.DetailsJson);
        foreach (var messages in details.Validate(today).Result().Errors.Values)
            errors.AddRange(messages.Select(m => "申报单位信息：" + m));

        var (profile, _, _) = await profiles.BuildAsync(f.Policy, f.Call, f.Carrier, f.Current, ct, materials, aside?.Records);
        var evaluation = ApplicationEligibility.Evaluate(f.Policy, profile);
        foreach (var r in evaluation.AllResults().Where(r => r.IsQuantitative && r.Children.Count == 0 && r.Group is null))
        {
            if (r.State == ResultState.NotMet) warnings.Add($"{r.Citation}：{r.Requirement}——不符合（{r.Actual ?? "—"}{(r.Shortfall is null ? "" : "，" + r.Shortfall)}）。");
            else if (r.State == ResultState.MissingData) warnings.Add($"{r.Citation}：{r.Requirement}——缺少数据。");
        }
        foreach (var g in evaluation.AllResults().Where(r => r.Group is not null && r.State != ResultState.Met))
            warnings.Add($"{g.Citation}：{g.Requirement}——{Domain.Policies.EvaluationJson.StateText(g.State)}（计入{g.Group!.Counting.Count}项，需{g.Group.K}项）。");
        return new SubmissionReport(errors, warnings, evaluation, materials, complete);
    }
}
