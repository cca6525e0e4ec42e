using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Revocations;

/// <summary>
/// One revocation case: grounds, facts, evidence, the statement period; the base's statement form; the authority's
/// delivery record and decision (with a confirmation before revoking). The base opening this page is 送达 of the notice.
/// </summary>
[Authorize(Roles = "Applicant,CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer,Administrator")]
[CaseScope(CaseRecord.Revocation)]
public sealed class CaseModel(ExemplarDbContext db, CaseAccess access, CalendarService calendars, FileStore store, TimeProvider clock,
    StateCaseHandler state, RecordDeliveryHandler delivery, DecideRevocationHandler decide, RevocationDocument documents) : PageModel, IFormPage
{
    [BindProperty] [Display(Name = "版本")] public uint? Version { get; set; }
    [BindProperty] [Display(Name = "陈述申辩意见")] public string? Statement { get; set; }
    [BindProperty] [Display(Name = "送达日期")] public DateOnly? DeliveredOn { get; set; }
    [BindProperty] [Display(Name = "决定")] public RevocationOutcome? Outcome { get; set; }
    [BindProperty] [Display(Name = "决定文号")] public string? DecisionNumber { get; set; }
    [BindProperty] [Display(Name = "决定理由")] public string? Reasons { get; set; }
    [BindProperty] [Display(Name = "陈述申辩处理")] public bool? StatementAccepted { get; set; }
    [BindProperty] [Display(Name = "陈述申辩处理理由")] public string? StatementHandlingReason { get; set; }
    [BindProperty] [Display(Name = "确认")] public bool Confirmed { get; set; }

    public Revocation Case { get; private set; } = null!;
    public CaseSubject Subject { get; private set; } = null!;
    public CaseParty Party { get; private set; }
    public StatementWindow Window { get; private set; } = null!;
    public IReadOnlyList<RevocationGround> Grounds { get; private set; } = [];
    public IReadOnlyList<StoredFile> Evidence { get; private set; } = [];
    public IReadOnlyList<StoredFile> StatementEvidence { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool MayState => Party == CaseParty.Base && Case.Stage == RevocationStage.AwaitingStatement && !Window.HasEndedBy(Today);
    public bool MayDecide => Party == CaseParty.DesignatingAuthority && Case.IsOpen
        && (Case.Stage == RevocationStage.StatementReceived || Window.HasEndedBy(Today));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Party == CaseParty.Base)
        {
            // 送达: the base opened the notice here.
            await NoticeDelivery.MarkOpenedAsync(db, [Case.NoticeId], clock.GetUtcNow(), ct);
            if (db.ChangeTracker.HasChanges())
            {
                db.Actor.Operation = "撤销称号.告知书送达";
                await db.SaveChangesAsync(ct);
                await LoadAsync(id, ct);
            }
        }
        return Page();
    }

    /// <summary>下载撤销决定书（Word）: to whoever may open the case, once it ended in 撤销.</summary>
    public async Task<IActionResult> OnGetWordAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await documents.ForAsync(Case, Subject, ct) is { } d) return File(d.Bytes, d.ContentType, d.FileName);
        TempData["Flash"] = "尚未作出撤销决定，没有撤销决定书。";
        return Redirect($"/Revocations/{id}");
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Evidence.Concat(StatementEvidence).FirstOrDefault(f => f.Id == fileId) is { } file ? await store.DownloadAsync(file, ct) : NotFound();
    }

    public async Task<IActionResult> OnPostStatementAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var files = await CaseUploads.ReadAsync(Request.Form, "StatementFiles", ct);
        return await OutcomeAsync(id, await state.HandleAsync(new StateCaseCommand(id, Statement, files, User), ct), "陈述申辩已提交，认定机关审查后作出决定。", ct);
    }

    public async Task<IActionResult> OnPostDeliveryAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await OutcomeAsync(id, await delivery.HandleAsync(new RecordDeliveryCommand(id, DeliveredOn, User), ct), "已记录送达日期。", ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await decide.HandleAsync(new DecideRevocationCommand(id, Version, Outcome, DecisionNumber, Reasons, StatementAccepted,
            StatementHandlingReason, Confirmed, User), ct);
        return await OutcomeAsync(id, result, Outcome == RevocationOutcome.Revoke ? "已作出撤销决定，证书和名录已显示“已撤销”。" : "已决定不予撤销。", ct);
    }

    private async Task<IActionResult> OutcomeAsync(Guid id, SaveResult result, string flash, CancellationToken ct)
    {
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect($"/Revocations/{id}");
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var r = await db.Set<Revocation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || await access.SubjectAsync(r.DesignationId, ct) is not { } subject) return false;
        var party = await access.PartyAsync(User, subject.Carrier, r.ProgrammeId, ct);
        if (party == CaseParty.None) return false;
        (Case, Subject, Party, Today) = (r, subject, party, ChinaTime.Today(clock));
        Version ??= r.Version;
        Window = await StatementWindow.ForAsync(db, calendars, r, ct);
        var ids = JsonSerializer.Deserialize<List<string>>(r.GroundsJson) ?? [];
        Grounds = [.. ids.Select(g => subject.Policy.Management.Ground(g)).OfType<RevocationGround>()];
        Evidence = await access.StoredAsync(CaseAccess.Files(r.EvidenceJson), ct);
        StatementEvidence = await access.StoredAsync(CaseAccess.Files(r.StatementEvidenceJson), ct);
        return true;
    }
}
