using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;

namespace Exemplar.Web.Features.Reviews.Experts;

[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[ReviewScope(ReviewScopeKind.Expert)]
public sealed class EditModel(ExemplarDbContext db, JurisdictionTreeCache trees, SaveExpertHandler handler) : PageModel, IFormPage
{
    public bool IsNew { get; private set; }
    public IReadOnlyList<Jurisdiction> Regions { get; private set; } = [];
    [BindProperty] public uint? Version { get; set; }
    [BindProperty, Display(Name = "姓名")] public string? Name { get; set; }
    [BindProperty, Display(Name = "专业领域")] public List<string> Specialties { get; set; } = [];
    [BindProperty, Display(Name = "工作单位")] public string? EmployerName { get; set; }
    [BindProperty, Display(Name = "工作单位统一社会信用代码")] public string? EmployerUscc { get; set; }
    [BindProperty, Display(Name = "所在地区")] public string? RegionCode { get; set; }
    [BindProperty, Display(Name = "手机")] public string? Mobile { get; set; }
    [BindProperty, Display(Name = "电子邮箱")] public string? Email { get; set; }
    [BindProperty, Display(Name = "在库")] public bool IsActive { get; set; }
    [BindProperty, Display(Name = "专家账户")] public string? AccountUserName { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var scope = JurisdictionScope.For(User, tree);
        Regions = tree.All.Where(j => scope.Covers(j.Code)).OrderBy(j => j.Path, StringComparer.Ordinal).ToList();
        IsNew = RouteData.Values["id"] is null;
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadFormAsync(ct);
        if (id is null) { IsActive = true; return Page(); }
        var tree = await trees.GetAsync(ct);
        var e = await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !ExpertScope.Covers(User, tree, e.RegionCode)) return NotFound();
        (Version, Name, Specialties, EmployerName, EmployerUscc, RegionCode, Mobile, Email, IsActive) =
            (e.Version, e.Name, e.Specialties, e.EmployerName, e.EmployerUscc, e.RegionCode, e.Mobile, e.Email, e.IsActive);
        AccountUserName = e.UserId is { } u ? await db.Set<UserAccount>().Where(x => x.Id == u).Select(x => x.UserName).FirstOrDefaultAsync(ct) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        await LoadFormAsync(ct);
        var result = await handler.HandleAsync(new SaveExpertCommand(id, Version,
            new ExpertInput(Name, Specialties, EmployerName, EmployerUscc, RegionCode, Mobile, Email, IsActive, AccountUserName), User), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = $"已保存专家“{Name?.Trim()}”。";
        return Redirect("/Experts");
    }
}
