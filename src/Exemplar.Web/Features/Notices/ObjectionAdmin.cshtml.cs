using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Notices;

/// <summary>办理异议: the filer and evidence, registration with the base's statement period, then findings, conclusion and reply.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[NoticeScope(NoticeScopeKind.Objection)]
[ReadsPersonalData(nameof(Objection), "id", "异议提出人姓名及联系方式")]
public sealed class ObjectionAdminModel(ObjectionLoader loader, RegisterObjectionHandler register, ConcludeObjectionHandler conclude, TimeProvider clock) : PageModel, IFormPage
{
    public ObjectionFile Case { get; private set; } = null!;
    public bool MayRun { get; private set; }
    public DateOnly Today { get; private set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty, Display(Name = "陈述申辩截止日期")] public DateOnly? StatementDue { get; set; }
    [BindProperty, Display(Name = "调查核实情况")] public string? Findings { get; set; }
    [BindProperty, Display(Name = "结论")] public ObjectionConclusion? Conclusion { get; set; }
    [BindProperty, Display(Name = "答复意见")] public string? Reply { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var f = await loader.LoadAsync(id, tracked: false, ct);
        if (f is null || !NoticeAccess.MayRead(User, f.Notice.JurisdictionCode)) return false;
        Case = f;
        MayRun = NoticeAccess.MayRun(User, f.Notice.JurisdictionCode);
        Today = ChinaTime.Today(clock);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Case.Objection.Version;
        StatementDue = Today.AddDays(7);
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayRun) return Forbid();
        return Outcome(await register.HandleAsync(new RegisterObjectionCommand(id, User, Version, StatementDue), ct), "异议已登记，已告知基地。", id);
    }

    public async Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayRun) return Forbid();
        return Outcome(await conclude.HandleAsync(new ConcludeObjectionCommand(id, User, Version, Findings, Conclusion, Reply), ct), "异议已办结。", id);
    }

    private IActionResult Outcome(SaveResult result, string flash, Guid id)
    {
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect($"/Notices/Manage/Objections/{id}");
    }
}
