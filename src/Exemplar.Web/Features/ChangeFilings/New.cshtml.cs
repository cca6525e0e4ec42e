using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.ChangeFilings;

/// <summary>报送重大变更: the base's form for one of its designations (404 for anyone else's).</summary>
[Authorize(Roles = "Applicant")]
[CaseScope(CaseRecord.DesignationForBase)]
public sealed class NewModel(CaseAccess access, FileChangeHandler handler) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true, Name = "designation")] [Display(Name = "认定")] public Guid? DesignationId { get; set; }
    [BindProperty] [Display(Name = "变更事项类别")] public string? ChangeKind { get; set; }
    [BindProperty] [Display(Name = "变更内容")] public string? Description { get; set; }
    [BindProperty] [Display(Name = "变更日期")] public DateOnly? EventOn { get; set; }

    public CaseSubject Subject { get; private set; } = null!;
    public Domain.Policies.ChangeFilingRule Rule { get; private set; } = null!;
    public IReadOnlyList<string> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var evidence = await CaseUploads.ReadAsync(Request.Form, "Evidence", ct);
        var result = await handler.HandleAsync(new FileChangeCommand(DesignationId!.Value, ChangeKind, Description, EventOn, evidence, User), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = "重大变更备案已报送。";
        return Redirect($"/ChangeFilings/{result.Id}");
    }

    public async Task LoadFormAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (DesignationId is not { } id || await access.SubjectAsync(id, ct) is not { } subject
            || await access.PartyAsync(User, subject.Carrier, subject.Designation.ProgrammeId, ct) != CaseParty.Base
            || subject.Policy.Management.ChangeFiling is not { } rule) return false;
        (Subject, Rule, Kinds) = (subject, rule, ChangeFilingDeadline.Kinds(rule));
        return true;
    }
}
