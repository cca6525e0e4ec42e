using Exemplar.Web.Infrastructure.Forms;
using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Notifications;

[Authorize(Policy = AuthPolicies.SignedIn)]
public sealed class IndexModel(NotificationInbox inbox) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true, Name = "p")] [Display(Name = "页码")] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + NotificationInbox.PageSize - 1) / NotificationInbox.PageSize);
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Total, Items) = await inbox.PageAsync(User.UserId()!.Value, PageNumber, ct);
    }

    public Task LoadFormAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        if (!await inbox.MarkReadAsync(User.UserId()!.Value, id, ct)) return NotFound();
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkReadAsync(User.UserId()!.Value, null, ct);
        TempData["Flash"] = "已全部标为已读。";
        return RedirectToPage();
    }
}
