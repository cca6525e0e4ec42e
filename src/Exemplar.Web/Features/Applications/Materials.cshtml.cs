using System.Security.Claims;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The call's materials list with the files in each slot; the application report generated from the draft (and its data
/// locked), the declaration printed, stamped, uploaded and accepted. Applicants change it; viewers download.
/// </summary>
[ApplicationScope]
public sealed class MaterialsModel(ExemplarDbContext db, UploadMaterialHandler upload, RemoveMaterialHandler remove, LockReportHandler locker,
    AcceptDeclarationHandler accept, FileStore files) : ApplicationPageModel
{
    public IReadOnlyList<ApplicationMaterial> Files { get; private set; } = [];
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public Guid SlotId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public Guid MaterialId { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Files = await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.VersionId == Record.Current.Id).OrderBy(m => m.UploadedAt).ToListAsync(ct);
        Version = Record.Current.Version;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetFileAsync(Guid materialId, CancellationToken ct)
    {
        var versions = await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == Application.Id).Select(v => v.Id).ToListAsync(ct);
        var m = await db.Set<ApplicationMaterial>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == materialId && versions.Contains(x.VersionId), ct);
        if (m is null) return NotFound();
        var stored = await db.Set<StoredFile>().AsNoTracking().SingleAsync(f => f.Id == m.FileId, ct);
        return await files.DownloadAsync(stored, ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (!Access.IsApplicant) return NotFound();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("File", "请选择要上传的文件。");
            await LoadAsync(ct);
            return Page();
        }
        using var ms = new MemoryStream(checked((int)Upload.Length)); // its size is known: one buffer, handed on without a copy
        await Upload.CopyToAsync(ms, ct);
        var result = await upload.HandleAsync(new UploadMaterialCommand(Application.Id, OrganizationId, User.UserId()!.Value, SlotId, Upload.FileName, ms.GetBuffer().AsMemory(0, (int)ms.Length)), ct);
        if (!result.Ok) await LoadAsync(ct);
        return Outcome(result, "已上传。");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!Access.IsApplicant) return NotFound();
        var result = await remove.HandleAsync(new RemoveMaterialCommand(Application.Id, OrganizationId, MaterialId), ct);
        if (!result.Ok) await LoadAsync(ct);
        return Outcome(result, "已删除该文件。");
    }

    public async Task<IActionResult> OnPostLockAsync(bool unlock, CancellationToken ct)
    {
        if (!Access.IsApplicant) return NotFound();
        var result = await locker.HandleAsync(new LockReportCommand(Application.Id, OrganizationId, Version, !unlock), ct);
        if (!result.Ok) await LoadAsync(ct);
        return Outcome(result, unlock ? "已解除锁定，可以修改申报数据；修改后请重新生成申请报告并盖章上传。" : "已生成申请报告并锁定数据。请打印、盖章后扫描上传。",
            unlock ? null : $"{BaseUrl}/Report");
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        if (!Access.IsApplicant) return NotFound();
        var result = await accept.HandleAsync(new AcceptDeclarationCommand(Application.Id, OrganizationId, User.UserId()!.Value,
            User.FindFirstValue(ClaimTypes.Name) ?? "?", Version, Confirmed), ct);
        if (!result.Ok) await LoadAsync(ct);
        return Outcome(result, "已确认真实性声明。");
    }
}
