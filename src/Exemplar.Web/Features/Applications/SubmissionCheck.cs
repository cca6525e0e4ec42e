using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// What stands between a draft and its submission: errors block, warnings are shown and kept on the record. The verdict
/// and warnings are those of the eligibility result the submission freezes; <see cref="Live"/> is that result with its
/// profile when it was worked out now (no locked report), for the package to take instead of working it out again.
/// </summary>
public sealed record SubmissionReport(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, Verdict Verdict,
    IReadOnlyList<ApplicationMaterial> Materials, bool MaterialsComplete, LiveEligibility? Live);

/// <summary>The profile's facts and the engine's result worked out for a draft as it stands.</summary>
public sealed record LiveEligibility(IReadOnlyList<ProfileFact> Facts, PolicyEvaluation Evaluation);

/// <summary>
/// Errors: the deadline passed (Asia/Shanghai; a correction has its own deadline), the carrier may not apply, a required
/// material is missing, the stamped report was not generated from the locked data (or uploaded before the lock), the
/// declaration is not uploaded or not accepted, the unit's details are incomplete. Warnings: the engine does not find the
/// programme's quantitative conditions met, or data is missing — the authority decides, the applicant is told. A locked
/// report is what is submitted, so its result is the one checked (the stamped paper and the record then say the same) and
/// the ledger is not read again; the draft's own result is worked out now otherwise.
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

        PolicyEvaluationDto evaluation;
        LiveEligibility? live = null;
        if (f.Current.LockedJson is { } lockedJson)
        {
            var head = ApplicationJson.ReadRecord<LockedHead>(lockedJson);
            if (head.Call.ReferenceDate != f.Call.ReferenceDate || head.Call.PolicyHash != f.Call.PolicyHash)
                errors.Add("锁定的申请报告所依据的批次信息（资格核对基准日或政策版本）已变化，请解除锁定后重新生成申请报告。");
            evaluation = head.Eligibility;
        }
        else
        {
            var (profile, facts, _) = await profiles.BuildAsync(f.Policy, f.Call, f.Carrier, f.Current, ct, materials, aside?.Records);
            live = new LiveEligibility(facts, ApplicationEligibility.Evaluate(f.Policy, profile));
            evaluation = EvaluationJson.ToDto(live.Evaluation);
        }
        warnings.AddRange(SubmissionWarnings.Of(evaluation));
        return new SubmissionReport(errors, warnings, evaluation.Verdict, materials, complete, live);
    }

    /// <summary>The part of a locked <see cref="ReportData"/> the check reads; the rest of the document is skipped.</summary>
    private sealed record LockedHead(PackageCall Call, PolicyEvaluationDto Eligibility);
}
