using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>
/// One notice for its authority: the list, the objections with their state, and — when the calendar entered since
/// publication would end it on another day — a warning and the extension form (the dates never move by themselves).
/// </summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[NoticeScope(NoticeScopeKind.Notice)]
public sealed class NoticeModel(ExemplarDbContext db, ExtendNoticeHandler handler, CalendarService calendar, TimeProvider clock) : PageModel, IFormPage
{
    public PublicNotice Notice { get; private set; } = null!;
    public IReadOnlyList<Objection> Objections { get; private set; } = [];
    public DateOnly? Drift { get; private set; }
    public DateOnly Today { get; private set; }
    public bool MayRun { get; private set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty, Display(Name = "新的截止日期")] public DateOnly? NewEnd { get; set; }
    [BindProperty, Display(Name = "延长理由")] public string? Reason { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var n = await db.Set<PublicNotice>().AsNoTracking().Include(x => x.Entries).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !NoticeAccess.MayRead(User, n.JurisdictionCode)) return false;
        n.Entries.Sort((a, b) => a.Order.CompareTo(b.Order));
        Notice = n;
        MayRun = NoticeAccess.MayRun(User, n.JurisdictionCode);
        Objections = await db.Set<Objection>().AsNoTracking().Where(o => o.NoticeId == id).OrderBy(o => o.FiledAt).ToListAsync(ct);
        Today = ChinaTime.Today(clock);
        Drift = n.Status == NoticeStatus.Published ? ExtendNoticeHandler.CalendarDrift(await calendar.GetAsync(ct), n) : null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Notice.Version;
        NewEnd = Drift > Notice.EndsOn ? Drift : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayRun) return Forbid();
        var result = await handler.HandleAsync(new ExtendNoticeCommand(id, User, Version, NewEnd, Reason), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = "公示期已延长。";
        return Redirect($"/Notices/Manage/{id}");
    }
}
