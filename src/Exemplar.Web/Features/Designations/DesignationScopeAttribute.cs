using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Designations;

/// <summary>
/// Refuses with 404 — before anything else runs, antiforgery included — a designation (route <c>id</c>) that the
/// signed-in officer does not keep (<see cref="DesignationScope"/>), so its existence is not told and a post is never processed.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DesignationScopeAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // Roles the page does not admit at all are answered by its [Authorize] (403), not here.
        if (!DesignationScope.MayMaintain(http.User)) return;
        var services = http.RequestServices;
        var db = services.GetRequiredService<ExemplarDbContext>();
        var ct = http.RequestAborted;
        if (!Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id)) { context.Result = new NotFoundResult(); return; }
        var found = await (from d in db.Set<Designation>().AsNoTracking()
                           join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                           where d.Id == id select new { d.ProgrammeId, c.JurisdictionCode }).FirstOrDefaultAsync(ct);
        if (found is null || !await services.GetRequiredService<DesignationScope>().CoversAsync(http.User, found.ProgrammeId, found.JurisdictionCode, ct))
            context.Result = new NotFoundResult();
    }
}
