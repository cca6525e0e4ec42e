using System.Text.Json;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

public sealed record SubmitApplicationCommand(Guid ApplicationId, Guid OrganizationId, Guid UserId, string UserName, MaterialUpload? LastMaterial = null);

/// <summary>A file to put into one slot of the draft as part of its submission (both saved, or neither).</summary>
public sealed record MaterialUpload(Guid SlotId, string? FileName, ReadOnlyMemory<byte> Content);

public sealed record SubmitOutcome(SaveResult Result, string? ReceiptNumber, string? PackageHash, IReadOnlyList<string> Warnings);

/// <summary>
/// Submits the current version: in one transaction, checks it (<see cref="SubmissionCheck"/>), freezes it as one
/// canonical package — the locked report data, the materials with their hashes, the declaration, the warnings — with one
/// hash, with the receipt number drawn for the application at its first submission (kept by later versions), and queues
/// the receipt notice. Either all of it is saved or none: a crash or a concurrent submission leaves the draft as it was, and of two
/// submissions of one application at once exactly one wins. A last material sent with the submission is vetted and its
/// record saved in the same transaction, before the check, while its bytes are written beside it (<see cref="StagedContent"/>):
/// refused, or the submission refused, and nothing of either is kept. Holding up to four connections at once, it enters
/// through <see cref="ConnectionsBeside"/>.
/// </summary>
public sealed class SubmitApplicationHandler(ExemplarDbContext db, ApplicationLoader loader, SubmissionCheck check, ReportDataBuilder reports,
    UploadMaterialHandler uploads, ReceiptDesk receipts, IServiceScopeFactory scopes, ConnectionsBeside beside, Messenger messenger, TimeProvider clock)
{
    public const string AlreadySubmitted = "该申报已经提交（可能是重复提交或他人同时提交），请刷新页面查看回执。";

    public async Task<SubmitOutcome> HandleAsync(SubmitApplicationCommand c, CancellationToken ct)
    {
        using var place = await beside.EnterAsync(ct);
        if (place is null)
        {
            var busy = new Problems();
            busy.Add("", ConnectionsBeside.Busy);
            return new SubmitOutcome(busy.Result(), null, null, []);
        }
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            StagedContent? bytes = null;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await AuditedCommit.PromiseFlushAsync(db.Database, ct);
                var f = await loader.LoadAsync(c.ApplicationId, tracked: true, ct);
                if (f is null || !DraftGuard.Owns(f, c.OrganizationId)) return new SubmitOutcome(SaveResult.NotFound, null, null, []);
                // The check's reads that do not depend on this transaction's writes run beside the rest of the work.
                await using var aside = ReadsAside.Start(scopes, f, clock, ct);
                List<ApplicationMaterial>? materials = null;
                if (c.LastMaterial is { } upload)
                {
                    var slot = f.Call.Slots.FirstOrDefault(s => s.Id == upload.SlotId);
                    if (slot is null) return new SubmitOutcome(SaveResult.NotFound, null, null, []);
                    var refused = new Problems();
                    DraftGuard.Check(f, slot.Id.ToString(), refused, partOfReport: false);
                    if (refused.Any) return new SubmitOutcome(refused.Result(), null, null, []);
                    var (file, existing) = await uploads.VetAsync(f.Current.Id, slot, upload.FileName, upload.Content, refused, ct);
                    if (file is null) return new SubmitOutcome(refused.Result(), null, null, []);
                    // The file's record is saved with the submission; the check counts it from here.
                    (var material, bytes) = uploads.Store(f.Current.Id, slot.Id, file, upload.Content, c.UserId, ct);
                    materials = [.. existing, material];
                }
                var report = await check.RunAsync(f, ct, aside, materials);
                if (report.Errors.Count > 0)
                {
                    var p = new Problems();
                    foreach (var e in report.Errors) p.Add("", e);
                    return new SubmitOutcome(p.Result(), null, null, report.Warnings);
                }
                var a = f.Application;
                var v = f.Current;
                var now = clock.GetUtcNow();
                var reportJson = v.LockedJson ?? ApplicationJson.Write(await reports.BuildAsync(f.Policy, f.Call, f.Carrier, v, ct, report.Live));
                var reportHash = ApplicationJson.Sha256(reportJson);
                if (v.LockedJson is not null && reportHash != v.LockedHash)
                    throw new InvalidOperationException($"申报 {a.Id} 版本 {v.Number} 的锁定数据与其哈希不符。");

                v.State = VersionState.Submitted;
                v.SubmittedAt = now;
                v.SubmittedBy = c.UserId;
                v.SubmittedByName = c.UserName;
                v.WarningsJson = ApplicationJson.Write(report.Warnings);
                if (a.Status == ApplicationStatus.Returned &&
                    await db.Set<ApplicationReturn>().FirstOrDefaultAsync(r => r.ApplicationId == a.Id && r.FromVersion == v.Number - 1, ct) is { } ret)
                    ret.ResubmittedAt = now;
                a.Status = ApplicationStatus.Submitted;
                a.SubmittedVerdict = report.Verdict;
                a.MaterialsComplete = report.MaterialsComplete;
                a.FirstSubmittedAt ??= now;
                a.LastSubmittedAt = now;

                var details = ApplicationJson.Read<ApplicantDetails>(v.DetailsJson);
                var users = (await aside.Check).Recipients;
                if (a.Kind == ApplicationKind.ReReview)
                {
                    // 复核 applied for in the expiry year: the title stands past its end date until the decision (聊城第十六条).
                    var held = await db.Set<Designations.Designation>().Where(d => d.CarrierId == a.CarrierId && d.ProgrammeId == f.Call.ProgrammeId
                        && d.RevokedOn == null && d.ValidUntil != null).OrderByDescending(d => d.ValidUntil).FirstOrDefaultAsync(ct);
                    if (held is not null) held.ReReviewApplicationId = a.Id;
                }
                var slots = f.Call.Slots.ToDictionary(s => s.Id);
                var declarationSlot = f.Call.Slots.FirstOrDefault(s => s.IsDeclaration);
                var reportElement = JsonDocument.Parse(reportJson).RootElement;
                var packageMaterials = report.Materials.OrderBy(m => slots[m.SlotId].Order).ThenBy(m => m.UploadedAt)
                    .Select(m => new PackageMaterial(m.SlotId, slots[m.SlotId].Citation, slots[m.SlotId].Text, m.FileName, m.Sha256, m.Size)).ToList();
                var declaration = new PackageDeclaration(v.DeclarationAcceptedByName!, v.DeclarationAcceptedAt!.Value,
                    report.Materials.LastOrDefault(m => m.SlotId == declarationSlot?.Id)?.Sha256);
                // The number is drawn and committed on its own (ReceiptDesk) while the file's bytes, written beside the work
                // above, are committed; it is the application's whatever happens here: a retry, or a submission after a crash,
                // takes the same one.
                var drawing = a.ReceiptNumber is null ? receipts.DrawAsync(f.Call.Id, a.Id, now, ct) : null;
                // Awaited together, so neither is left running unobserved when the other fails.
                await Task.WhenAll(new[] { bytes?.Written, drawing }.OfType<Task>());
                var receipt = a.ReceiptNumber ??= ReceiptNumber.Format(f.Call.ReceiptPrefix, f.Call.Year, await drawing!);
                db.Actor.Operation = v.Number == 1 ? "申报.提交" : "申报.补正后提交";
                try
                {
                    var package = new ApplicationPackage(ApplicationPackage.SchemaId, reportElement, packageMaterials, declaration, report.Warnings,
                        new PackageSubmission(a.Id, v.Number, receipt, c.UserName, now, reportHash));
                    var json = ApplicationJson.Write(package);
                    v.SnapshotJson = json;
                    v.PackageHash = ApplicationJson.Sha256(json);
                    var title = v.Number == 1 ? $"申报回执：{receipt}" : $"补正材料回执：{receipt}（第{v.Number}版）";
                    messenger.Queue($"application-receipt:{a.Id}:{v.Number}", title,
                        $"“{f.Carrier.Name}”申报《{f.Call.Title}》已于{ChinaTime.Format(now)}提交（第{v.Number}版），受理编号 {receipt}，" +
                        $"材料包哈希 {v.PackageHash[..16]}…。" + (report.Warnings.Count > 0 ? $"提交时系统提示{report.Warnings.Count}项条件未满足或缺少数据，详见回执。" : ""),
                        new NoticeRecipients(users, [details.ContactEmail], [details.ContactMobile]));
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    bytes?.Kept();
                }
                catch (DbUpdateConcurrencyException)
                {
                    await tx.RollbackAsync(ct);
                    var p = new Problems();
                    p.Add("", AlreadySubmitted);
                    return new SubmitOutcome(p.Result(), null, null, []);
                }
                return new SubmitOutcome(SaveResult.Saved(a.Id), receipt, v.PackageHash, report.Warnings);
            }
            finally
            {
                if (bytes is not null) await bytes.DisposeAsync();
            }
        });
        // Committed without waiting for the log's flush (the audit chain's head is not held through it): nobody hears of
        // the receipt before it is on disk. Outside the retried work, so a failed flush does not run the submission again.
        if (outcome.Result.Ok) await AuditedCommit.FlushAsync(db.Database, CancellationToken.None);
        return outcome;
    }
}
