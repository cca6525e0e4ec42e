using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Designations;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Revocations;

/// <summary>
/// 发起撤销 (designating authority): first the designation (a list of the valid ones it keeps), then the grounds of that
/// designation's policy, the facts, evidence and the statement period. Other features link here with a prefill:
/// <c>?designation={id}&amp;ground={groundId}</c> (an evaluation's 不合格), <c>&amp;filing={id}</c> (北京第十七条),
/// <c>&amp;proposed=true</c> (an overdue summary) — the officer still confirms by submitting.
/// </summary>
[Authorize(Roles = "DesignatingOfficer")]
public sealed class StartModel(ExemplarDbContext db, CaseAccess access, DesignationScope scope, SummaryRevocationProposals proposals,
    StartRevocationHandler handler, TimeProvider clock) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true, Name = "designation")] [Display(Name = "示范基地")] public Guid? DesignationId { get; set; }
    [BindProperty(SupportsGet = true, Name = "ground")] [Display(Name = "撤销情形")] public string? Ground { get; set; }
    [BindProperty(SupportsGet = true, Name = "filing")] [Display(Name = "重大变更备案")] public Guid? FilingId { get; set; }
    [BindProperty(SupportsGet = true, Name = "proposed")] [Display(Name = "系统提示")] public bool Proposed { get; set; }
    [BindProperty] [Display(Name = "撤销情形")] public List<string> Grounds { get; set; } = [];
    [BindProperty] [Display(Name = "事实和理由")] public string? Facts { get; set; }
    [BindProperty] [Display(Name = "陈述申辩期限（天）")] public int? StatementDays { get; set; } = StatementPeriod.DefaultDays;

    public IReadOnlyList<(Guid Id, string Label)> Choices { get; private set; } = [];
    public CaseSubject? Subject { get; private set; }
    public RevocationProposal? Proposal { get; private set; }
    public ChangeFiling? Filing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadFormAsync(ct);
        if (DesignationId is not null && Subject is null) return NotFound();
        if (Ground is { } g && Subject?.Policy.Management.Ground(g) is not null) Grounds = [g];
        if (Filing is not null && Facts is null) Facts = $"该示范基地报送重大变更备案：{Filing.ChangeKind}，{Filing.Description}（{Filing.EventWording}于{ChinaTime.Format(Filing.EventOn)}）。";
        if (Proposal is not null && Facts is null) Facts = $"该示范基地未按要求报送年度工作总结：{Proposal.Reason}。";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadFormAsync(ct);
        var evidence = await CaseUploads.ReadAsync(Request.Form, "Evidence", ct);
        var result = await handler.HandleAsync(new StartRevocationCommand(DesignationId, Grounds, Facts, StatementDays, evidence, FilingId,
            Proposal is null ? null : $"系统根据逾期未报送的年度工作总结提示：{Proposal.Reason}", User), ct);
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = "已发起撤销程序，告知书已发送示范基地；陈述申辩期限自送达之日起计算。";
        return Redirect($"/Revocations/{result.Id}");
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        if (DesignationId is { } id && await access.SubjectAsync(id, ct) is { } s
            && await access.PartyAsync(User, s.Carrier, s.Designation.ProgrammeId, ct) == CaseParty.DesignatingAuthority)
        {
            Subject = s;
            if (FilingId is { } f) Filing = await db.Set<ChangeFiling>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == f && x.DesignationId == id, ct);
            if (Proposed) Proposal = (await proposals.ForAsync(User, today, ct)).FirstOrDefault(p => p.DesignationId == id);
            return;
        }
        var programmes = (await scope.ProgrammesAsync(User, ct)).Select(p => p.Policy.Id).ToList();
        var rows = await (from d in db.Set<Designation>().AsNoTracking() join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                          where programmes.Contains(d.ProgrammeId) && d.RevokedOn == null orderby c.Name select new { d, c }).ToListAsync(ct);
        var choices = new List<(Guid, string)>();
        foreach (var x in rows.Where(x => DesignationStatuses.On(today, x.d.ValidUntil, x.d.RevokedOn) == DesignationStatus.Valid))
            if (await access.PartyAsync(User, x.c, x.d.ProgrammeId, ct) == CaseParty.DesignatingAuthority)
                choices.Add((x.d.Id, $"{x.c.Name}（{(access.PolicyOf(x.d) is { } p ? DesignationTitle.Of(p.Title) : x.d.ProgrammeId)}，{x.d.AnnouncementNumber}）"));
        Choices = choices;
    }
}
