using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Policies;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.ChangeFilings;

/// <summary>One change filing: what, when, due and filed dates, evidence, and the authorities' actions (404 outside one's scope).</summary>
[Authorize(Roles = "Applicant,CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer,Administrator")]
[CaseScope(CaseRecord.Filing)]
public sealed class FilingModel(ExemplarDbContext db, CaseAccess access, ProcessChangeHandler handler, FileStore store) : PageModel, IFormPage
{
    [BindProperty] [Display(Name = "版本")] public uint? Version { get; set; }
    [BindProperty] [Display(Name = "处理方式")] public ChangeFilingAction? Action { get; set; }
    [BindProperty] [Display(Name = "意见或理由")] public string? Reason { get; set; }
    [BindProperty] [Display(Name = "处理决定文号")] public string? DecisionNumber { get; set; }

    public ChangeFiling Filing { get; private set; } = null!;
    public CaseSubject Subject { get; private set; } = null!;
    public CaseParty Party { get; private set; }
    public IReadOnlyList<StoredFile> Evidence { get; private set; } = [];
    public ChangeFilingRule? Rule => Subject.Policy.Management.ChangeFiling;
    public bool MayForward => Party == CaseParty.LocalAuthority && Filing.Stage == ChangeFilingStage.AtLocalAuthority;
    public bool MayDecide => Party == CaseParty.DesignatingAuthority && Filing.Stage == ChangeFilingStage.WithAuthority;
    /// <summary>北京第十七条: the ground under which the authority may decide revocation instead of change.</summary>
    public RevocationGround? RevokeGround => Rule?.Outcome?.Actions.Contains("revoke") == true
        ? Subject.Policy.Management.RevocationGrounds.FirstOrDefault(g => g.Consequence?.Action == RevocationConsequence.ChangeOrRevoke) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Evidence.FirstOrDefault(f => f.Id == fileId) is { } file ? await store.DownloadAsync(file, ct) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Party is CaseParty.Base) return NotFound();
        var result = await handler.HandleAsync(new ProcessChangeCommand(id, Version, Action, Reason, DecisionNumber, User), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = Action switch
        {
            ChangeFilingAction.Forward => "已转报认定机关。",
            ChangeFilingAction.Return => "已退回，并通知示范基地。",
            _ => "已予备案，示范基地名录的历程已更新。",
        };
        return Redirect($"/ChangeFilings/{id}");
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var filing = await db.Set<ChangeFiling>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null || await access.SubjectAsync(filing.DesignationId, ct) is not { } subject) return false;
        var party = await access.PartyAsync(User, subject.Carrier, filing.ProgrammeId, ct);
        if (party == CaseParty.None) return false;
        (Filing, Subject, Party) = (filing, subject, party);
        Version ??= filing.Version;
        Evidence = await access.StoredAsync(CaseAccess.Files(filing.EvidenceJson), ct);
        return true;
    }
}
