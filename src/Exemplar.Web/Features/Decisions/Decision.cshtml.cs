using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Decisions;

/// <summary>认定决定 and 公告 of one notice: the gates (period ended, no open objection), the meeting, the results, the announcement.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[NoticeScope(NoticeScopeKind.Notice)]
[RequestFormLimits(MultipartBodyLengthLimit = DecisionLimits.MinutesBytes + 1024 * 1024)]
[RequestSizeLimit(DecisionLimits.MinutesBytes + 1024 * 1024)]
public sealed class DecisionModel(ExemplarDbContext db, DecisionLoader loader, RecordDecisionHandler record, AnnounceHandler announce, TimeProvider clock) : PageModel, IFormPage
{
    public sealed class ChoiceInput
    {
        public Guid EntryId { get; set; }
        public bool Designated { get; set; }
        [Display(Name = "理由")] public string? Reason { get; set; }
    }

    public DecisionFile Case { get; private set; } = null!;
    public bool MayRun { get; private set; }
    public DateOnly Today { get; private set; }
    public DesignationTerm Term { get; private set; } = null!;
    public IReadOnlyList<Attendee> Attendance { get; private set; } = [];
    public IReadOnlyList<Designation> Designations { get; private set; } = [];
    public IReadOnlyList<WrittenOutcome> Outcomes { get; private set; } = [];
    [BindProperty] public uint Version { get; set; }
    [BindProperty, Display(Name = "决定日期")] public DateOnly? DecidedOn { get; set; }
    [BindProperty, Display(Name = "会议名称")] public string? MeetingName { get; set; }
    [BindProperty, Display(Name = "参会人员")] public string? Attendees { get; set; }
    [BindProperty, Display(Name = "应到人数")] public int? MembersExpected { get; set; }
    [BindProperty, Display(Name = "实到人数")] public int? MembersPresent { get; set; }
    [BindProperty, Display(Name = "确认到会人数")] public bool QuorumConfirmed { get; set; }
    [BindProperty, Display(Name = "会议纪要")] public IFormFile? Minutes { get; set; }
    [BindProperty] public List<ChoiceInput> Choices { get; set; } = [];
    [BindProperty, Display(Name = "公告文号")] public string? AnnouncementNumber { get; set; }
    [BindProperty, Display(Name = "公告标题")] public string? AnnouncementTitle { get; set; }
    [BindProperty, Display(Name = "公告日期")] public DateOnly? AnnouncedOn { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["noticeId"]?.ToString(), out var id)) await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(Guid noticeId, CancellationToken ct)
    {
        var f = await loader.LoadAsync(noticeId, tracked: false, ct);
        if (f is null || !NoticeAccess.MayRead(User, f.Notice.JurisdictionCode)) return false;
        Case = f;
        MayRun = NoticeAccess.MayRun(User, f.Notice.JurisdictionCode);
        Today = ChinaTime.Today(clock);
        Term = DesignationTerm.Of(f.Policy);
        if (f.Decision is { } d)
        {
            Attendance = d.AttendeesJson is { } json ? ApplicationJson.Read<List<Attendee>>(json) : [];
            var ids = d.Lines.Where(l => l.DesignationId != null).Select(l => l.DesignationId!.Value).ToList();
            Designations = await db.Set<Designation>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct);
            Outcomes = await db.Set<WrittenOutcome>().AsNoTracking().Where(w => w.DecisionId == d.Id).OrderBy(w => w.CarrierName).ToListAsync(ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid noticeId, CancellationToken ct)
    {
        if (!await LoadAsync(noticeId, ct)) return NotFound();
        Version = Case.Decision?.Version ?? Case.Notice.Version;
        Choices = Case.Remaining.Select(e => new ChoiceInput { EntryId = e.Id, Designated = true }).ToList();
        AnnouncementTitle = $"关于认定{Case.Call.Year}年度{NoticeLabels.ProgrammeName(Case.Policy.Title)}的公告";
        if (AnnouncementTitle.Length > DecisionLimits.AnnouncementTitle) AnnouncementTitle = AnnouncementTitle[..DecisionLimits.AnnouncementTitle];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid noticeId, CancellationToken ct)
    {
        if (!await LoadAsync(noticeId, ct)) return NotFound();
        if (!MayRun) return Forbid();
        EvidenceUpload? minutes = null;
        if (Minutes is { Length: > 0 })
        {
            using var ms = new MemoryStream();
            await Minutes.CopyToAsync(ms, ct);
            minutes = new EvidenceUpload(Minutes.FileName, ms.ToArray());
        }
        var result = await record.HandleAsync(new RecordDecisionCommand(noticeId, User, Version, DecidedOn, MeetingName, Attendees, MembersExpected, MembersPresent,
            QuorumConfirmed, minutes, Choices.Select(c => new DecisionChoice(c.EntryId, c.Designated, c.Reason)).ToList()), ct);
        return Outcome(result, Case.Collective ? "集体决策已记录。" : "认定决定已记录。", noticeId);
    }

    public async Task<IActionResult> OnPostAnnounceAsync(Guid noticeId, CancellationToken ct)
    {
        if (!await LoadAsync(noticeId, ct)) return NotFound();
        if (!MayRun) return Forbid();
        var result = await announce.HandleAsync(new AnnounceCommand(noticeId, User, Version, AnnouncementNumber, AnnouncementTitle, AnnouncedOn), ct);
        return Outcome(result, "认定公告已发布，认定记录已生成，未获认定的申报单位已收到书面告知。", noticeId);
    }

    private IActionResult Outcome(SaveResult result, string flash, Guid noticeId)
    {
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect($"/Decisions/Notices/{noticeId}");
    }
}
