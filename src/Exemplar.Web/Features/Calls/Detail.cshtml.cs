using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calls;

/// <summary>A call for anyone (published) or its authority (draft): text, dates with days left, materials; applicants start here.</summary>
public sealed class DetailModel(CallQuery query, ExemplarDbContext db, ApplicationAdmission admission, StartApplicationHandler start,
    PublishCallHandler publish, CloseCallHandler close, FileStore files, TimeProvider clock) : PageModel
{
    public CallDetail Detail { get; private set; } = null!;
    public Call Call => Detail.Call;
    public DaysLeft DaysLeft { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool MayManage { get; private set; }
    /// <summary>For an applicant: each of its carriers, whether it may apply (and why not), and its application in this call.</summary>
    public IReadOnlyList<(Carrier Carrier, IReadOnlyList<string> Refusals, Guid? ApplicationId)> Carriers { get; private set; } = [];
    [BindProperty] public Guid? CarrierId { get; set; }
    [BindProperty] public uint Version { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await query.FindAsync(id, User, ct);
        if (detail is null) return false;
        Detail = detail;
        Today = ChinaTime.Today(clock);
        DaysLeft = await query.DaysLeftAsync(Call.ApplicationDeadline, ct);
        MayManage = CallQuery.MayManage(User, Call);
        Version = Call.Version;
        if (User.Role() == Role.Applicant && User.OrganizationId() is { } org)
        {
            var carriers = await db.Set<Carrier>().AsNoTracking().Where(c => c.OrganizationId == org).OrderBy(c => c.Name).ToListAsync(ct);
            var apps = await db.Set<Application>().AsNoTracking().Where(a => a.CallId == id && a.OrganizationId == org).ToDictionaryAsync(a => a.CarrierId, a => a.Id, ct);
            var list = new List<(Carrier, IReadOnlyList<string>, Guid?)>();
            foreach (var c in carriers)
                list.Add((c, await admission.RefusalsAsync(Call, c, Today, ct), apps.TryGetValue(c.Id, out var a) ? a : null));
            Carriers = list;
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var found = Detail.Attachments.FirstOrDefault(a => a.Attachment.Id == attachmentId);
        return found.File is null ? NotFound() : await files.DownloadAsync(found.File, ct);
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        if (User.Role() != Role.Applicant || User.OrganizationId() is not { } org) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await start.HandleAsync(new StartApplicationCommand(id, CarrierId, org, User.UserId()!.Value), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok) { AddErrors(result); return Page(); }
        TempData["Flash"] = "已开始申报。数据已从本基地的台账填入，请逐项核对、补充并上传材料。";
        return Redirect($"/Applications/{result.Id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayManage) return Forbid();
        var result = await publish.HandleAsync(new PublishCallCommand(id, Version), ct);
        if (!result.Ok) { AddErrors(result); return await ReloadAsync(id, ct); }
        TempData["Flash"] = "申报通知已发布，公众可以查看，申报单位可以在线申报。";
        return Redirect($"/Calls/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayManage) return Forbid();
        var result = await close.HandleAsync(new CloseCallCommand(id, Version), ct);
        if (!result.Ok) { AddErrors(result); return await ReloadAsync(id, ct); }
        TempData["Flash"] = "已结束受理。";
        return Redirect($"/Calls/{id}");
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    private void AddErrors(SaveResult result)
    {
        foreach (var (field, messages) in result.Errors)
            foreach (var m in messages) ModelState.AddModelError(field, m);
    }
}
