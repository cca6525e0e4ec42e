using Exemplar.Web.Features.Calls;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

public sealed record UploadMaterialCommand(Guid ApplicationId, Guid OrganizationId, Guid UserId, Guid SlotId, string? FileName, ReadOnlyMemory<byte> Content);

/// <summary>
/// Puts a file into one material slot of the draft, after inspection by content (PDF, JPEG, PNG, DOCX, XLSX; disguised,
/// encrypted or active files refused), within the per-slot count and the application's total size.
/// </summary>
public sealed class UploadMaterialHandler(ExemplarDbContext db, ApplicationLoader loader, UploadInspector inspector, FileStore store,
    ConnectionsBeside beside, TimeProvider clock)
{
    public const int MaxFilesPerSlot = 10;
    public const long MaxBytesPerApplication = 300L * 1024 * 1024;

    public async Task<SaveResult> HandleAsync(UploadMaterialCommand c, CancellationToken ct)
    {
        if (await loader.LoadHeadAsync(c.ApplicationId, ct) is not var (application, current, slots) || application.OrganizationId != c.OrganizationId)
            return SaveResult.NotFound;
        var slot = slots.FirstOrDefault(s => s.Id == c.SlotId);
        if (slot is null) return SaveResult.NotFound;
        var p = new Problems();
        DraftGuard.Check(application, current, c.SlotId.ToString(), p, partOfReport: false);
        if (p.Any) return p.Result();
        var (file, _) = await VetAsync(current.Id, slot, c.FileName, c.Content, p, ct);
        if (file is null) return p.Result();
        // The bytes go straight from the request's buffer to the database, beside the transaction that saves the record.
        using var place = await beside.EnterAsync(ct);
        if (place is null)
        {
            p.Add("File", ConnectionsBeside.Busy);
            return p.Result();
        }
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            StagedContent? bytes = null;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                (_, bytes) = Store(current.Id, slot.Id, file, c.Content, c.UserId, ct);
                await db.SaveChangesAsync(ct);
                await bytes.Written;
                await tx.CommitAsync(ct);
                bytes.Kept();
                return SaveResult.Saved(bytes.FileId);
            }
            finally
            {
                if (bytes is not null) await bytes.DisposeAsync();
            }
        });
    }

    /// <summary>
    /// The slot's file count, the application's total size and the file's content: the file, or null with the problems
    /// added when refused; and the version's materials as they were read for the count.
    /// </summary>
    internal async Task<(InspectedFile? File, List<ApplicationMaterial> Existing)> VetAsync(Guid versionId, CallMaterialSlot slot, string? fileName,
        ReadOnlyMemory<byte> content, Problems p, CancellationToken ct)
    {
        var existing = await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.VersionId == versionId).OrderBy(m => m.UploadedAt).ToListAsync(ct);
        if (existing.Count(m => m.SlotId == slot.Id) >= MaxFilesPerSlot) p.Add("File", $"每项材料最多上传{MaxFilesPerSlot}个文件。");
        if (existing.Sum(m => m.Size) + content.Length > MaxBytesPerApplication)
            p.Add("File", $"一次申报的材料合计不能超过{MaxBytesPerApplication / 1024 / 1024} MB。");
        var verdict = inspector.Inspect(fileName, content, UploadKinds.Documents, "材料");
        if (!verdict.Accepted) p.Add("File", verdict.Refusal!);
        return (p.Any ? null : verdict.File, existing);
    }

    /// <summary>
    /// Tracks the file's record in the slot, for the caller's transaction to save, and starts writing its bytes beside it:
    /// the caller awaits <see cref="StagedContent.Written"/> before it commits, marks them kept after, and disposes them.
    /// </summary>
    internal (ApplicationMaterial Material, StagedContent Bytes) Store(Guid versionId, Guid slotId, InspectedFile file, ReadOnlyMemory<byte> content,
        Guid userId, CancellationToken ct)
    {
        var stored = store.Track(file, "申报材料", userId);
        var material = new ApplicationMaterial
        {
            VersionId = versionId, SlotId = slotId, FileId = stored.Id, FileName = stored.FileName, Sha256 = stored.Sha256,
            Size = stored.Size, UploadedAt = clock.GetUtcNow(),
        };
        db.Add(material);
        db.Actor.Operation = "申报.上传材料";
        return (material, store.Stage(stored.Id, content, ct));
    }
}

public sealed record RemoveMaterialCommand(Guid ApplicationId, Guid OrganizationId, Guid MaterialId);

/// <summary>Takes a file out of the draft (the stored file stays, referenced by earlier versions or the audit trail).</summary>
public sealed class RemoveMaterialHandler(ExemplarDbContext db, ApplicationLoader loader)
{
    public async Task<SaveResult> HandleAsync(RemoveMaterialCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ApplicationId, tracked: true, ct);
        if (!DraftGuard.Owns(f, c.OrganizationId)) return SaveResult.NotFound;
        var m = await db.Set<ApplicationMaterial>().FirstOrDefaultAsync(x => x.Id == c.MaterialId && x.VersionId == f!.Current.Id, ct);
        if (m is null) return SaveResult.NotFound;
        var p = new Problems();
        DraftGuard.Check(f!, m.SlotId.ToString(), p, partOfReport: false);
        if (p.Any) return p.Result();
        db.Remove(m);
        db.Actor.Operation = "申报.删除材料";
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(m.Id);
    }
}
