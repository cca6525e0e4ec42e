using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features;

public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
