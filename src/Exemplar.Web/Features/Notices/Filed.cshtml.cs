using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Notices;

/// <summary>Shown once after filing: the reference the filer keeps to look up the status.</summary>
public sealed class FiledModel : PageModel
{
    public string? Reference { get; private set; }

    public IActionResult OnGet()
    {
        Reference = TempData["ObjectionReference"] as string;
        return Reference is null ? Redirect("/Notices/Objections/Status") : Page();
    }
}
