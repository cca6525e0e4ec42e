using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// Loads the application named by the route's <c>id</c> and refuses anyone who may not see it (404, so its existence is not
/// told) or who sees it but not in the role the page needs (403), before anything else runs — also before antiforgery.
/// Pages that change a draft require <see cref="ApplicantOnly"/>; officers' actions check their own access in their handlers.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ApplicationScopeAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public bool ApplicantOnly { get; init; }
    /// <summary>Only the level that recommends (or, where nobody does, the designating authority) — 退回补正.</summary>
    public bool RecommenderOnly { get; init; }
    /// <summary>Anyone who may see the page reads it; only the recommending level posts to it (推荐工作表).</summary>
    public bool RecommenderPosts { get; init; }
    public bool NeedsContent { get; init; } = true;
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id)) { context.Result = new NotFoundResult(); return; }
        var loader = http.RequestServices.GetRequiredService<ApplicationLoader>();
        var file = await loader.LoadAsync(id, tracked: false, http.RequestAborted);
        if (file is null) { context.Result = new NotFoundResult(); return; }
        var tree = await http.RequestServices.GetRequiredService<JurisdictionTreeCache>().GetAsync(http.RequestAborted);
        var access = ApplicationAccess.For(http.User, file.Application, file.Call.JurisdictionCode, file.Policy, tree);
        if (!access.CanSee) { context.Result = new NotFoundResult(); return; }
        // Seen, but this page is for a role the user does not hold here (content before recommendation, the applicant's own pages).
        if ((NeedsContent && !access.CanSeeContent) || (ApplicantOnly && !access.IsApplicant) ||
            (RecommenderOnly && !(access.IsRecommender || (access.IsDesignating && RecommendingLevels.GoesStraightToDesignating(file.Policy)))) ||
            (RecommenderPosts && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !access.IsRecommender))
        {
            context.Result = new ForbidResult();
            return;
        }
        http.Items[typeof(ApplicationFile)] = file;
        http.Items[typeof(ApplicationAccess)] = access;
    }
}

[Authorize(Roles = Carriers.LedgerRoles.Viewers)]
[ApplicationScope]
public abstract class ApplicationPageModel : PageModel
{
    public ApplicationFile Record => (ApplicationFile)HttpContext.Items[typeof(ApplicationFile)]!;
    public ApplicationAccess Access => (ApplicationAccess)HttpContext.Items[typeof(ApplicationAccess)]!;
    public Application Application => Record.Application;
    public string BaseUrl => $"/Applications/{Application.Id}";
    public Guid OrganizationId => User.OrganizationId() ?? Guid.Empty;

    /// <summary>The applicant may change this part of the current version now.</summary>
    public bool MayEdit(string item) => Access.IsApplicant && ReturnItems.MayEdit(Record.Current, item);

    protected IActionResult Outcome(SaveResult result, string flash, string? redirect = null)
    {
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect(redirect ?? Request.Path);
    }
}
