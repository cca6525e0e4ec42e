using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Registry;

/// <summary>The open data's addresses and schema.</summary>
public sealed class DataModel : PageModel
{
    public void OnGet() { }
}
