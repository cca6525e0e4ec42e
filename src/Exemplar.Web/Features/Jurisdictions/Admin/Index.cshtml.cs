using Exemplar.Web.Infrastructure.Forms;
using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Jurisdictions.Admin;

public sealed class IndexModel(JurisdictionTreeCache trees, AddJurisdictionHandler add) : PageModel, IFormPage
{
    [BindProperty] [Display(Name = "区划代码")] public string Code { get; set; } = "";
    [BindProperty] [Display(Name = "名称")] public string Name { get; set; } = "";
    [BindProperty] [Display(Name = "上级区划")] public string ParentCode { get; set; } = "";
    [BindProperty] [Display(Name = "类别")] public JurisdictionKind Kind { get; set; } = JurisdictionKind.DevelopmentZone;

    public JurisdictionTree Tree { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Tree = await trees.GetAsync(ct);

    public async Task LoadFormAsync(CancellationToken ct) => Tree = await trees.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = await add.HandleAsync(new AddJurisdictionCommand(Code, Name, ParentCode, Kind), ct);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
            Tree = await trees.GetAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"已新增“{Name.Trim()}”（{Code.Trim().ToUpperInvariant()}）。";
        return RedirectToPage();
    }
}
