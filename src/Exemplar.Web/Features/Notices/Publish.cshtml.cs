using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Calendar;
using Exemplar.Domain.Workflow;
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

/// <summary>发布公示: the proposed list, the period the text gives (or the authority sets), its end counted on the calendar.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[NoticeScope(NoticeScopeKind.Call)]
public sealed class PublishModel(ExemplarDbContext db, NoticeCandidates candidates, PublishNoticeHandler handler, CalendarService calendar, TimeProvider clock) : PageModel, IFormPage
{
    public sealed class SelectionInput
    {
        public Guid ApplicationId { get; set; }
        public bool Included { get; set; }
        [Display(Name = "列入理由")] public string? Reason { get; set; }
    }

    public NoticeSource Source { get; private set; } = null!;
    public NoticeTerm Term { get; private set; } = null!;
    public PublicNoticePeriod? Preview { get; private set; }
    public IReadOnlyList<int> MissingYears { get; private set; } = [];
    public bool MayRun { get; private set; }
    public Guid? ExistingNotice { get; private set; }
    [BindProperty, Display(Name = "公示标题")] public string? Title { get; set; }
    [BindProperty, Display(Name = "文号")] public string? DocumentNumber { get; set; }
    [BindProperty, Display(Name = "异议受理联系方式")] public string? Contact { get; set; }
    [BindProperty, Display(Name = "公示期（工作日）")] public int? WorkingDays { get; set; }
    [BindProperty, Display(Name = "确认截止日期")] public bool ConfirmProvisionalEnd { get; set; }
    [BindProperty] public List<SelectionInput> Selections { get; set; } = [];

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["callId"]?.ToString(), out var id)) await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(Guid callId, CancellationToken ct)
    {
        var source = await candidates.ForAsync(callId, ct);
        if (source is null || !NoticeAccess.MayRead(User, source.Call.JurisdictionCode)) return false;
        Source = source;
        Term = NoticeTerm.Of(source.Policy);
        MayRun = NoticeAccess.MayRun(User, source.Call.JurisdictionCode);
        ExistingNotice = await db.Set<PublicNotice>().AsNoTracking().Where(n => n.CallId == callId).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);
        var days = WorkingDays ?? Term.Default;
        if (days is >= 1 and <= NoticeTerm.MaxWorkingDays)
        {
            var cal = await calendar.GetAsync(ct);
            Preview = NoticeTerm.Period(cal, ChinaTime.Today(clock), days.Value);
            MissingYears = NoticeTerm.MissingYears(cal, Preview);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid callId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct)) return NotFound();
        if (ExistingNotice is { } n) return Redirect($"/Notices/Manage/{n}");
        Title = $"{Source.Call.Year}年度{NoticeLabels.ProgrammeName(Source.Policy.Title)}拟认定名单公示";
        if (Title.Length > NoticeLimits.Title) Title = Title[..NoticeLimits.Title];
        Contact = Source.Call.Contact;
        WorkingDays = Term.Default;
        Selections = Source.Candidates.Select(c => new SelectionInput { ApplicationId = c.ApplicationId }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid callId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct)) return NotFound();
        if (!MayRun) return Forbid();
        var result = await handler.HandleAsync(new PublishNoticeCommand(callId, User, Title, DocumentNumber, Contact, WorkingDays, ConfirmProvisionalEnd,
            Selections.Select(s => new NoticeSelection(s.ApplicationId, s.Included, s.Reason)).ToList()), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = "公示已发布。";
        return Redirect($"/Notices/Manage/{result.Id}");
    }
}
