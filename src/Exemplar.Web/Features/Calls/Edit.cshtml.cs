using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Calls;

[Authorize(Policy = AuthPolicies.Designating)]
[CallScope]
public sealed class EditModel(CallQuery query, SaveCallHandler save, AddCallAttachmentHandler attach) : PageModel, IFormPage
{
    public CallDetail Detail { get; private set; } = null!;
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public DateOnly? OpensOn { get; set; }
    [BindProperty] public DateOnly? ApplicationDeadline { get; set; }
    [BindProperty] public DateOnly? RecommendationDeadline { get; set; }
    [BindProperty] public DateOnly? ReferenceDate { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? ReceiptPrefix { get; set; }
    [BindProperty] public List<SlotInput> Slots { get; set; } = [];
    [BindProperty] public string? NewSlotText { get; set; }
    [BindProperty] public string? AttachmentTitle { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await query.FindAsync(id, User, ct);
        if (d is null || !CallQuery.MayManage(User, d.Call)) return NotFound();
        if (d.Call.Status != CallStatus.Draft) return Redirect($"/Calls/{id}");
        Detail = d;
        return null;
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (RouteData.Values["id"] is string raw && Guid.TryParse(raw, out var id)) await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var c = Detail.Call;
        (Version, Title, DocumentNumber, Body, OpensOn, ApplicationDeadline, RecommendationDeadline, ReferenceDate, Contact, ReceiptPrefix) =
            (c.Version, c.Title, c.DocumentNumber, c.Body, c.OpensOn, c.ApplicationDeadline, c.RecommendationDeadline, c.ReferenceDate, c.Contact, c.ReceiptPrefix);
        Slots = c.Slots.Select(s => new SlotInput(s.Id, s.Text, s.Required, s.Generated, s.IsDeclaration, false)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var result = await save.HandleAsync(new SaveCallCommand(id, Version, Title, DocumentNumber, Body, OpensOn, ApplicationDeadline,
            RecommendationDeadline, ReferenceDate, Contact, ReceiptPrefix, Slots, NewSlotText), ct);
        return Done(result, "已保存申报批次。", id);
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        if (Attachment is null) { ModelState.AddModelError("Attachment", "请选择要上传的附件。"); return await ReshowAsync(id, ct); }
        using var ms = new MemoryStream();
        await Attachment.CopyToAsync(ms, ct);
        var result = await attach.HandleAsync(new AddCallAttachmentCommand(id, User.UserId()!.Value, AttachmentTitle, Attachment.FileName, ms.ToArray()), ct);
        return Done(result, "已添加附件。", id);
    }

    private IActionResult Done(SaveResult result, string flash, Guid id)
    {
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect($"/Calls/{id}/Edit");
    }

    private async Task<IActionResult> ReshowAsync(Guid id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        return Page();
    }
}
