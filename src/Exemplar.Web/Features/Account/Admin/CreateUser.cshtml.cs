using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Account.Admin;

public sealed class CreateUserModel(AccountAdminHandler handler, JurisdictionTreeCache trees, ExemplarDbContext db) : PageModel, IFormPage
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] [Display(Name = "角色")] public Role Role { get; set; } = Role.CountyOfficer;
    [BindProperty] public string? JurisdictionCode { get; set; }
    [BindProperty] [Display(Name = "单位")] public Guid? OrganizationId { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string Password { get; set; } = "";

    public JurisdictionTree Tree { get; private set; } = null!;
    public List<Organization> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await trees.GetAsync(ct);
        Organizations = await db.Set<Organization>().AsNoTracking().OrderBy(o => o.JurisdictionCode).ThenBy(o => o.Name).ToListAsync(ct);
    }

    public Task LoadFormAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = await handler.CreateAsync(new CreateAccountCommand(UserName, DisplayName, Role, JurisdictionCode, OrganizationId, Phone, Password), ct);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
            Password = "";
            await OnGetAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"已开设账户 {UserName.Trim().ToLowerInvariant()}（{RoleNames.Label(Role)}）。";
        return RedirectToPage("Users");
    }
}
