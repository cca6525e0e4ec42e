using System.Security.Claims;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>
/// A call's expert review is run by the designating authority that issued the call; administrators may read it.
/// Experts never see these pages (their own assignments are under /Reviews/Assignments).
/// </summary>
public static class ReviewAccess
{
    public static bool MayRun(ClaimsPrincipal user, Call call) => CallQuery.MayManage(user, call);

    public static bool MayRead(ClaimsPrincipal user, Call call) => MayRun(user, call) || user.Role() == Role.Administrator;
}

/// <summary>Base of the designating authority's review pages: loads the call and its review, 404 outside the authority.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[ReviewScope(ReviewScopeKind.Call)]
public abstract class ReviewPageModel(ExemplarDbContext db) : PageModel
{
    public Call Call { get; private set; } = null!;
    public ExpertReview? Review { get; private set; }
    public bool MayRun { get; private set; }
    protected ExemplarDbContext Db => db;

    /// <summary>Null when the page may go on; else the result to return (404, or 403 for a change by a reader).</summary>
    protected async Task<IActionResult?> LoadAsync(Guid callId, bool change, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || call.Status == CallStatus.Draft || !ReviewAccess.MayRead(User, call)) return NotFound();
        Call = call;
        MayRun = ReviewAccess.MayRun(User, call);
        if (change && !MayRun) return Forbid();
        Review = await db.Set<ExpertReview>().AsNoTracking().Include(r => r.Rubric).FirstOrDefaultAsync(r => r.CallId == callId, ct);
        Review?.Rubric.Sort((a, b) => a.Order.CompareTo(b.Order));
        return null;
    }

    /// <summary>For a refused post (values that did not bind): load the call and review from the route, as the handler would have.</summary>
    protected async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (Call is null && Guid.TryParse(RouteData.Values["callId"]?.ToString(), out var id)) await LoadAsync(id, change: false, ct);
    }

    protected IActionResult Outcome(Infrastructure.Forms.SaveResult result, string flash, string redirect)
    {
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect(redirect);
    }
}
