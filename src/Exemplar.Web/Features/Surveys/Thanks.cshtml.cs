using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Exemplar.Web.Features.Surveys;

[AllowAnonymous]
[EnableRateLimiting(SurveySetup.RateLimitPolicy)]
public sealed class ThanksModel : PageModel
{
    public void OnGet() { }
}
