using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>
/// Refuses with 404 — before anything else runs, antiforgery included — a summary or report (route <c>id</c>) the user
/// may not read, so its existence is not told and a post is never processed. Summaries: the operator of the base, or an
/// officer whose jurisdiction covers the base once submitted. Reports: the authoring authority, or an officer above once submitted.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FilingScopeAttribute(bool report) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // Roles the page does not admit at all are answered by its [Authorize] (403), not here.
        var role = http.User.Role();
        if (role is null or Role.Expert || (report && role == Role.Applicant)) return;
        if (!Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id)) { context.Result = new NotFoundResult(); return; }
        var db = http.RequestServices.GetRequiredService<ExemplarDbContext>();
        var tree = await http.RequestServices.GetRequiredService<JurisdictionTreeCache>().GetAsync(http.RequestAborted);
        if (!(report ? await MayReadReportAsync(db, tree, http.User, id, http.RequestAborted) : await MayReadSummaryAsync(db, tree, http.User, id, http.RequestAborted)))
            context.Result = new NotFoundResult();
    }

    public static async Task<bool> MayReadSummaryAsync(ExemplarDbContext db, JurisdictionTree tree, System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var row = await (from s in db.Set<AnnualSummary>().AsNoTracking() join c in db.Set<Carrier>().AsNoTracking() on s.CarrierId equals c.Id
                         where s.Id == id select new { s.Status, c }).FirstOrDefaultAsync(ct);
        if (row is null) return false;
        var access = CarrierAccess.For(user, row.c, tree);
        return access.CanWrite || (access.CanRead && row.Status == FilingStatus.Submitted);
    }

    public static async Task<bool> MayReadReportAsync(ExemplarDbContext db, JurisdictionTree tree, System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var r = await db.Set<AnnualReport>().AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Status, x.JurisdictionCode }).FirstOrDefaultAsync(ct);
        if (r is null) return false;
        var author = user.Role() is Role.CountyOfficer or Role.PrefectureOfficer or Role.ZoneOfficer && user.JurisdictionCode() == r.JurisdictionCode;
        return author || (r.Status == FilingStatus.Submitted && JurisdictionScope.For(user, tree).Covers(r.JurisdictionCode));
    }
}
